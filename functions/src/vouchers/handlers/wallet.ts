// The wallets over HTTP (a citizen's, an employer's): vouchers, claiming one, the holder code and its public key.
import {
  claimEmployerVoucher as claimEmployerContract,
  claimVoucher as claimContract,
  employerVoucherCode,
  getEmployerVoucher as getEmployerContract,
  getMyVoucher as getContract,
  listEmployerVouchers as listEmployerContract,
  listMyVouchers as listContract,
  voucherCode,
  voucherCodeKey,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { codePublicKey } from '../codes';
import {
  claimEmployerVoucher,
  claimVoucher,
  employerHolderCode,
  getEmployerVoucher,
  getMyVoucher,
  holderCode,
  listEmployerVouchers,
  listMyVouchers,
} from '../wallet';

export const mine = httpHandler(listContract, async ({ principal }) => ({ items: await listMyVouchers(principal) }));
export const one = httpHandler(getContract, async ({ principal, params }) => ({ voucher: await getMyVoucher(principal, params.id) }));
export const claim = httpHandler(claimContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:claim`, idempotencyKeyOf(headers), { id: params.id, body }, (record) => claimVoucher(principal, params.id, body, record)),
);
export const code = httpHandler(voucherCode, ({ principal, params }) => holderCode(principal, params.id));
export const codeKey = httpHandler(voucherCodeKey, async () => codePublicKey());

export const employerVouchers = httpHandler(listEmployerContract, async ({ principal, params }) => ({ items: await listEmployerVouchers(principal, params.id) }));
export const employerVoucher = httpHandler(getEmployerContract, async ({ principal, params }) => ({ voucher: await getEmployerVoucher(principal, params.id, params.voucherId) }));
export const employerClaim = httpHandler(claimEmployerContract, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:claim`, idempotencyKeyOf(headers), { id: params.voucherId, body }, (record) => claimEmployerVoucher(principal, params.id, params.voucherId, body, record)),
);
export const employerCode = httpHandler(employerVoucherCode, ({ principal, params }) => employerHolderCode(principal, params.id, params.voucherId));
