// One service point: open now or not, hours, address and phone, and for each thing it does what
// is needed — the conditions and every document to bring, all at once (一次性告知) — with 预约办事
// and, where the app can do it too, the way to do it here without going.
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { clockText, getServicePoint, type OpeningPeriod } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../components/points.scss';

const hoursText = (periods: readonly OpeningPeriod[]) =>
  periods.length ? periods.map((p) => `${clockText(p.from)}–${p.to <= p.from ? '次日' : ''}${clockText(p.to)}`).join('、') : '休息';

export default function ServicePointPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data, gate } = usePageData(() => request(getServicePoint, { params: { id } }), [id]);
  if (gate || !data) return gate;
  const { point, catalogue } = data;
  return (
    <Page>
      <Text className="page__title">{point.name}</Text>
      <Text className={`point-card__open ${point.opening.open ? '' : 'point-card__open--closed'}`}>
        {point.opening.today}，{point.opening.status}
      </Text>
      <View className="card">
        <DetailRow label="类型" value={point.kindName} />
        <DetailRow label="地址" value={`${point.areaName} ${point.address}`} />
        <DetailRow label="电话" value={point.phone} />
        <DetailRow label="工作日" value={hoursText(point.hours.workday)} />
        <DetailRow label="周末和节假日" value={hoursText(point.hours.restDay)} />
        <Button className="btn btn--secondary" onClick={() => void Taro.makePhoneCall({ phoneNumber: point.phone.replace('-', '') })}>
          打电话问一问
        </Button>
        {point.kind === 'gig_station' ? (
          <Button className="btn btn--secondary" onClick={() => void Taro.navigateTo({ url: `/gigs/nearby/index?lat=${point.lat}&lng=${point.lng}&label=${encodeURIComponent(point.name)}` })}>
            看驿站附近的零工
          </Button>
        ) : null}
      </View>
      <Text className="card__title section-title">能办的事和要带的材料</Text>
      {catalogue.services.map((s) => (
        <View key={s.key} className="card" id={`service-${s.key}`}>
          <Text className="card__title">{s.name}</Text>
          <Text className="point-card__meta">{s.summary}</Text>
          <Text className="card__subtitle">谁可以办</Text>
          <View className="checklist">
            {s.conditions.map((c) => (
              <Text key={c} className="checklist__item">
                · {c}
              </Text>
            ))}
          </View>
          <Text className="card__subtitle">请带齐（一次告诉您）</Text>
          <View className="checklist">
            {s.documents.length === 0 ? <Text className="checklist__item">不用带材料</Text> : null}
            {s.documents.map((d) => (
              <View key={d.code}>
                <Text className="checklist__item">□ {d.label}</Text>
                {d.when ? <Text className="checklist__when">（{d.when}）</Text> : null}
              </View>
            ))}
          </View>
          <Text className="point-card__meta">在窗口大约 {s.minutes} 分钟</Text>
          <View className="stack">
            <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: `/points/book/index?id=${point.id}&service=${s.key}` })}>
              预约到这里办
            </Button>
            {s.appPage ? (
              <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: s.appPage! })}>
                不想跑？在小程序里办
              </Button>
            ) : null}
          </View>
        </View>
      ))}
      <Text className="point-card__meta">材料清单版本 {catalogue.version}</Text>
    </Page>
  );
}
