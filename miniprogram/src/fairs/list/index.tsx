// 招聘会: the fairs coming up where the person lives (their community's street, district and
// city), soonest first, and the ones they signed up for. A fair opens with its employers and posts.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getJobseekerRegistration, listFairs, myFairs, type Fair } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { ApiError, request } from '../../services/request';
import '../../styles/page.scss';

function FairCard({ fair, mine }: { fair: Fair; mine?: boolean }) {
  return (
    <View className="card slot-card fair-card" onClick={() => void Taro.navigateTo({ url: `/fairs/fair/index?id=${fair.id}` })}>
      <Text className="slot-card__time">{fair.title}</Text>
      <Text className="status-pill">{mine ? '已预约' : fair.kindName}</Text>
      <Text className="slot-card__meta">
        {fair.startDate === fair.endDate ? fair.startDate : `${fair.startDate} 至 ${fair.endDate}`} {fair.hours.from}–{fair.hours.to}
      </Text>
      <Text className="slot-card__meta">{fair.mode === 'online' ? '网络招聘会' : `${fair.venue?.name ?? ''}，${fair.venue?.address ?? ''}`}</Text>
      <Text className="slot-card__meta">{fair.accepted} 家单位参会</Text>
    </View>
  );
}

export default function FairsPage() {
  const { data, gate } = usePageData(async () => {
    let areaCode: string | undefined;
    try {
      areaCode = (await request(getJobseekerRegistration)).registration.residence.areaCode;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    const [near, mine] = await Promise.all([areaCode ? request(listFairs, { query: { areaCode } }) : Promise.resolve({ items: [] }), request(myFairs)]);
    return { registered: !!areaCode, near: near.items, mine: mine.items };
  });
  if (gate || !data) return gate;
  const mineIds = new Set(data.mine.map((f) => f.id));
  return (
    <Page>
      <Text className="page__title">招聘会</Text>
      <Text className="page__lead">家附近的现场和网络招聘会。预约后当天出示签到码入场，看中的岗位点“我有意向”。</Text>
      {!data.registered ? <Notice kind="info" message="做了求职登记，就能看到家附近的招聘会，并在会上投简历。" actionText="去做求职登记" onAction={() => Taro.navigateTo({ url: '/registration/form/index' })} /> : null}
      {data.mine.length ? <Text className="card__title section-title">我预约的</Text> : null}
      {data.mine.map((f) => (
        <FairCard key={f.id} fair={f} mine />
      ))}
      {data.registered ? <Text className="card__title section-title">近期的招聘会</Text> : null}
      {data.registered && data.near.length === 0 ? <Text className="page__lead">近期还没有招聘会。</Text> : null}
      {data.near.filter((f) => !mineIds.has(f.id)).map((f) => (
        <FairCard key={f.id} fair={f} />
      ))}
    </Page>
  );
}
