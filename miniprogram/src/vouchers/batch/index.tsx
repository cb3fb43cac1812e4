// 结算批次: who is paid how much, approving the batch, downloading its payout file for the bank,
// and importing the bank's result file (paste it in). Failed lines go back into the next run.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { approveBatch, batchStatusLabels, getBatch, importBankResults, payoutFile, type Batch } from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { saveCsv } from '../../services/files';
import { request } from '../../services/request';
import { yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

const LINE_STATUS = { pending: '待银行结果', paid: '已到账', failed: '失败' } as const;

export default function BatchPage() {
  const { id = '' } = useRouter().params;
  const { session, data, setData, reload, gate } = usePageData(() => request(getBatch, { params: { id } }), [id]);
  const [results, setResults] = useState('');
  const [message, setMessage] = useState<string>();
  const form = useFormSubmit();
  const isFinance = session?.user.roles.includes('finance') ?? false;

  async function approve(b: Batch) {
    const { confirm } = await Taro.showModal({ title: '审批这个批次？', content: `${b.lineCount} 个收款方，共 ${yuan(b.amountFen)}。审批后可下载拨付文件交银行。`, confirmText: '审批', cancelText: '取消' });
    if (!confirm) return;
    await form.send(async () => {
      const { batch } = await request(approveBatch, { params: { id } });
      setData((d) => d && { ...d, batch });
    });
  }

  async function download() {
    await form.send(async () => {
      const file = await request(payoutFile, { params: { id } });
      if (process.env.TARO_ENV === 'h5') saveCsv(file.fileName, file.content);
      else await Taro.showModal({ title: '请在电脑上下载', content: '拨付文件含完整银行账号，请在电脑浏览器打开本系统下载。', showCancel: false });
      setMessage(`已下载 ${file.fileName}：把它交给银行，银行回盘后在下面导入结果。`);
    });
  }

  async function importResults() {
    await form.send(async () => {
      const r = await request(importBankResults, { params: { id }, body: { fileText: results } });
      setMessage(`导入完成：成功 ${r.paid} 行，失败 ${r.failed} 行${r.unchanged ? `，${r.unchanged} 行此前已导入` : ''}。失败的会进入下一次结算重新拨付。`);
      setResults('');
      await reload();
    });
  }

  if (gate || !data) return gate;
  const { batch: b, lines } = data;
  return (
    <Page>
      <View className="card voucher-card">
        <Text className="voucher-card__name">{b.programmeName}</Text>
        <Text className="voucher-card__value">{yuan(b.amountFen)}</Text>
        <Text className={`voucher-status voucher-status--${b.status === 'reconciled' ? 'settled' : 'issued'}`}>{batchStatusLabels[b.status]}</Text>
        <Text className="voucher-card__meta">{b.voucherCount} 张券 · {b.lineCount} 个收款方</Text>
        {b.paidFen || b.failedFen ? <Text className="voucher-card__meta">已到账 {yuan(b.paidFen)} · 失败 {yuan(b.failedFen)}</Text> : null}
      </View>
      {message ? <Notice kind="info" message={message} /> : null}
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <View className="stack">
      {isFinance && b.status === 'ready' ? <Button className="btn btn--primary" disabled={form.busy} onClick={() => void approve(b)}>审批批次</Button> : null}
      {isFinance && (b.status === 'approved' || b.status === 'reconciled') ? (
        <Button className="btn btn--secondary" disabled={form.busy} onClick={() => void download()}>下载拨付文件</Button>
      ) : null}
      {isFinance && b.status === 'approved' ? (
        <View>
          <FormField label="银行回盘结果" hint="把银行回盘文件的内容粘贴到这里：每行 line_id,result(成功/失败),reason" error={form.errors.fileText}>
            <Textarea className="text-area" value={results} maxlength={-1} placeholder={'line_id,result,reason'} onInput={(e) => { setResults(e.detail.value); form.clear(['fileText']); }} />
          </FormField>
          {Object.entries(form.errors).filter(([k]) => k.startsWith('fileText.')).map(([k, m]) => <Text key={k} className="form-field__error">{m}</Text>)}
          <Button className="btn btn--primary" disabled={form.busy || results.trim() === ''} onClick={() => void importResults()}>{form.busy ? '正在导入…' : '导入银行结果'}</Button>
        </View>
      ) : null}
      </View>
      <Text className="page__title section-title">收款明细</Text>
      {lines.map((l) => (
        <View key={l.lineId} className="line-row">
          <Text>{l.payeeName} · {l.bankName} {l.accountMasked}</Text>
          <Text>{yuan(l.amountFen)} · {l.voucherCount} 张 · {LINE_STATUS[l.status]}{l.reason ? `（${l.reason}）` : ''}</Text>
        </View>
      ))}
    </Page>
  );
}
