// 补贴公示与拨付: the jurisdiction's notices. The district opens a notice's objections (反映) and
// decides each — 属实 (that application is refused, its person reads why) or 不属实 (the line goes
// on) — with a confirmation; finance approves payment of a notice that has ended, downloads the
// payout file for the bank and imports the bank's results (a failed line goes back to its person).
import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import {
  approveSubsidyPayment,
  fenToYuanText,
  importSubsidyBankResults,
  listStaffSubsidyNotices,
  listSubsidyObjections,
  resolveSubsidyObjection,
  subsidyPayoutFile,
  type ResponseOf,
} from '@doorstep/shared';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { usePageData } from '../../hooks/usePageData';
import { saveCsv } from '../../services/files';
import { newIdempotencyKey, request } from '../../services/request';
import '../../styles/page.scss';

type Notice = ResponseOf<typeof listStaffSubsidyNotices>['items'][number];
type Objection = ResponseOf<typeof listSubsidyObjections>['items'][number];
const STATUS: Record<Notice['status'], string> = { publishing: '生成中', open: '公示中', ended: '已结束' };

function Objections({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const [items, setItems] = useState<Objection[]>();
  const [resolution, setResolution] = useState<Record<string, string>>({});
  const form = useFormSubmit();
  async function load() {
    await form.send(async () => setItems((await request(listSubsidyObjections, { params: { id: notice.id } })).items));
  }
  async function resolve(o: Objection, upheld: boolean) {
    const text = (resolution[o.id] ?? '').trim();
    if (text.length < 2) return form.refuse({ [`resolution.${o.id}`]: '请写明核实的情况，至少2个字' });
    const { confirm } = await Taro.showModal({
      title: upheld ? '反映属实？' : '反映不属实？',
      content: upheld ? `第${o.lineNo}行的申请将不予发放，申请人会看到：${text}` : `第${o.lineNo}行恢复发放。`,
      confirmText: '确定',
      cancelText: '再看看',
    });
    if (!confirm) return;
    await form.send(async () => {
      await request(resolveSubsidyObjection, { params: { id: o.id }, body: { upheld, resolution: text } });
      setItems((await request(listSubsidyObjections, { params: { id: notice.id } })).items);
      onChanged();
    });
  }
  if (!items) {
    return (
      <Button className="btn btn--secondary" disabled={form.busy} onClick={() => void load()}>
        {`处理反映（${notice.openObjections} 条待处理）`}
      </Button>
    );
  }
  return (
    <View>
      {items.length === 0 ? <Text className="page__lead">没有收到反映。</Text> : null}
      {items.map((o) => (
        <View key={o.id} className="card">
          <Text className="card__title">第{o.lineNo}行</Text>
          <Text className="card__subtitle">反映：{o.what}</Text>
          <Text className="card__subtitle">联系方式：{o.contact}</Text>
          {o.status === 'open' ? (
            <View>
              <FormField label="核实情况" required error={form.errors[`resolution.${o.id}`]}>
                <Textarea className="text-input text-input--multiline" autoHeight value={resolution[o.id] ?? ''} maxlength={200} placeholder="例如：经核实本人在鼓楼区做网约配送" onInput={(e) => { setResolution({ ...resolution, [o.id]: e.detail.value }); form.clear([`resolution.${o.id}`]); }} />
              </FormField>
              <View className="page__actions">
                <Button className="btn btn--danger" disabled={form.busy} onClick={() => void resolve(o, true)}>反映属实</Button>
                <Button className="btn btn--secondary" disabled={form.busy} onClick={() => void resolve(o, false)}>反映不属实</Button>
              </View>
            </View>
          ) : (
            <Text className="card__subtitle">{o.status === 'upheld' ? '已核实属实，不予发放' : '已核实不属实，恢复发放'}：{o.resolution}</Text>
          )}
        </View>
      ))}
      {form.submitError ? <Notice message={form.submitError} /> : null}
    </View>
  );
}

function Payment({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const [results, setResults] = useState('');
  const [message, setMessage] = useState<string>();
  const form = useFormSubmit();
  const key = useRef(newIdempotencyKey());
  async function approve() {
    const { confirm } = await Taro.showModal({ title: '审批拨付？', content: `公示已结束：没有待处理反映的申请（共 ${fenToYuanText(notice.amountFen)} 元以内）生成拨付文件交银行。`, confirmText: '审批', cancelText: '再看看' });
    if (!confirm) return;
    await form.send(async () => {
      await request(approveSubsidyPayment, { params: { id: notice.id }, idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      setMessage('已审批，拨付批次正在生成，稍后可以下载拨付文件。');
      onChanged();
    });
  }
  async function download() {
    if (!notice.paymentBatchId) return;
    await form.send(async () => {
      const file = await request(subsidyPayoutFile, { params: { id: notice.paymentBatchId! } });
      if (process.env.TARO_ENV === 'h5') saveCsv(file.fileName, file.content);
      else await Taro.showModal({ title: '请在电脑上下载', content: '拨付文件含完整银行账号，请在电脑浏览器打开本系统下载。', showCancel: false });
      setMessage(`已下载 ${file.fileName}：交给银行，银行回盘后在下面导入结果。`);
    });
  }
  async function importResults() {
    if (!notice.paymentBatchId) return;
    await form.send(async () => {
      const r = await request(importSubsidyBankResults, { params: { id: notice.paymentBatchId! }, body: { fileText: results } });
      setMessage(`导入完成：已发放 ${r.paid} 人，失败 ${r.failed} 人${r.unchanged ? `，${r.unchanged} 行此前已导入` : ''}。失败的，申请人改正账户后可重新拨付。`);
      setResults('');
    });
  }
  return (
    <View className="stack">
      {message ? <Notice kind="info" message={message} /> : null}
      {form.submitError ? <Notice message={form.submitError} /> : null}
      <Button className="btn btn--primary" disabled={form.busy} onClick={() => void approve()}>审批拨付</Button>
      {notice.paymentBatchId ? (
        <View>
          <Button className="btn btn--secondary" disabled={form.busy} onClick={() => void download()}>下载拨付文件</Button>
          <FormField label="银行回盘结果" hint="把银行回盘文件的内容粘贴到这里：每行 line_id,result(成功/失败),reason" error={form.errors.fileText}>
            <Textarea className="text-input text-input--multiline" autoHeight value={results} maxlength={-1} placeholder="line_id,result,reason" onInput={(e) => { setResults(e.detail.value); form.clear(['fileText']); }} />
          </FormField>
          {Object.entries(form.errors).filter(([k]) => k.startsWith('fileText.')).map(([k, m]) => <Text key={k} className="form-field__error">{m}</Text>)}
          <Button className="btn btn--primary" disabled={form.busy || results.trim() === ''} onClick={() => void importResults()}>{form.busy ? '正在导入…' : '导入银行结果'}</Button>
        </View>
      ) : null}
    </View>
  );
}

export default function SubsidyNoticesPage() {
  const { session, data, reload, gate } = usePageData(async () => (await request(listStaffSubsidyNotices)).items);
  if (gate || !data) return gate;
  const isFinance = session?.user.roles.includes('finance') ?? false;
  const isDistrict = !isFinance && session?.user.level === 'district';
  return (
    <Page>
      <Text className="page__title">补贴公示与拨付</Text>
      {data.length === 0 ? <Text className="page__lead">辖区内还没有发布过补贴公示。</Text> : null}
      {data.map((n) => (
        <View key={n.id} className="card">
          <Text className="card__title">{n.title}</Text>
          <Text className={`status-pill status-pill--${n.status === 'open' ? 'published' : n.status === 'ended' ? 'closed' : 'pending'}`}>{STATUS[n.status]}</Text>
          <Text className="card__subtitle">公示期：{n.publishedOn} 至 {n.endsOn}</Text>
          <Text className="card__subtitle">共 {n.lineCount} 人，{fenToYuanText(n.amountFen)} 元；待处理反映 {n.openObjections} 条</Text>
          {isDistrict ? <Objections notice={n} onChanged={reload} /> : null}
          {isFinance && n.status === 'ended' ? <Payment notice={n} onChanged={reload} /> : null}
          {isFinance && n.status === 'open' ? <Text className="card__subtitle">公示结束后才能审批拨付。</Text> : null}
        </View>
      ))}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={() => Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
          返回
        </Button>
      </View>
    </Page>
  );
}
