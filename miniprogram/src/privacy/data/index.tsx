// 我的数据: what we hold about the person (by kind, with how many records), a copy to keep, the
// consents they gave (each can be withdrawn), and closing the account — asked with a
// confirmation, then a cooling-off in which it can be undone (撤销注销) before anything is erased.
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  ACCOUNT_DELETION_COOLING_DAYS,
  cancelAccountDeletion,
  chinaDateTimeText,
  consentPurposeLabels,
  getAccountDeletion,
  getDataExport,
  listConsents,
  listMyDataAccess,
  staffLevelLabels,
  requestAccountDeletion,
  withdrawConsent,
  type ConsentPurpose,
} from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/useAction';
import { usePageData } from '../../hooks/usePageData';
import { saveJson } from '../../services/files';
import { goBack } from '../../services/nav';
import { request } from '../../services/request';
import { currentConsents } from '../../services/privacy';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import './index.scss';

const WITHDRAW_WARNING: Record<ConsentPurpose, string> = {
  privacy: '撤回后不能再办理任何需要个人信息的业务（登记、投递、领券等），已经办理的不受影响。您的身份证号、困难材料、银行账户的单独同意也一并撤回。',
  id_number: '撤回后不能再办理求职登记和领取就业券，已经办理的不受影响。',
  hardship_evidence: '撤回后不能再申请就业困难人员认定，已经提交的申请照常审核。',
  bank_account: '撤回后不能在线领取补贴，可到社区服务站办理。',
};

export default function MyDataPage() {
  const { data, reload, gate } = usePageData(async () => {
    const [held, consents, deletion, accesses] = await Promise.all([request(getDataExport), request(listConsents), request(getAccountDeletion), request(listMyDataAccess, { query: {} })]);
    return { held, consents: consents.items.filter((c) => c.current), deletion, accesses };
  });
  const { busy, error, act } = useAction(reload);

  async function onDownload() {
    await act(async () => {
      const copy = await request(getDataExport);
      await saveJson(`我的数据-${copy.generatedAt.slice(0, 10)}.json`, copy);
      void Taro.showToast({ title: '已生成副本', icon: 'success' });
    });
  }

  async function onWithdraw(purpose: ConsentPurpose) {
    const { confirm } = await Taro.showModal({ title: `撤回“${consentPurposeLabels[purpose]}”？`, content: WITHDRAW_WARNING[purpose], confirmText: '撤回', cancelText: '不撤回' });
    if (!confirm) return;
    await act(async () => {
      await request(withdrawConsent, { params: { purpose } });
      await currentConsents(); // the phone's note of the guide follows what the server now holds
    });
  }

  async function onClose() {
    const { confirm } = await Taro.showModal({
      title: '确定注销账号？',
      content: `注销后有 ${ACCOUNT_DELETION_COOLING_DAYS} 天冷静期，期间可以撤销，账号照常可看但不能办理新业务。${ACCOUNT_DELETION_COOLING_DAYS} 天后删除您的姓名、身份证号、手机号、住址、照片等个人信息，不能恢复；就业券的资金记录会去掉您的姓名后保留。`,
      confirmText: '申请注销',
      cancelText: '再想想',
      confirmColor: '#b3261e',
    });
    if (!confirm) return;
    await act(() => request(requestAccountDeletion, { body: { confirm: true } }));
  }

  async function onCancelClose() {
    await act(() => request(cancelAccountDeletion));
  }

  if (gate || !data) return gate;
  const { held, consents, deletion } = data;
  const shown = held.categories.filter((c) => c.count > 0);
  return (
    <Page>
      <Text className="page__title">我的数据</Text>
      {deletion.deletion ? (
        <View className="card my-data__closing" id="closing-banner">
          <Text className="card__title">您已申请注销账号</Text>
          <Text className="my-data__text">{`冷静期到 ${chinaDateTimeText(deletion.deletion.eraseAfter)}，之后删除您的个人信息。冷静期内不能办理新业务。`}</Text>
          <Button className="btn btn--primary" onClick={onCancelClose} disabled={busy}>
            撤销注销，继续使用
          </Button>
        </View>
      ) : null}
      {error ? <Notice message={error} /> : null}

      <View className="card">
        <Text className="card__title">我们保存的您的信息</Text>
        {shown.length === 0 ? <Text className="my-data__text">我们还没有保存您的个人信息。</Text> : null}
        {shown.map((c) => (
          <View key={c.key} className="my-data__row">
            <Text className="my-data__label">{`${c.label}（${c.count} 条）`}</Text>
            <Text className="my-data__holds">{c.holds}</Text>
          </View>
        ))}
        <Text className="my-data__text">副本里是这些记录本身；身份证号和银行账号只显示部分号码。</Text>
        <Button className="btn btn--secondary" onClick={onDownload} disabled={busy}>
          下载一份副本
        </Button>
      </View>

      <View className="card">
        <Text className="card__title">我给过的同意</Text>
        {consents.length === 0 ? <Text className="my-data__text">您现在没有有效的同意。</Text> : null}
        {consents.map((c) => (
          <View key={c.purpose} className="my-data__row">
            <Text className="my-data__label">{consentPurposeLabels[c.purpose]}</Text>
            <Text className="my-data__holds">{`${chinaDateTimeText(c.at)} 同意（指引版本 ${c.version}）`}</Text>
            <Button className="btn btn--secondary my-data__withdraw" onClick={() => onWithdraw(c.purpose)} disabled={busy}>
              撤回
            </Button>
          </View>
        ))}
      </View>

      <View className="card" id="data-access">
        <Text className="card__title">谁查看过我的信息</Text>
        {data.accesses.items.length === 0 ? <Text className="my-data__text">还没有工作人员查看过您的信息。</Text> : null}
        {data.accesses.items.map((a) => (
          <View key={a.id} className="my-data__row">
            <Text className="my-data__label">{`${a.office}（${staffLevelLabels[a.level]}）`}</Text>
            <Text className="my-data__holds">{`${chinaDateTimeText(a.at)} ${a.what}`}</Text>
          </View>
        ))}
        {data.accesses.nextCursor ? <Text className="my-data__text">只显示最近的 20 次；下载的副本里有全部记录。</Text> : null}
      </View>

      {deletion.deletion ? null : (
        <View className="card">
          <Text className="card__title">注销账号</Text>
          <Text className="my-data__text">{`申请后有 ${ACCOUNT_DELETION_COOLING_DAYS} 天冷静期，可以撤销；之后删除您的个人信息。`}</Text>
          {deletion.blockers.length ? (
            <View className="my-data__blockers">
              <Text className="my-data__label">现在还不能注销：</Text>
              {deletion.blockers.map((b) => (
                <Text key={b} className="my-data__text">{b}</Text>
              ))}
            </View>
          ) : null}
          <Button className="btn btn--danger" onClick={onClose} disabled={busy || deletion.blockers.length > 0}>
            注销账号
          </Button>
        </View>
      )}

      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateTo({ url: '/privacy/policy/index' })}>
          个人信息保护指引
        </Button>
        <Button className="btn btn--secondary" onClick={goBack}>
          返回
        </Button>
      </View>
    </Page>
  );
}
