// 代办记录: what family members did for the person, and what the person did for family members,
// newest first, with what came of each; more on request.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { chinaDateTimeText, listProxyActions, proxyActionOutcomeLabels, proxyRelationLabels, type ProxyAction } from '@doorstep/shared';
import { LoadMore } from '../../components/LoadMore';
import { Page } from '../../components/Page';
import { ChoiceToggles } from '../../components/Toggles';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../family.scss';

type Side = ProxyAction['side'];
const SIDES: { value: Side; label: string }[] = [
  { value: 'for_me', label: '家人为我办的' },
  { value: 'by_me', label: '我为家人办的' },
];

const who = (a: ProxyAction) => (a.side === 'for_me' ? `${proxyRelationLabels[a.relation]} ${a.proxyPhone} 代办` : `为「${a.callName}」代办`);

export default function ProxyRecordsPage() {
  const [side, setSide] = useState<Side>('for_me');
  const { data, setData, gate } = usePageData(() => request(listProxyActions, { query: { side, limit: 20 }, self: true }), [side]);



  if (gate || !data) return gate;
  return (
    <Page>
      <Text className="page__title">代办记录</Text>
      <View className="tabs">
        <ChoiceToggles options={SIDES} chosen={side} onChange={setSide} />
      </View>
      {data.items.length === 0 ? <Text className="family-empty">{side === 'for_me' ? '还没有家人为您办过事。' : '您还没有为家人办过事。'}</Text> : null}
      {data.items.map((a) => (
        <View key={a.id} className="family-record">
          <Text className="family-record__what">{a.what}</Text>
          <Text className="family-record__meta">{`${chinaDateTimeText(a.at)} · ${who(a)} · ${proxyActionOutcomeLabels[a.outcome]}`}</Text>
        </View>
      ))}
      <LoadMore page={data} onPage={setData} fetchPage={(cursor) => request(listProxyActions, { query: { side, limit: 20, cursor }, self: true })} label="看更早的记录" />
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
