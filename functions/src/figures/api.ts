// The assessment figures, one Lambda: by area and period, the CSV export and the hall's big screen.
import { router } from '../http/router';
import * as screen from './handlers/screen';
import * as stats from './handlers/stats';

export const handler = router(stats.stats, stats.exportCsv, screen.screen);
