// 零工 over HTTP: thin, the rules are in gigs.ts, takes.ts and reports.ts.
import {
  assistGigTake,
  cancelGigTake,
  stationWorkers as stationWorkersContract,
  getGigContact,
  verifyGigContact,
  checkGig as checkContract,
  closeGig as closeContract,
  createGig,
  decideGigReport,
  getGig,
  gigDone,
  myGigs as myContract,
  nearbyGigs as nearbyContract,
  objectGigDone,
  postGigForPerson,
  rateGig,
  recordGigPay,
  reportGig as reportContract,
  staffGigReports,
  staffGigs as staffContract,
  takeGig as takeContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { idempotencyKeyOf, idempotent } from '../http/idempotency';
import { checkGig, closeGig, gigContact, nearbyGigs, postForPerson, postGig, staffGigs, stationGigs, verifyContact } from './gigs';
import { decideReport, reportGig, staffReports } from './reports';
import { stationWorkers } from './station';
import { logger } from '../logger';
import { cancelTake, markDone, myGigs, objectToDone, rate, recordPay, settleReportedDone, takeFor, takeGig, viewGig } from './takes';

export const create = httpHandler(createGig, async ({ principal, body }) => ({ gig: await postGig(principal.userId, body) }));
export const nearby = httpHandler(nearbyContract, async ({ query }) => {
  const { items, nextCursor } = await nearbyGigs(query);
  return { items, ...(nextCursor ? { nextCursor } : {}) };
});
export const one = httpHandler(getGig, ({ principal, params }) => viewGig(principal.userId, params.id));
export const take = httpHandler(takeContract, ({ principal, params, headers }) =>
  idempotent(`${principal.userId}:take-gig`, idempotencyKeyOf(headers), { gigId: params.id }, async (record) => ({ take: await takeGig(principal.userId, params.id, { record }) })),
);
export const cancel = httpHandler(cancelGigTake, async ({ principal, params }) => ({ take: await cancelTake(principal.userId, params.id, params.workerId) }));
export const done = httpHandler(gigDone, async ({ principal, params }) => ({ take: await markDone(principal.userId, params.id, params.workerId) }));
export const object = httpHandler(objectGigDone, async ({ principal, params, body }) => ({ take: await objectToDone(principal.userId, params.id, params.workerId, body.reason) }));
export const pay = httpHandler(recordGigPay, async ({ principal, params, body }) => ({ take: await recordPay(principal.userId, params.id, params.workerId, body) }));
export const rating = httpHandler(rateGig, async ({ principal, params, body }) => ({ take: await rate(principal.userId, params.id, params.workerId, body) }));
export const close = httpHandler(closeContract, async ({ principal, params }) => ({ gig: await closeGig(principal.userId, params.id) }));
export const mine = httpHandler(myContract, ({ principal }) => myGigs(principal.userId));
export const report = httpHandler(reportContract, ({ principal, params, body }) => reportGig(principal.userId, params.id, body));
export const staffList = httpHandler(staffContract, ({ principal, query }) => (query.pointId ? stationGigs(principal, query.pointId) : staffGigs(principal, query.cursor)));
export const assisted = httpHandler(postGigForPerson, async ({ principal, body }) => ({ gig: await postForPerson(principal, body) }));
export const check = httpHandler(checkContract, async ({ principal, params, body }) => ({ gig: await checkGig(principal, params.id, body) }));
export const reports = httpHandler(staffGigReports, async ({ principal }) => ({ items: await staffReports(principal) }));
export const decide = httpHandler(decideGigReport, async ({ principal, params, body }) => ({ report: await decideReport(principal, params.id, body) }));
export const assistTake = httpHandler(assistGigTake, async ({ principal, params, body }) => ({ take: await takeFor(principal, params.id, body.idNumber) }));
export const contact = httpHandler(getGigContact, ({ principal }) => gigContact(principal.userId));
export const verify = httpHandler(verifyGigContact, ({ principal, body }) => verifyContact(principal.userId, body));
export const workers = httpHandler(stationWorkersContract, ({ principal, params }) => stationWorkers(principal, params.id));

/** The hourly schedule: reported completions nobody objected to within 24 hours become done. */
export async function settleCompletions(): Promise<{ done: number }> {
  const done = await settleReportedDone();
  if (done) logger.info('gig completions settled', { done });
  return { done };
}
