// The assistance reports over HTTP: each deadline's on-time figures, and the ledgers the seeds name
// as CSV files (F30 hard-to-employ service ledger, zero-employment households, public-welfare posts).
import { exportAssistanceLedger, exportHouseholdLedger, exportWelfarePosts, getAssistanceReport } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { assistanceReport } from '../assistanceReport';
import { assistanceLedgerCsv, householdLedgerCsv, welfarePostsCsv } from '../ledgers';

export const report = httpHandler(getAssistanceReport, async ({ principal }) => ({ report: await assistanceReport(principal) }));
export const assistanceLedger = httpHandler(exportAssistanceLedger, ({ principal }) => assistanceLedgerCsv(principal, exportAssistanceLedger.path));
export const householdLedger = httpHandler(exportHouseholdLedger, ({ principal }) => householdLedgerCsv(principal));
export const welfareLedger = httpHandler(exportWelfarePosts, ({ principal }) => welfarePostsCsv(principal));
