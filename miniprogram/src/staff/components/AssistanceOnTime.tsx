// 就业援助各项期限按时率: each deadline's steps done, done on time (and the share), and open past
// their date — then by street and by specialist. Shown on 就业援助台账 and on 数据看板.
import { Text, View } from '@tarojs/components';
import type { AssistanceReport } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';

const tally = (x: { done: number; onTime: number; overdue: number }) => `办结 ${x.done}，按时 ${x.onTime}${x.done ? `（${Math.round((x.onTime / x.done) * 100)}%）` : ''}，逾期未办 ${x.overdue}`;

export function AssistanceOnTime({ report, title }: { report: AssistanceReport; title?: string }) {
  return (
    <View className="card">
      <Text className="card__title">{title ?? `援助对象 ${report.cases} 人，已就业 ${report.placed} 人`}</Text>
      {title ? <DetailRow label="援助对象" value={`${report.cases} 人，已就业 ${report.placed} 人`} /> : null}
      <DetailRow label="公益性岗位" value={`名额 ${report.welfareSeats} 个，在岗 ${report.welfareFilled} 人`} />
      {report.steps.length === 0 ? <Text className="page__lead">还没有援助期限。</Text> : null}
      {report.steps.map((x) => (
        <DetailRow key={x.kind} label={x.name} value={tally(x)} />
      ))}
      {report.byStreet.length > 1 ? <Text className="card__subtitle">按街道</Text> : null}
      {report.byStreet.length > 1 ? report.byStreet.map((x) => <DetailRow key={x.areaCode} label={`${x.areaName.split(' ').at(-1)}（${x.cases}人）`} value={tally(x)} />) : null}
      {report.bySpecialist.length ? <Text className="card__subtitle">按援助专员</Text> : null}
      {report.bySpecialist.map((x) => (
        <DetailRow key={x.id} label={`${x.name}（${x.cases}人）`} value={tally(x)} />
      ))}
    </View>
  );
}
