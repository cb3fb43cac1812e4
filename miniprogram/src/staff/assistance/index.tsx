// 就业援助台账: the street's recognised hard-to-employ people (its administrators see all of them,
// a specialist only their own), by state, newest first; for each, the next step and whether it is
// late. Opening one is recorded in the person's 访问记录.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  ASSISTANCE_STATUSES,
  assistanceStatusLabels,
  exportAssistanceLedger,
  getAssistanceReport,
  listAssistanceCases,
  todayInChina,
  type AssistanceCase,
  type AssistanceReport,
  type AssistanceStatus,
} from '@doorstep/shared';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { usePageData } from '../../hooks/usePageData';
import { request } from '../../services/request';
import { AssistanceOnTime } from '../components/AssistanceOnTime';
import { ExportCsvButton } from '../components/ExportCsvButton';
import { FilterTabs } from '../components/FilterTabs';
import '../../styles/page.scss';
import '../reviews/index.scss';

const FILTERS: { value: AssistanceStatus | ''; label: string }[] = [{ value: '', label: '全部' }, ...ASSISTANCE_STATUSES.map((s) => ({ value: s, label: assistanceStatusLabels[s] }))];

/** The first step not yet done, and whether it is past its due date. */
function nextStep(c: AssistanceCase, today: string): string {
  const step = c.steps.find((s) => !s.done);
  if (!step) return '各项步骤已按期办理';
  return `下一步：${step.name}，${step.due} 前${step.due < today ? '（已逾期）' : ''}`;
}

export default function AssistanceLedgerPage() {
  const [status, setStatus] = useState<AssistanceStatus | ''>('');
  const fetchPage = (cursor?: string) => request(listAssistanceCases, { query: { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } });
  const { session, data, setData, gate } = usePageData(() => fetchPage(), [status]);
  const [report, setReport] = useState<AssistanceReport>();
  const [message, setMessage] = useState<string>();
  const isAdmin = !!session && session.user.roles.includes('admin') && session.user.level !== 'community';

  async function showReport() {
    setMessage(undefined);
    try {
      setReport((await request(getAssistanceReport)).report);
    } catch (err) {
      setMessage((err as Error).message);
    }
  }

  if (session && !session.user.roles.includes('staff')) return <Page><Notice message="这里是工作人员的就业援助台账，您的账号没有工作人员权限。" /></Page>;
  if (gate || !data) return gate;
  const today = todayInChina();

  return (
    <Page>
      <Text className="page__title">就业援助台账</Text>
      <Text className="page__lead">街道管理员看到本辖区的全部援助对象，援助专员看到自己负责的。</Text>
      <FilterTabs options={FILTERS} chosen={status} onChange={setStatus} />
      {isAdmin ? (
        <View className="page__actions">
          <Button className="btn btn--secondary" onClick={() => void showReport()}>
            各项期限按时率
          </Button>
          <ExportCsvButton fetchFile={() => request(exportAssistanceLedger)} />
        </View>
      ) : null}
      {message ? <Notice message={message} /> : null}
      {report ? <AssistanceOnTime report={report} /> : null}
      {data.items.length === 0 ? <Text className="page__lead">{status ? `没有“${assistanceStatusLabels[status]}”的援助对象。` : '辖区内还没有援助对象。就业困难人员认定后会自动出现在这里。'}</Text> : null}
      {data.items.map((c) => (
        <View key={c.id} className="card queue-item" onClick={() => Taro.navigateTo({ url: `/staff/assistance-case/index?id=${c.id}` })}>
          <Text className="queue-item__name">{c.personName}</Text>
          <Text className="queue-item__meta">{`${c.areaName} · ${c.recognisedOn} 认定`}</Text>
          <Text className="queue-item__meta">{`${c.statusName}${c.specialist ? ` · 援助专员 ${c.specialist.name}` : ''}`}</Text>
          <Text className="queue-item__meta">{nextStep(c, today)}</Text>
          <Text className="queue-item__go">查看和办理 ›</Text>
        </View>
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => fetchPage(cursor)} />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
