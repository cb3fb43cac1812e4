// 服务大厅 LED 大屏 (H5, 1920×1080): the open vacancies within 3 km of the hall, nearest first,
// and the area's figures this month, refreshed every minute without anyone touching it. Set up
// once per hall: /#/screen/index/index?area=<area code>&lat=<hall lat>&lng=<hall lng> (GCJ-02).
// Public data only; large type to read from across the room.
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { bigScreen, chinaTimeText, distanceText, fenToYuanText, rateText, shiftLabels, type ResponseOf } from '@doorstep/shared';
import { request } from '../../services/request';
import './index.scss';

const REFRESH_MS = 60_000;
type Screen = ResponseOf<typeof bigScreen>;

export default function BigScreenPage() {
  const { area = '', lat, lng } = useRouter().params;
  const [screen, setScreen] = useState<Screen>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const next = await request(bigScreen, { params: { areaCode: area }, query: { ...(lat ? { lat: Number(lat) } : {}), ...(lng ? { lng: Number(lng) } : {}) } });
        if (alive) {
          setScreen(next);
          setProblem(undefined);
        }
      } catch (err) {
        // Keep showing the last figures; say the connection is down.
        if (alive) setProblem((err as Error).message);
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [area, lat, lng]);

  if (!screen) {
    return (
      <View className="screen">
        <Text className="screen__title">家门口就业服务大厅</Text>
        <Text className="screen__note">{problem ?? '正在加载…'}</Text>
      </View>
    );
  }
  const f = screen.month.figures;
  const tiles = [
    { label: '本月平台上岗', value: `${f.placements}人` },
    { label: '本月求职登记', value: `${f.jobseekerRegistrations}人` },
    { label: '本月推荐就业', value: `${f.referrals}人次` },
    { label: '本月培训结业', value: `${f.trainees}人` },
    { label: '服务满意率', value: rateText(screen.month.rates.satisfactionRate) },
    { label: '就业率', value: rateText(screen.month.rates.employmentRate) },
  ];
  return (
    <View className="screen">
      <View className="screen__head">
        <Text className="screen__title">{screen.areaName.split(' ').slice(-2).join(' ')} 家门口就业</Text>
        <Text className="screen__note">{screen.periodLabel} · {chinaTimeText(screen.updatedAt).slice(11)} 更新{problem ? ' · 网络中断，显示的是上次的数据' : ''}</Text>
      </View>
      <View className="screen__body">
        <View className="screen__tiles">
          {tiles.map((t) => (
            <View key={t.label} className="tile">
              <Text className="tile__value">{t.value}</Text>
              <Text className="tile__label">{t.label}</Text>
            </View>
          ))}
        </View>
        <View className="screen__jobs">
          <Text className="screen__subtitle">附近3公里正在招聘</Text>
          {screen.vacancies.length === 0 ? <Text className="screen__note">附近暂时没有正在招聘的岗位，欢迎到窗口登记求职意向。</Text> : null}
          {screen.vacancies.map(({ vacancy: v, distanceM }) => (
            <View key={v.id} className="job">
              <Text className="job__title">{v.title}</Text>
              <Text className="job__pay">{fenToYuanText(v.salaryMinFen)}–{fenToYuanText(v.salaryMaxFen)}元/月</Text>
              <Text className="job__meta">
                {v.employerName} · 招{v.headcount}人 · {shiftLabels[v.shift]} · 距大厅{distanceText(distanceM)}
              </Text>
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
