// The assessment figures and reports, one Lambda: by area and period, the CSV export, the hall's big
// screen, 就业援助's on-time figures and the assistance ledgers as files.
import { router } from '../http/router';
import * as ledgers from './handlers/ledgers';
import * as screen from './handlers/screen';
import * as stats from './handlers/stats';

export const handler = router(stats.stats, stats.exportCsv, screen.screen, ledgers.report, ledgers.assistanceLedger, ledgers.householdLedger, ledgers.welfareLedger);
