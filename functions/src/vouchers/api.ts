// Employment vouchers, one Lambda: programmes and issuing, providers, the wallet, redemption,
// reversal and revocation, and the voucher figures. Settlement is a function of its own.
import { router } from '../http/router';
import * as issuing from './handlers/issuing';
import * as lapse from './handlers/lapse';
import * as programmes from './handlers/programmes';
import * as redemption from './handlers/redemption';
import * as stats from './handlers/stats';
import * as wallet from './handlers/wallet';

export const handler = router(
  programmes.create,
  programmes.list,
  programmes.approve,
  issuing.issue,
  redemption.lookup,
  redemption.designate,
  redemption.myProviders,
  wallet.mine,
  wallet.one,
  wallet.claim,
  wallet.code,
  wallet.employerVouchers,
  wallet.employerVoucher,
  wallet.employerClaim,
  wallet.employerCode,
  wallet.codeKey,
  redemption.inspect,
  redemption.redeem,
  redemption.reverse,
  lapse.revoke,
  redemption.redemptions,
  stats.stats,
);
