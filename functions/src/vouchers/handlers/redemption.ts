// Providers and redemption over HTTP.
import {
  designateProvider as designateContract,
  inspectVoucher as inspectContract,
  listMyProviders as providersContract,
  lookupProvider as lookupContract,
  providerRedemptions as redemptionsContract,
  redeemVoucher as redeemContract,
  reverseVoucher as reverseContract,
} from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { idempotencyKeyOf, idempotent } from '../../http/idempotency';
import { designateProvider, inspectVoucher, listMyProviders, lookupProvider, providerRedemptions, redeemVoucher, reverseVoucher } from '../redemption';

export const designate = httpHandler(designateContract, ({ principal, body }) => designateProvider(principal, body));
export const lookup = httpHandler(lookupContract, ({ principal, body }) => lookupProvider(principal, body.uscc));
export const myProviders = httpHandler(providersContract, async ({ principal }) => ({ items: await listMyProviders(principal) }));
export const inspect = httpHandler(inspectContract, ({ principal, body }) => inspectVoucher(principal, body.code, body.providerId));
export const redeem = httpHandler(redeemContract, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:redeem`, idempotencyKeyOf(headers), body, (record) => redeemVoucher(principal, body, record)),
);
export const reverse = httpHandler(reverseContract, ({ principal, params, body }) => reverseVoucher(principal, params.id, body.reason));
export const redemptions = httpHandler(redemptionsContract, ({ principal, params, query }) => providerRedemptions(principal, params.id, query.cursor));
