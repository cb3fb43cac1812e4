// Subsidies over HTTP: programmes, a resident's (or a unit's) check and application, review level by
// level, the public notice and its objections, finance's payment and the bank's results.
import * as c from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { takeAllowance, sourceIpOf } from '../http/allowance';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { applyForSubsidy, fixAccount, myApplication, myApplications, myOffers, ownApplication, toApplicationView, withdrawApplication } from './applications';
import { applyAsUnit, unitApplication, unitApplications, unitOffersOf } from './unitApplications';
import { publicNotice, publicNotices, publishNotice, staffNotices } from './notices';
import { listObjections, raiseObjection, resolveObjection } from './objections';
import { approvePayment, importBankResults, payoutFile } from './payments';
import { listApplications, reviewApplication, staffApplication } from './review';
import { approveSubsidyProgramme, approveTopUp, createSubsidyProgramme, listSubsidyProgrammes, requestTopUp, withdrawSubsidyProgramme } from './programmes';

export const createProgramme = httpHandler(c.createSubsidyProgramme, async ({ principal, body }) => ({ programme: await createSubsidyProgramme(principal, body) }));
export const listProgrammes = httpHandler(c.listSubsidyProgrammes, async ({ principal }) => ({ items: await listSubsidyProgrammes(principal) }));
export const approveProgramme = httpHandler(c.approveSubsidyProgramme, async ({ principal, params }) => ({ programme: await approveSubsidyProgramme(principal, params.id) }));
export const topUp = httpHandler(c.requestSubsidyTopUp, async ({ principal, params, body }) => ({ programme: await requestTopUp(principal, params.id, body) }));
export const approveTopUpRoute = httpHandler(c.approveSubsidyTopUp, ({ principal, params, headers }) =>
  idempotent(`${principal.userId}:subsidy-top-up:${params.id}`, idempotencyKeyOf(headers), {}, (record) => approveTopUp(principal, params.id, record)),
);
export const withdrawProgramme = httpHandler(c.withdrawSubsidyProgramme, async ({ principal, params, body }) => ({ programme: await withdrawSubsidyProgramme(principal, params.id, body.reason) }));

export const offers = httpHandler(c.mySubsidies, ({ principal }) => myOffers(principal));
export const apply = httpHandler(c.applyForSubsidy, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:subsidy-apply:${params.id}`, idempotencyKeyOf(headers), body, (record) => applyForSubsidy(principal, params.id, body, record)),
);
export const mine = httpHandler(c.mySubsidyApplications, ({ principal, query }) => myApplications(principal, query.cursor));
export const mineOne = httpHandler(c.getMySubsidyApplication, ({ principal, params }) => myApplication(principal, params.id));
export const withdraw = httpHandler(c.withdrawSubsidyApplication, async ({ principal, params }) => withdrawApplication(await ownApplication(principal, params.id), principal.userId));
export const account = httpHandler(c.fixSubsidyAccount, async ({ principal, params, body }) => fixAccount(await ownApplication(principal, params.id), principal.userId, body.account));

export const unitOffers = httpHandler(c.unitSubsidyOffers, ({ principal, params }) => unitOffersOf(principal, params.id));
export const unitApply = httpHandler(c.applyForUnitSubsidy, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:unit-subsidy-apply:${params.id}`, idempotencyKeyOf(headers), body, (record) => applyAsUnit(principal, params.id, body, record)),
);
export const unitList = httpHandler(c.unitSubsidyApplications, ({ principal, params, query }) => unitApplications(principal, params.id, query.cursor));
export const unitOne = httpHandler(c.getUnitSubsidyApplication, async ({ principal, params }) => ({ application: toApplicationView(await unitApplication(principal, params.id, params.appId)) }));
export const unitWithdraw = httpHandler(c.withdrawUnitSubsidyApplication, async ({ principal, params }) =>
  withdrawApplication(await unitApplication(principal, params.id, params.appId), principal.userId),
);
export const unitAccount = httpHandler(c.fixUnitSubsidyAccount, async ({ principal, params, body }) =>
  fixAccount(await unitApplication(principal, params.id, params.appId), principal.userId, body.account),
);

export const queue = httpHandler(c.listSubsidyApplications, ({ principal, query }) => listApplications(principal, query));
export const one = httpHandler(c.getStaffSubsidyApplication, ({ principal, params }) => staffApplication(principal, params.id, c.getStaffSubsidyApplication.path));
export const review = httpHandler(c.reviewSubsidyApplication, ({ principal, params, body, headers }) =>
  idempotent(`${principal.userId}:subsidy-review:${params.id}`, idempotencyKeyOf(headers), body, (record) => reviewApplication(principal, params.id, body, record)),
);

export const publish = httpHandler(c.publishSubsidyNotice, ({ principal, body, headers }) =>
  idempotent(`${principal.userId}:subsidy-notice`, idempotencyKeyOf(headers), body, (record) => publishNotice(principal, body, record)),
);
export const notices = httpHandler(c.listStaffSubsidyNotices, ({ principal }) => staffNotices(principal));
export const publicList = httpHandler(c.listPublicSubsidyNotices, () => publicNotices());
export const publicOne = httpHandler(c.getPublicSubsidyNotice, ({ params, query }) => publicNotice(params.id, query.cursor));
/** Anyone may object without signing in: at most 10 an hour from one address, so a script cannot bury the district in tasks. */
export const object = httpHandler(c.raiseSubsidyObjection, async ({ params, body, event }) => {
  await takeAllowance(`subsidy-objection#${sourceIpOf(event)}`, 10, 3600, '反映问题的次数太多了，请一小时后再试；急事请打公示上的电话');
  return raiseObjection(params.id, body);
});
export const objections = httpHandler(c.listSubsidyObjections, ({ principal, params }) => listObjections(principal, params.id));
export const resolve = httpHandler(c.resolveSubsidyObjection, ({ principal, params, body }) => resolveObjection(principal, params.id, body));

export const pay = httpHandler(c.approveSubsidyPayment, ({ principal, params, headers }) =>
  idempotent(`${principal.userId}:subsidy-payment:${params.id}`, idempotencyKeyOf(headers), {}, (record) => approvePayment(principal, params.id, record)),
);
export const payout = httpHandler(c.subsidyPayoutFile, ({ principal, params }) => payoutFile(principal, params.id));
export const bankResults = httpHandler(c.importSubsidyBankResults, ({ principal, params, body }) => importBankResults(principal, params.id, body.fileText));
