// One subsidy application: where it is now and who has it, every step with its date, a refusal's
// reason; taking it back before the district has reviewed it (after a confirmation); and, when the
// bank returned the money, putting the account right so it is sent again.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { accountErrors, BankAccountFields, trimmedAccount } from '../../components/BankAccountFields';
import { DetailRow } from '../../components/DetailRow';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { Timeline } from '../../components/Timeline';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { ApiError } from '../../services/request';
import { subsidyApi, yuan } from '../components/subsidies';
import '../../styles/page.scss';
import '../components/subsidies.scss';

/** What comes next, in her words. */
const NEXT: Record<string, string> = {
  submitted: '下一步：街道工作人员初审，可能上门或打电话核实',
  street_approved: '下一步：区人社局5个工作日内复审',
  approved: '下一步：区里公示7天',
  on_notice: '下一步：公示结束后，财务审批发放',
  held: '有人对公示反映了问题，区里核实后再决定',
  cleared: '下一步：财务审批后，银行发到您的社保卡',
  paying: '下一步：银行发放，一般几个工作日内到账',
};

export default function MySubsidyPage() {
  // With `employerId`: one of the unit's applications, for its member to follow and act on.
  const { id = '', employerId } = useRouter().params;
  const { data, reload, gate } = usePageData(
    () =>
      (employerId ? subsidyApi.unit.application(employerId, id) : subsidyApi.application(id)).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    [id, employerId],
  );
  const back = employerId ? `/subsidies/unit/index?employerId=${employerId}` : '/subsidies/list/index';
  const [account, setAccount] = useState({ accountNo: '', bankName: '' });
  const form = useFormSubmit();

  if (gate || data === undefined) return gate;
  if (!data) {
    return (
      <Page>
        <Notice message="找不到这份申请" />
        <Button className="btn btn--secondary" onClick={() => void Taro.redirectTo({ url: back })}>
          回到补贴申请
        </Button>
      </Page>
    );
  }
  const a = data;
  // A unit's application about her (公益性岗位补贴): hers to read; the unit withdraws it or corrects its account.
  const byUnit = Boolean(a.unitName);
  const canAct = !byUnit || Boolean(employerId);

  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '撤回这份申请？', content: '撤回后这些月份可以重新申请。', confirmText: '撤回', cancelText: '不撤回' });
    if (!confirm) return;
    await form.send(async () => {
      await (employerId ? subsidyApi.unit.withdraw(employerId, a.id) : subsidyApi.withdraw(a.id));
      await reload();
    });
  }

  async function fix() {
    const found = accountErrors(account, employerId ? 'unit' : 'person');
    if (Object.keys(found).length) return form.refuse(found);
    await form.send(async () => {
      await (employerId ? subsidyApi.unit.fixAccount(employerId, a.id, trimmedAccount(account)) : subsidyApi.fixAccount(a.id, trimmedAccount(account)));
      void Taro.showToast({ title: '已改正，将重新发放', icon: 'none' });
      await reload();
    });
  }

  return (
    <Page>
      <View className="card subsidy-card">
        <Text className="card__title">{a.programmeName}</Text>
        <Text className={`status-pill status-pill--${a.stage}`}>{a.stageName}</Text>
        <Text className="subsidy-card__amount">{yuan(a.amountFen)}</Text>
        <DetailRow label="月份" value={a.monthsText || '一次性'} />
        {byUnit ? <DetailRow label="申请单位" value={a.unitName!} /> : null}
        {byUnit && a.personMasked ? <DetailRow label="安置人员" value={a.personMasked} /> : null}
        <DetailRow label={byUnit ? '收款单位账户' : '收款账户'} value={`${a.bankName} ${a.accountMasked}`} />
        <DetailRow label="办理单位" value={a.office} />
        {a.reason ? <Text className="subsidy-card__missing">{a.stage === 'refused' ? '未通过的理由：' : ''}{a.reason}</Text> : null}
        {a.waitingForBudget ? <Text className="subsidy-card__missing">这项补贴的预算暂时用完了，追加后会继续办理</Text> : null}
      </View>

      {a.stage === 'failed' && canAct ? (
        <View>
          <Text className="page__title section-title">改正银行账户</Text>
          <BankAccountFields
            value={account}
            errors={form.errors}
            kind={employerId ? 'unit' : 'person'}
            hint="改正后，这一笔在下一批拨付中重新发放"
            onChange={(next, changed) => {
              setAccount(next);
              form.clear([changed]);
            }}
          />
          <Button className="btn btn--primary" disabled={form.busy} onClick={() => void fix()}>
            {form.busy ? '正在提交…' : '改正后重新发放'}
          </Button>
        </View>
      ) : null}

      <Text className="page__title section-title">办理经过</Text>
      <Timeline entries={a.steps.map((s) => ({ at: s.at, label: s.label, status: s.stage, ...(s.reason ? { reason: s.reason } : {}) }))} pendingText={byUnit ? NEXT[a.stage]?.replace('您的社保卡', '单位账户') : NEXT[a.stage]} />
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <View className="page__actions">
        {canAct && (a.stage === 'submitted' || a.stage === 'street_approved') ? (
          <Button className="btn btn--danger" disabled={form.busy} onClick={() => void withdraw()}>
            撤回申请
          </Button>
        ) : null}
        <Button className="btn btn--secondary" onClick={() => void Taro.redirectTo({ url: back })}>
          回到补贴申请
        </Button>
      </View>
    </Page>
  );
}
