// 招聘会 over HTTP: thin, the rules are in fairs.ts and attendance.ts.
import {
  applyForBooth as applyContract,
  createFair as createContract,
  decideBooth as decideContract,
  employerFairBooths,
  fileFairReceipt,
  fairScreen,
  getFairFigures,
  markFairScreenReady,
  fairCheckinCode,
  fairGateCode,
  fairIntention,
  getFair as getContract,
  listFairBooths,
  listFairs as listContract,
  listStaffFairs,
  myFairs as myFairsContract,
  publishFair as publishContract,
  registerForFair as registerContract,
  scanFairCheckin,
  selfFairCheckin,
} from '@doorstep/shared';
import { NotFoundError } from '../http/errors';
import { httpHandler } from '../http/handler';
import { fairStateOf, gateCode, intention, myFairs, personCode, registerForFair, scanCheckin, selfCheckin } from './attendance';
import { employerBooths, figuresOf, fileReceipt, markScreenReady, screenOf } from './results';
import { applyForBooth, boothsOf, createFair, decideBooth, listFairs, loadFair, publishFair, staffBooths, staffFairs, toBoothView, toFairView } from './fairs';

export const create = httpHandler(createContract, async ({ principal, body }) => ({ fair: await createFair(principal, body) }));
export const publish = httpHandler(publishContract, async ({ principal, params }) => ({ fair: await publishFair(principal, params.id) }));
export const list = httpHandler(listContract, async ({ query }) => ({ items: await listFairs(query.areaCode) }));
export const one = httpHandler(getContract, async ({ principal, params }) => {
  const fair = await loadFair(params.id);
  if (!fair || fair.status !== 'published') throw new NotFoundError('找不到这个招聘会');
  const booths = await Promise.all((await boothsOf(params.id)).filter((b) => b.status === 'accepted').sort((a, b) => (a.boothNo ?? 0) - (b.boothNo ?? 0)).map((b) => toBoothView(b, fair)));
  return { fair: toFairView(fair), booths, mine: await fairStateOf(principal.userId, params.id, booths.flatMap((b) => b.vacancies.map((v) => v.id))) };
});
export const booth = httpHandler(applyContract, async ({ principal, params, body }) => ({ booth: await applyForBooth(principal.userId, params.id, body) }));
export const decide = httpHandler(decideContract, async ({ principal, params, body }) => ({ booth: await decideBooth(principal, params.id, params.employerId, body) }));
export const register = httpHandler(registerContract, ({ principal, params }) => registerForFair(principal.userId, params.id));
export const mine = httpHandler(myFairsContract, async ({ principal }) => ({ items: await myFairs(principal.userId) }));
export const code = httpHandler(fairCheckinCode, ({ principal, params }) => personCode(principal.userId, params.id));
export const scan = httpHandler(scanFairCheckin, async ({ principal, params, body }) => ({ checkedIn: await scanCheckin(principal, params.id, body.code) }));
export const gate = httpHandler(fairGateCode, ({ principal, params }) => gateCode(principal, params.id));
export const self = httpHandler(selfFairCheckin, ({ principal, params, body }) => selfCheckin(principal.userId, params.id, body.gateCode));
export const intend = httpHandler(fairIntention, ({ principal, params, body }) => intention(principal.userId, params.id, body.vacancyId));
export const staffList = httpHandler(listStaffFairs, async ({ principal }) => ({ items: await staffFairs(principal) }));
export const staffBoothList = httpHandler(listFairBooths, ({ principal, params }) => staffBooths(principal, params.id));
export const unitBooths = httpHandler(employerFairBooths, async ({ principal, params }) => ({ items: await employerBooths(principal.userId, params.id) }));
export const receipt = httpHandler(fileFairReceipt, async ({ principal, params, body }) => ({ booth: await fileReceipt(principal.userId, params.id, params.employerId, body) }));
export const screen = httpHandler(fairScreen, ({ params }) => screenOf(params.id));
export const screenReady = httpHandler(markFairScreenReady, async ({ principal, params }) => ({ fair: await markScreenReady(principal, params.id) }));
export const figures = httpHandler(getFairFigures, ({ params }) => figuresOf(params.id));
