// One search result: what the job is, how far, and — for a registered job seeker — how well it
// fits and why, in plain words. The whole card is the tap target.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { distanceText, employmentFormLabels, fenToYuanText, shiftLabels, type NearbyItem } from '@doorstep/shared';
import './VacancyCard.scss';


export function VacancyCard({ item }: { item: NearbyItem }) {
  const { vacancy: v, distanceM, match } = item;
  const open = () => Taro.navigateTo({ url: `/jobs/vacancy/index?id=${v.id}&distanceM=${distanceM}` });
  return (
    <View className="card job-card" onClick={open}>
      <View className="job-card__head">
        <Text className="job-card__title">{v.title}</Text>
        <Text className="job-card__distance">{distanceText(distanceM)}</Text>
      </View>
      <Text className="job-card__salary">
        {fenToYuanText(v.salaryMinFen)}–{fenToYuanText(v.salaryMaxFen)} 元/月
      </Text>
      <Text className="job-card__meta">
        {v.employerName} · {employmentFormLabels[v.employmentForm]} · {shiftLabels[v.shift]}
      </Text>
      {match ? (
        <View className="job-card__match">
          <Text className="job-card__score">匹配度 {match.score}</Text>
          {match.reasons.slice(0, 3).map((r) => (
            <Text key={r} className="job-card__reason">
              ✓ {r}
            </Text>
          ))}
          {match.unmet.slice(0, 2).map((r) => (
            <Text key={r} className="job-card__unmet">
              ! {r}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
