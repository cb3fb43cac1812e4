// Figures and their CSV export over HTTP.
import { exportStats, getStats } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { figuresCsv, staffFigures } from '../stats';

export const stats = httpHandler(getStats, ({ principal, query }) => staffFigures(principal, query));
export const exportCsv = httpHandler(exportStats, ({ principal, query }) => figuresCsv(principal, query));
