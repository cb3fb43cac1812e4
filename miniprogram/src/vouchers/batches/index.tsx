// 结算拨付 (finance): start a settlement run now (it also runs every night) and watch its
// progress, and the batches of the jurisdiction, newest first. A run is done in the background:
// the page remembers the last one, so leaving and coming back shows where it stands or how it ended.
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { batchStatusLabels, chinaDateTimeText, getSettlementRun, listBatches, startSettlementRun, type SettlementRun } from '@doorstep/shared';
import { Notice } from '../../components/Notice';
import { usePageData } from '../../hooks/usePageData';
import { ApiError, newIdempotencyKey, request } from '../../services/request';
import { chinaDate, yuan } from '../components/labels';
import { Page } from '../../components/Page';
import '../../styles/page.scss';
import '../components/vouchers.scss';

const RUN_KEY = 'doorstep.settlementRun';
/** The Idempotency-Key of a start whose answer has not arrived yet: sent again on return, it gets the same run. */
const STARTING_KEY = 'doorstep.settlementRunStarting';

function doneText(r: SettlementRun): string {
  const when = `（${chinaDateTimeText(r.finishedAt ?? r.createdAt)}）`;
  return r.batches.length === 0 ? `结算完成：没有待结算的就业券。${when}` : `结算完成：生成 ${r.batches.length} 个批次，共 ${r.voucherCount} 张、${yuan(r.amountFen)}。${when}`;
}

export default function BatchesPage() {
  const { session, data: items, reload, gate } = usePageData(async () => (await request(listBatches, { query: {} })).items);
  const [message, setMessage] = useState<string>();
  const [run, setRun] = useState<SettlementRun>();
  const [busy, setBusy] = useState(false);
  const runKey = useRef(newIdempotencyKey());
  const timer = useRef<ReturnType<typeof setTimeout>>();

  // Follows a run until it is done, once a second; picks up a run started before leaving the page.
  async function follow(id: string) {
    try {
      const { run: r } = await request(getSettlementRun, { params: { id } });
      setRun(r);
      if (r.status === 'done') {
        // The run is kept: coming back later still says how the last one ended.
        setMessage(doneText(r));
        await reload();
        return;
      }
      timer.current = setTimeout(() => void follow(id), 1000);
    } catch (err) {
      // Only a run the server does not know is forgotten: a poll cut off (the page left, the network
      // gone) keeps the run, so coming back picks it up again.
      if (err instanceof ApiError && err.status === 404) Taro.removeStorageSync(RUN_KEY);
      setRun(undefined);
      setMessage(`查不到结算进度：${(err as Error).message}。批次列表仍然准确，可以再点一次结算。`);
    }
  }

  useEffect(() => {
    const saved = Taro.getStorageSync(RUN_KEY) as string | undefined;
    const starting = Taro.getStorageSync(STARTING_KEY) as string | undefined;
    if (saved) void follow(saved);
    else if (starting) void send(starting);
    return () => clearTimeout(timer.current);
  }, []);

  /** Starts the run (or, with a key already used, gets the run that key started) and follows it. */
  async function send(key: string) {
    setBusy(true);
    try {
      const { run: r } = await request(startSettlementRun, { idempotencyKey: key });
      Taro.setStorageSync(RUN_KEY, r.id);
      Taro.removeStorageSync(STARTING_KEY);
      setRun(r);
      void follow(r.id);
    } catch (err) {
      // The server said no: that start is over. Cut off before an answer: keep its key, so coming
      // back sends it again and gets the run it may have started.
      if (err instanceof ApiError) Taro.removeStorageSync(STARTING_KEY);
      setMessage(`没有开始结算：${(err as Error).message}。可以再点一次，不会重复结算。`);
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    const { confirm } = await Taro.showModal({ title: '立即结算？', content: '把辖区内已核销、还没结算的就业券生成结算批次。每天夜里也会自动结算。', confirmText: '结算', cancelText: '取消' });
    if (!confirm) return;
    setMessage(undefined);
    const key = runKey.current;
    runKey.current = newIdempotencyKey();
    Taro.setStorageSync(STARTING_KEY, key);
    await send(key);
  }

  if (gate || !items) return gate;
  const running = run?.status === 'running';
  const percent = run ? (run.vouchersTotal === 0 ? (running ? 0 : 100) : Math.min(100, Math.round((run.vouchersDone / run.vouchersTotal) * 100))) : 0;
  return (
    <Page>
      <Text className="page__title">结算拨付</Text>
      {message ? <Notice kind="info" message={message} /> : null}
      {running ? (
        <View className="card stack" aria-live="polite">
          <Text>正在结算，可以离开本页，回来还能看到进度。</Text>
          <View className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <View className="progress__bar" style={{ width: `${percent}%` }} />
          </View>
          <Text>
            已处理 {run.vouchersDone} / {run.vouchersTotal} 张券（{percent}%）
            {run.failures > 0 ? `，有 ${run.failures} 次失败正在重试` : ''}
          </Text>
        </View>
      ) : null}
      {session?.user.roles.includes('finance') ? (
        <View className="stack">
          <Button className="btn btn--primary" disabled={busy || running} onClick={() => void start()}>
            {busy || running ? '正在结算…' : '立即结算'}
          </Button>
        </View>
      ) : null}
      {items.length === 0 ? <Notice kind="info" message="还没有结算批次。" /> : null}
      {items.map((b) => (
        <View key={b.id} className="card voucher-card" onClick={() => Taro.navigateTo({ url: `/vouchers/batch/index?id=${b.id}` })}>
          <Text className="voucher-card__name">{b.programmeName}</Text>
          <Text className="voucher-card__value">{yuan(b.amountFen)}</Text>
          <Text className={`voucher-status voucher-status--${b.status === 'reconciled' ? 'settled' : 'issued'}`}>{batchStatusLabels[b.status]}</Text>
          <Text className="voucher-card__meta">{b.voucherCount} 张券 · {b.lineCount} 个收款方 · {chinaDate(b.createdAt)}</Text>
        </View>
      ))}
    </Page>
  );
}
