// Voucher figures over HTTP.
import { voucherStats } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { voucherStats as statsOf } from '../stats';

export const stats = httpHandler(voucherStats, ({ principal, query }) => statsOf(principal, query.areaCode));
