// 导入街道台账: a street's own ledger (a CSV or Excel file from a computer or a WeChat chat) is checked
// first — every row with a problem is listed with its row number and the reason — and imported
// only when the officer confirms; then its progress until every good row is in the ledger. The
// same file again imports nobody twice.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { chinaTimeText, getLedgerImport, IMPORT_COLUMNS, previewLedgerImport, startLedgerImport, type LedgerImport } from '@doorstep/shared';
import { DetailRow } from '../../components/DetailRow';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { useFormSubmit } from '../../hooks/useFormSubmit';
import { useSignedIn } from '../../hooks/useSignedIn';
import { pickSpreadsheet, type PickedFile } from '../../services/pickFile';
import { request } from '../../services/request';
import '../../styles/page.scss';
import '../reviews/index.scss';
import '../ledger/index.scss';

type Preview = Awaited<ReturnType<typeof request<typeof previewLedgerImport>>>;
type Status = Awaited<ReturnType<typeof request<typeof getLedgerImport>>>;
const SHOWN_BAD = 200;

function BadRows({ rows, title }: { rows: Preview['bad']; title: string }) {
  if (rows.length === 0) return null;
  return (
    <>
      <Text className="section-title">{title}</Text>
      <View className="card">
        {rows.slice(0, SHOWN_BAD).map((b) => (
          <View key={b.row} className="line-item">
            <Text className="line-item__title">{`第 ${b.row} 行${b.name ? ` ${b.name}` : ''}`}</Text>
            <Text className="line-item__meta line-item__meta--alert">{b.reasons.join('；')}</Text>
          </View>
        ))}
        {rows.length > SHOWN_BAD ? <Text className="page__lead">{`还有 ${rows.length - SHOWN_BAD} 行，请先改好上面这些再重新检查。`}</Text> : null}
      </View>
    </>
  );
}

function ImportFigures({ run }: { run: LedgerImport }) {
  return (
    <View className="card">
      <DetailRow label="文件" value={run.fileName} />
      <DetailRow label="导入时间" value={`${chinaTimeText(run.createdAt)}（${run.byName || '本辖区工作人员'}）`} />
      <DetailRow label="文件行数" value={`${run.rows} 行`} />
      <DetailRow label="已导入" value={`${run.applied} 人${run.state === 'running' ? '（导入中）' : ''}`} />
      {run.bad + run.refusedOnApply > 0 ? <DetailRow label="未导入" value={`${run.bad + run.refusedOnApply} 行`} /> : null}
    </View>
  );
}

/** Back to the ledger it was opened from (which reloads when shown), or to a fresh one. */
function backToLedger() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: '/staff/ledger/index' });
}

export default function LedgerImportPage() {
  const { session, error: signInError, retry } = useSignedIn();
  const [file, setFile] = useState<PickedFile>();
  const [preview, setPreview] = useState<Preview>();
  const [status, setStatus] = useState<Status>();
  const submission = useFormSubmit();

  // While an import runs, its progress every two seconds.
  const running = status?.import.state === 'running' ? status.import.id : undefined;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => {
      void request(getLedgerImport, { params: { id: running } }).then(setStatus, () => undefined);
    }, 2000);
    return () => clearInterval(timer);
  }, [running]);

  if (signInError) return <Page><Notice message={signInError} actionText="重新登录" onAction={retry} /></Page>;
  if (!session) return <Page><Text className="page__loading">正在加载…</Text></Page>;
  if (!session.user.roles.includes('staff') || session.user.level === 'community') return <Page><Notice message="街道台账由街道及以上的工作人员导入。" /></Page>;

  const choose = () =>
    void submission.send(async () => {
      const picked = await pickSpreadsheet();
      if (!picked) return;
      setFile(picked);
      setPreview(undefined);
      setStatus(undefined);
      setPreview(await request(previewLedgerImport, { body: picked }));
    });

  const start = () =>
    void submission.send(async () => {
      const { confirm } = await Taro.showModal({ title: '确认导入', content: `导入 ${preview!.good} 人到实名制台账？有问题的 ${preview!.bad.length} 行不会导入。`, confirmText: '导入' });
      if (!confirm) return;
      const { import: run } = await request(startLedgerImport, { body: file! });
      setStatus(await request(getLedgerImport, { params: { id: run.id } }));
    });

  return (
    <Page>
      <Text className="page__title">导入街道台账</Text>
      {!preview && !status ? (
        <View className="card">
          <Text className="page__lead">{`请选择 .csv 或 Excel .xlsx 文件，第一行是列名：${IMPORT_COLUMNS.name}、${IMPORT_COLUMNS.idNumber}、${IMPORT_COLUMNS.area}（社区名称或12位代码），可以再有 ${IMPORT_COLUMNS.phone}、${IMPORT_COLUMNS.address}、${IMPORT_COLUMNS.categories}（如 登记失业、就业困难、零工）、${IMPORT_COLUMNS.status}（就业、失业 或 不详）。`}</Text>
          <Text className="page__lead">先检查，不会写入；确认后才导入。同一个文件导入两次不会重复。</Text>
        </View>
      ) : null}
      {submission.submitError ? <Notice message={submission.submitError} /> : null}

      {preview && !status ? (
        <>
          <View className="card">
            <DetailRow label="文件" value={file?.fileName ?? ''} />
            <DetailRow label="数据行数" value={`${preview.rows} 行`} />
            <DetailRow label="可以导入" value={`${preview.good} 人`} />
            <DetailRow label="有问题" value={`${preview.bad.length} 行`} />
          </View>
          {preview.imported ? <Notice message={`这个文件已经导入过（${chinaTimeText(preview.imported.createdAt)}，已导入 ${preview.imported.applied} 人），再导入不会重复。`} /> : null}
          <BadRows rows={preview.bad} title="这些行不会导入" />
          <View className="page__actions">
            {!preview.imported && preview.good > 0 ? (
              <Button className="btn btn--primary" disabled={submission.busy} onClick={start}>
                {submission.busy ? '正在导入…' : `导入 ${preview.good} 人`}
              </Button>
            ) : null}
            <Button className="btn btn--secondary" disabled={submission.busy} onClick={choose}>
              重新选择文件
            </Button>
          </View>
        </>
      ) : null}

      {status ? (
        <>
          <Text className="page__lead">{status.import.state === 'running' ? '正在导入，请稍候…' : '导入完成，这些人已在实名制台账中（标为“街道台账导入”，本人登记后自动转为本人登记）。'}</Text>
          <ImportFigures run={status.import} />
          <BadRows rows={status.refused} title="导入时未导入的行" />
          <View className="page__actions">
            <Button className="btn btn--primary" onClick={backToLedger}>
              查看实名制台账
            </Button>
          </View>
        </>
      ) : null}

      {!preview && !status ? (
        <FormField label="台账文件" hint={file?.fileName} error={submission.errors.contentBase64 ?? submission.errors.fileName}>
          <Button className="btn btn--primary" disabled={submission.busy} onClick={choose}>
            {submission.busy ? '正在检查…' : '选择文件并检查'}
          </Button>
        </FormField>
      ) : null}
      <View className="page__actions">
        <Button className="btn btn--secondary" onClick={backToLedger}>
          返回
        </Button>
      </View>
    </Page>
  );
}
