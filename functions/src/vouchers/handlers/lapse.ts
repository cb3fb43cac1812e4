// Unused vouchers: revoked by staff over HTTP, expired by the daily run.
import { revokeVoucher as revokeContract } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { logger } from '../../logger';
import { expireDue, revokeVoucher } from '../lapse';

export const revoke = httpHandler(revokeContract, ({ principal, params, body }) => revokeVoucher(principal, params.id, body.reason));

/** The daily expiry run (a schedule in AWS; every hour under `npm start`). */
export async function daily(): Promise<void> {
  const r = await expireDue();
  logger.info('voucher expiry run', r);
}
