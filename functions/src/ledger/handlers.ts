// 实名制台账 over HTTP: the list, one person's 服务手册, the CSV, and importing a street's ledger.
import {
  exportLedger as exportContract,
  getLedgerImport,
  getLedgerPerson,
  listLedger as listContract,
  previewLedgerImport,
  startLedgerImport,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { importStatus, previewImport, startImport } from './imports';
import { ledgerCsv, ledgerPerson, listLedger } from './ledger';

export const list = httpHandler(listContract, ({ principal, query }) => listLedger(principal, query));
export const person = httpHandler(getLedgerPerson, ({ principal, params }) => ledgerPerson(principal, params.key, getLedgerPerson.path));
export const exportCsv = httpHandler(exportContract, ({ principal, query }) => ledgerCsv(principal, query.category, exportContract.path));
export const preview = httpHandler(previewLedgerImport, ({ principal, body }) => previewImport(principal, body));
export const start = httpHandler(startLedgerImport, async ({ principal, body }) => ({ import: await startImport(principal, body) }));
export const status = httpHandler(getLedgerImport, ({ principal, params }) => importStatus(principal, params.id));
