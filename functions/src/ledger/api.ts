// 实名制台账 (issue 31), one Lambda: the bounded context of knowing every person of an area — the
// ledger's list, a person's service timeline, its CSV, and importing a street's own ledger over
// HTTP; the import's parts on the ledger queue (the same function: the rights are the same).
import type { Context } from 'aws-lambda';
import { router } from '../http/router';
import * as ledger from './handlers';
import { work } from './work';

const http = router(ledger.list, ledger.person, ledger.exportCsv, ledger.preview, ledger.start, ledger.status);

export const handler = Object.assign(
  (event: unknown, context: Context) => ((event as { Records?: { eventSource?: string }[] })?.Records?.[0]?.eventSource === 'aws:sqs' ? work(event as never) : http(event as never, context)),
  { routes: http.routes },
);
