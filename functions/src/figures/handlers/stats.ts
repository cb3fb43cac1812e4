// Figures, their CSV export and the big screen over HTTP.
import { bigScreen, exportStats, getStats } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { screenOf } from '../screen';
import { figuresCsv, staffFigures } from '../stats';

export const stats = httpHandler(getStats, ({ principal, query }) => staffFigures(principal, query));
export const exportCsv = httpHandler(exportStats, ({ principal, query }) => figuresCsv(principal, query));
export const screen = httpHandler(bigScreen, ({ params, query }) => screenOf(params.areaCode, query));
