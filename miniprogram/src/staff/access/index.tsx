// 访问记录 (administrators): who in the area read whose personal data, what and when, newest first;
// by period, and one officer's or one person's alone (tap a name to narrow, 全部 to widen again).
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { chinaDateTimeText, listAccessLog, staffLevelLabels, todayInChina, addCalendarDays } from '@doorstep/shared';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';
import './index.scss';

type Period = 'today' | 'week' | 'month';
const PERIODS: { value: Period; label: string }[] = [
  { value: 'today', label: '今天' },
  { value: 'week', label: '近 7 天' },
  { value: 'month', label: '近 30 天' },
];
const BACK: Record<Period, number> = { today: 0, week: -6, month: -29 };

export default function AccessLogPage() {
  const [period, setPeriod] = useState<Period>('week');
  const [officer, setOfficer] = useState<{ id: string; name: string }>();
  const [person, setPerson] = useState<{ id: string; name: string }>();
  const today = todayInChina();
  const query = { from: addCalendarDays(today, BACK[period]), to: today, ...(officer ? { officerId: officer.id } : {}), ...(person ? { personId: person.id } : {}) };
  const { data, setData, gate } = usePageData(() => request(listAccessLog, { query }), [period, officer?.id, person?.id]);



  if (gate || !data) return gate;
  return (
    <Page>
      <Text className="page__title">访问记录</Text>
      <Text className="page__lead">本辖区工作人员每次查看个人信息都会留下记录；本人也能看到哪个部门查看过。</Text>
      <View className="tabs">
        <ChoiceToggles options={PERIODS} chosen={period} onChange={setPeriod} />
      </View>
      {officer || person ? (
        <View className="access-filter">
          <Text className="access-filter__text">{`只看：${[officer && `工作人员 ${officer.name}`, person && `人员 ${person.name}`].filter(Boolean).join('，')}`}</Text>
          <Button className="btn btn--secondary" onClick={() => (setOfficer(undefined), setPerson(undefined))}>
            全部
          </Button>
        </View>
      ) : null}
      {data.items.length === 0 ? <Text className="access-empty">这段时间没有查看记录。</Text> : null}
      {data.items.map((e) => (
        <View key={e.id} className="card access-entry">
          <Text className="access-entry__what">{e.what}</Text>
          <Text className="access-entry__meta">{chinaDateTimeText(e.at)}</Text>
          <Text className="access-entry__link" onClick={() => setOfficer({ id: e.officer.userId, name: e.officer.name })}>
            {`工作人员：${e.officer.name}（${e.officer.areaName}，${staffLevelLabels[e.officer.level]}）`}
          </Text>
          <Text className="access-entry__link" onClick={() => setPerson({ id: e.person.id, name: e.person.name })}>
            {`查看的人员：${e.person.name}`}
          </Text>
        </View>
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => request(listAccessLog, { query: { ...query, cursor } })} label="看更早的记录" />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
