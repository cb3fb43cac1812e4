// The citizen's wallet over HTTP: vouchers, claiming one, the holder code and its public key.
import { claimVoucher as claimContract, getMyVoucher as getContract, listMyVouchers as listContract, voucherCode, voucherCodeKey } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { codePublicKey } from '../codes';
import { claimVoucher, getMyVoucher, holderCode, listMyVouchers } from '../wallet';

export const mine = httpHandler(listContract, async ({ principal }) => ({ items: await listMyVouchers(principal) }));
export const one = httpHandler(getContract, async ({ principal, params }) => ({ voucher: await getMyVoucher(principal, params.id) }));
export const claim = httpHandler(claimContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:claim`, idempotencyKeyOf(headers), { id: params.id, body }, (record) => claimVoucher(principal, params.id, body, record)),
);
export const code = httpHandler(voucherCode, ({ principal, params }) => holderCode(principal, params.id));
export const codeKey = httpHandler(voucherCodeKey, async () => codePublicKey());
