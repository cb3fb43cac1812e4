// 数据看板: the assessment figures of the jurisdiction for a month, quarter or year — the rates
// against their targets first, then what was done, then a bar for each area one level down (tap
// one to look inside it), and the CSV for Excel.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  exportStats,
  figureLabels,
  getAssistanceReport,
  getStats,
  meanDaysToPay,
  periodsOf,
  subsidyKindLabels,
  subsidyPaidFigure,
  SUBSIDY_KINDS,
  rateText,
  todayInChina,
  type AreaFigures,
  type AssistanceReport,
  type FlowFigure,
} from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { saveCsv } from '../../services/files';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { Page } from '../../components/Page';
import { AssistanceOnTime } from '../components/AssistanceOnTime';
import '../../styles/page.scss';
import './index.scss';

const SHOWN: FlowFigure[] = ['jobseekerRegistrations', 'unemploymentRegistrations', 'employmentRegistrations', 'hardshipRecognitions', 'employerOnboardings', 'reviewsDecided', 'referrals', 'placements', 'trainees', 'vouchersPerson', 'vouchersEmployer', 'ratings', 'complaints', 'complaintsResolved', 'tasksDone', 'fairsHeld', 'fairAttendances'];
const SUBSIDY_SHOWN: FlowFigure[] = ['subsidyApplications', 'subsidyApprovals', 'subsidyRefusals', 'subsidiesPaid'];
const BAR_FIGURES: FlowFigure[] = ['placements', 'jobseekerRegistrations', 'referrals', 'trainees', 'ratings'];
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

