// 招聘会现场大屏 (H5, 1920×1080): the fair's units in booth order with the posts they brought, and
// how many people have checked in today; ready from the working day before (staff preview it and
// confirm on 展位和签到). More booths than fit turn over every 15 seconds; the data refreshes every
// minute; a dropped connection keeps the last data and says so. Set up per fair:
// /#/screen/fair/index?id=<fair id>. Public data only (units and posts, no person).
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { chinaTimeText, fairScreen, fenToYuanText, type ResponseOf } from '@doorstep/shared';
import { request } from '../../services/request';
import '../index/index.scss';
import './index.scss';

const REFRESH_MS = 60_000;
const TURN_MS = 15_000;
const PER_PAGE = 8;
type Screen = ResponseOf<typeof fairScreen>;

export default function FairScreenPage() {
  const { id = '' } = useRouter().params;
  const [screen, setScreen] = useState<Screen>();
  const [problem, setProblem] = useState<string>();
  const [page, setPage] = useState(0);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const next = await request(fairScreen, { params: { id } });
        if (alive) {
          setScreen(next);
          setProblem(undefined);
        }
      } catch (err) {
        if (alive) setProblem((err as Error).message);
      }
    };
    void load();
    const refresh = setInterval(() => void load(), REFRESH_MS);
    const turn = setInterval(() => setPage((p) => p + 1), TURN_MS);
    return () => {
      alive = false;
      clearInterval(refresh);
      clearInterval(turn);
    };
  }, [id]);

  if (!screen) {
    return (
      <View className="screen">
        <Text className="screen__title">招聘会</Text>
        <Text className="screen__note">{problem ?? '正在加载…'}</Text>
      </View>
    );
  }
  const { fair, booths } = screen;
  const pages = Math.max(1, Math.ceil(booths.length / PER_PAGE));
  const shown = booths.slice((page % pages) * PER_PAGE, (page % pages) * PER_PAGE + PER_PAGE);
  const onToday = fair.startDate <= screen.today && screen.today <= fair.endDate;
  return (
    <View className="screen">
      <View className="screen__head">
        <Text className="screen__title">{fair.title}</Text>
        <Text className="screen__note">
          {fair.startDate === fair.endDate ? fair.startDate : `${fair.startDate} 至 ${fair.endDate}`} {fair.hours.from}–{fair.hours.to}
          {fair.venue ? ` · ${fair.venue.name}` : ''}
        </Text>
      </View>
      <View className="fair-screen__bar">
        <Text className="fair-screen__fact">{fair.kindName}</Text>
        <Text className="fair-screen__fact">参会单位 {booths.length} 家</Text>
        <Text className="fair-screen__fact">岗位 {booths.reduce((n, b) => n + b.vacancies.length, 0)} 个</Text>
        {onToday ? <Text className="fair-screen__fact fair-screen__fact--hot">今天已签到 {screen.checkedInToday} 人</Text> : <Text className="fair-screen__fact">{fair.startDate} 开始</Text>}
        <Text className="screen__note">
          {pages > 1 ? `第 ${(page % pages) + 1}/${pages} 页 · ` : ''}
          {chinaTimeText(screen.updatedAt).slice(11)} 更新{problem ? ' · 网络中断，显示的是上次的数据' : ''}
        </Text>
      </View>
      {booths.length === 0 ? <Text className="screen__subtitle">参会单位确定后在这里显示。</Text> : null}
      <View className="fair-screen__grid">
        {shown.map((b) => (
          <View key={b.employerId} className="fair-booth">
            <View className="fair-booth__head">
              <Text className="fair-booth__no">{b.boothNo}号</Text>
              <Text className="fair-booth__name">{b.employerName}</Text>
            </View>
            {b.vacancies.slice(0, 3).map((v) => (
              <View key={v.id} className="fair-booth__post">
                <Text className="job__title">{v.title}</Text>
                <Text className="job__pay">
                  {fenToYuanText(v.salaryMinFen)}–{fenToYuanText(v.salaryMaxFen)}元/月
                </Text>
                <Text className="job__meta">招{v.headcount}人</Text>
              </View>
            ))}
            {b.vacancies.length > 3 ? <Text className="job__meta">还有 {b.vacancies.length - 3} 个岗位，请到展位咨询</Text> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
