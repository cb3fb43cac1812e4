// 亲情代办: the family members who act for the person (each can be ended, after a confirmation),
// invitations not yet accepted (each can be withdrawn), the family members the person acts for
// (switch to acting for one, or step back), and the way to the 代办记录.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { cancelProxyInvitation, chinaDateTimeText, listMyProxies, maskPhone, proxyRelationLabels, PROXY_SERVICES, revokeProxy, type ProxyBinding } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { goBack } from '../../services/nav';
import { actFor } from '../../services/proxy';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../../pages/index/index.scss';
import '../family.scss';

const endedText = (b: ProxyBinding) => `已于 ${chinaDateTimeText(b.revokedAt ?? b.createdAt)} 解除（${b.revokedBy === 'proxy' ? '代办人' : '本人'}解除）`;

export default function FamilyPage() {
  const { data, reload, gate } = usePageData(() => request(listMyProxies, { self: true }));
  const { busy, error, act } = useAction(reload);

  async function end(b: ProxyBinding, mine: boolean) {
    const who = mine ? `${proxyRelationLabels[b.relation]}（${b.proxyPhone}）` : `「${b.callName}」`;
    const { confirm } = await Taro.showModal({
      title: mine ? `不再让${who}代办？` : `不再为${who}代办？`,
      content: mine ? '解除后对方立即不能再为您办理任何事，已经办好的不受影响。以后可以重新邀请。' : '解除后您立即不能再为对方办理，已经办好的不受影响。对方可以重新邀请您。',
      confirmText: '解除',
      cancelText: '不解除',
      confirmColor: '#b3261e',
    });
    if (confirm) await act(() => request(revokeProxy, { params: { id: b.id }, self: true }));
  }

  async function withdraw(phone: string) {
    const { confirm } = await Taro.showModal({ title: '撤回这个邀请？', content: `撤回后，发给 ${maskPhone(phone)} 的邀请码不能再用。`, confirmText: '撤回', cancelText: '不撤回' });
    if (confirm) await act(() => request(cancelProxyInvitation, { params: { phone }, self: true }));
  }

  if (gate || !data) return gate;
  const active = data.proxies.filter((b) => b.status === 'active');
  const ended = data.proxies.filter((b) => b.status !== 'active');
  const actingFor = data.actingFor.filter((b) => b.status === 'active');
  return (
    <Page>
      <Text className="page__title">亲情代办</Text>
      <Text className="page__lead">{`家人可以用自己的微信为您办：${PROXY_SERVICES.join('、')}。办的每件事您都能看到，随时可以解除。`}</Text>
      {error ? <Notice message={error} /> : null}

      <Text className="card__title section-title">为我代办的家人</Text>
      {active.length === 0 && data.invitations.length === 0 ? <Text className="family-empty">还没有家人为您代办。</Text> : null}
      {active.map((b) => (
        <View key={b.id} className="card family-card">
          <Text className="family-card__who">{`${proxyRelationLabels[b.relation]} ${b.proxyPhone}`}</Text>
          <Text className="family-card__meta">{`${chinaDateTimeText(b.createdAt)} 起为您代办，TA 称呼您“${b.callName}”`}</Text>
          <Button className="btn btn--danger" disabled={busy} onClick={() => void end(b, true)}>
            解除代办
          </Button>
        </View>
      ))}
      {data.invitations.map((i) => (
        <View key={i.phone} className="card family-card">
          <Text className="family-card__who">{`已邀请 ${proxyRelationLabels[i.relation]} ${maskPhone(i.phone)}`}</Text>
          <Text className="family-card__meta">{`等待对方接受，邀请码 ${chinaDateTimeText(i.expiresAt)} 前有效`}</Text>
          <Button className="btn btn--secondary" disabled={busy} onClick={() => void withdraw(i.phone)}>
            撤回邀请
          </Button>
        </View>
      ))}
      <Button className="btn btn--primary" onClick={() => Taro.navigateTo({ url: '/family/invite/index' })}>
        邀请家人为我代办
      </Button>

      <Text className="card__title section-title">我为家人代办</Text>
      {actingFor.length === 0 ? <Text className="family-empty">还没有家人邀请您代办。家人邀请后，点下面的按钮输入手机号和邀请码。</Text> : null}
      {actingFor.map((b) => (
        <View key={b.id} className="card family-card">
          <Text className="family-card__who">{`为「${b.callName}」代办`}</Text>
          <Text className="family-card__meta">{`您是 TA 的${proxyRelationLabels[b.relation]}，${chinaDateTimeText(b.createdAt)} 起`}</Text>
          <View className="stack">
            <Button className="btn btn--primary" disabled={busy} onClick={() => void act(() => actFor(b.id))}>
              {`现在为「${b.callName}」代办`}
            </Button>
            <Button className="btn btn--danger" disabled={busy} onClick={() => void end(b, false)}>
              不再代办
            </Button>
          </View>
        </View>
      ))}
      <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/family/accept/index' })}>
        接受家人的邀请
      </Button>

      {ended.length ? <Text className="card__title section-title">已解除</Text> : null}
      {ended.map((b) => (
        <View key={b.id} className="card family-card family-card--ended">
          <Text className="family-card__who">{`${proxyRelationLabels[b.relation]} ${b.proxyPhone || '（已注销）'}`}</Text>
          <Text className="family-card__meta">{endedText(b)}</Text>
        </View>
      ))}

      <View className="card home-card section-title" onClick={() => Taro.navigateTo({ url: '/family/records/index' })}>
        <Text className="home-card__title">代办记录</Text>
        <Text className="home-card__text">家人为我办的事、我为家人办的事</Text>
      </View>
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
