// 零就业家庭 over HTTP: the resident's application and their household; the staff's ledger, a
// household, and a member's work recorded.
import {
  applyForHousehold as applyContract,
  getHousehold as getContract,
  getMyHousehold,
  listHouseholds as listContract,
  recordMemberActivity as recordContract,
} from '@doorstep/shared';
import { httpHandler } from '../http/handler';
import { applyForHousehold, getHousehold, listHouseholds, myHousehold, recordMemberActivity } from './service';

export const apply = httpHandler(applyContract, async ({ principal, body }) => ({ household: await applyForHousehold(principal, body) }));
export const mine = httpHandler(getMyHousehold, ({ principal }) => myHousehold(principal.userId));
export const list = httpHandler(listContract, ({ principal, query }) => listHouseholds(principal, query));
export const get = httpHandler(getContract, ({ principal, params }) => getHousehold(principal, params.id, getContract.path));
export const member = httpHandler(recordContract, async ({ principal, params, body }) => ({ household: await recordMemberActivity(principal, params.id, params.index, body) }));
