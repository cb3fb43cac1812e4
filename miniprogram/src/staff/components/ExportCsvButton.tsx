// 导出台账（CSV）: fetches a ledger file and hands it to the browser (the weapp says to use a
// computer); a failure shows beneath the button.
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { Notice } from '../../components/Notice';
import { saveCsv } from '../../services/files';
import './ExportCsvButton.scss';

export function ExportCsvButton({ fetchFile, label = '导出台账（CSV）' }: { fetchFile: () => Promise<{ fileName: string; content: string }>; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      const file = await fetchFile();
      saveCsv(file.fileName, file.content);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button className="btn btn--secondary" disabled={busy} onClick={() => void run()}>
        {busy ? '正在导出…' : label}
      </Button>
      {error ? (
        <View className="export-csv__error">
          <Notice message={error} />
        </View>
      ) : null}
    </>
  );
}