export default function StatsPage() {
  const { areaCode } = useRouter().params;
  const periods = periodsOf(todayInChina());
  const [period, setPeriod] = useState(periods[0]);
  const [bar, setBar] = useState<FlowFigure>('placements');
  const [exporting, setExporting] = useState<string>();
  const { session, data, gate } = usePageData(() => request(getStats, { query: { ...(areaCode ? { areaCode } : {}), period } }), [period, areaCode]);
  // 就业援助's deadlines, as of today, for an administrator looking at their own area.
  const [onTime, setOnTime] = useState<AssistanceReport>();
  const user = session?.user;
  const ownArea = !areaCode || areaCode === user?.areaCode;
  const showsOnTime = !!user && user.roles.includes('admin') && user.roles.includes('staff') && user.level !== 'community' && ownArea;
  useEffect(() => {
    if (showsOnTime) void request(getAssistanceReport).then((r) => setOnTime(r.report), () => setOnTime(undefined));
  }, [showsOnTime]);
  if (gate || !data) return gate;
  const f = data.total.figures;
  const r = data.total.rates;
  const max = Math.max(1, ...data.children.map((c) => c.figures[bar]));

  const rates = [
    { label: '服务满意率', value: r.satisfactionRate, target: data.targets.satisfactionRate, note: `${f.ratings} 条评价` },
    { label: '有就业意愿劳动力就业率', value: r.employmentRate, target: data.targets.employmentRate, note: `${f.willingEmployed} / ${f.willing} 人` },
    { label: '就业困难人员就业率', value: r.hardToEmployEmploymentRate, target: data.targets.hardToEmployEmploymentRate, note: `${f.hardToEmployEmployed} / ${f.hardToEmploy} 人` },
    { label: '任务按时办结率', value: r.onTimeRate, target: undefined, note: `${f.tasksOnTime} / ${f.tasksDone} 件` },
  ];

  async function exportCsv() {
    setExporting('正在导出…');
    try {
      const file = await request(exportStats, { query: { areaCode: data!.total.areaCode, period } });
      saveCsv(file.fileName, file.content);
      setExporting(undefined);
    } catch (err) {
      setExporting((err as Error).message);
    }
  }

  return (
    <Page>
      <Text className="page__title">数据看板</Text>
      <Text className="page__lead">{data.total.areaName} · {data.periodLabel}</Text>
      <View className="toggle-row tabs">
        {periods.map((p, i) => (
          <Text key={p} className={`toggle ${period === p ? 'toggle--on' : ''}`} onClick={() => setPeriod(p)}>
            {['本月', '本季度', '本年'][i]}
          </Text>
        ))}
      </View>

      <Text className="section-title">考核指标</Text>
      {rates.map((x) => {
        const ok = x.value === null || x.target === undefined ? undefined : x.value >= x.target;
        return (
          <View key={x.label} className={`card figure${ok === false ? ' figure--short' : ok ? ' figure--met' : ''}`}>
            <Text className="figure__label">{x.label}</Text>
            <Text className="figure__value">{rateText(x.value)}</Text>
            <Text className="figure__note">
              {x.note}
              {x.target !== undefined ? ` · 目标 ${rateText(x.target)}` : ''}
              {ok === false ? ' · 未达标' : ok ? ' · 达标' : ''}
            </Text>
          </View>
        );
      })}
      <View className={`card figure${f.zeroEmploymentFamilies > 0 ? ' figure--short' : ' figure--met'}`}>
        <Text className="figure__label">零就业家庭</Text>
        <Text className="figure__value">{f.zeroEmploymentFamilies} 户</Text>
        <Text className="figure__note">目标：动态清零{f.zeroEmploymentFamilies > 0 ? ' · 请尽快帮扶' : ' · 达标'}</Text>
      </View>
      {showsOnTime && onTime ? <AssistanceOnTime report={onTime} title="就业援助各项期限按时率（截至今日）" /> : null}
      {/* Who stands behind the two headline figures: the cases and households, and each assistance deadline's on-time rate. */}
      {session?.user.roles.includes('staff') ? (
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/staff/assistance/index' })}>
            就业援助台账和按时率
          </Button>
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/staff/households/index' })}>
            零就业家庭台账
          </Button>
          <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/staff/ledger/index' })}>
            实名制台账
          </Button>
        </View>
      ) : null}

      <Text className="section-title">服务量</Text>
      <View className="card">
        {SHOWN.map((name) => (
          <View key={name} className="detail-row">
            <Text className="detail-row__label">{figureLabels[name].replace(/（张）$/, '')}</Text>
            <Text className="detail-row__value">
              {f[name]}
              {name === 'vouchersPerson' ? `（${yuan(f.vouchersPersonFen)}）` : name === 'vouchersEmployer' ? `（${yuan(f.vouchersEmployerFen)}）` : ''}
            </Text>
          </View>
        ))}
      </View>

      <Text className="section-title">补贴</Text>
      <View className="card">
        {SUBSIDY_SHOWN.map((name) => (
          <View key={name} className="detail-row">
            <Text className="detail-row__label">{figureLabels[name].replace(/（(份|笔)）$/, '')}</Text>
            <Text className="detail-row__value">
              {f[name]}
              {name === 'subsidiesPaid' ? `（${yuan(f.subsidiesPaidFen)}）` : ''}
            </Text>
          </View>
        ))}
        {SUBSIDY_KINDS.filter((k) => f[subsidyPaidFigure[k]] > 0).map((k) => (
          <View key={k} className="detail-row">
            <Text className="detail-row__label">其中{subsidyKindLabels[k]}</Text>
            <Text className="detail-row__value">{yuan(f[subsidyPaidFigure[k]])}</Text>
          </View>
        ))}
        <View className="detail-row">
          <Text className="detail-row__label">从申请到发放平均</Text>
          <Text className="detail-row__value">{meanDaysToPay(f) === null ? '—' : `${meanDaysToPay(f)} 天`}</Text>
        </View>
      </View>

      {data.children.length ? (
        <View>
          <Text className="section-title">下级区域</Text>
          <View className="toggle-row tabs">
            {BAR_FIGURES.map((b) => (
              <Text key={b} className={`toggle ${bar === b ? 'toggle--on' : ''}`} onClick={() => setBar(b)}>
                {figureLabels[b]}
              </Text>
            ))}
          </View>
          {data.children.map((c: AreaFigures) => (
            <View key={c.areaCode} className="card bar" onClick={() => Taro.navigateTo({ url: `/staff/stats/index?areaCode=${c.areaCode}` })}>
              <Text className="bar__label">{c.areaName.split(' ').pop()}</Text>
              <View className="bar__track">
                <View className="bar__fill" style={{ width: `${Math.round((c.figures[bar] / max) * 100)}%` }} />
              </View>
              <Text className="bar__value">
                {c.figures[bar]} · 满意率 {rateText(c.rates.satisfactionRate)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {exporting ? <Notice kind={exporting === '正在导出…' ? 'info' : 'error'} message={exporting} /> : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => void exportCsv()}>
          导出表格（CSV）
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
