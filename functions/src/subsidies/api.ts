// 补贴 (issue 32): the bounded context of paying subsidies to people and units — programmes,
// applications, review, the public notice and its objections, payment — over HTTP (evidence photos
// are shown through signed links to GET /files/view: no S3 client here); the notice's and the
// payment's parts on the subsidy queue; hourly, notices past their end go on to payment (the same
// function: the rights are the same). The reconciliation runs read-only in reconcileSettlement.
import type { Context } from 'aws-lambda';
import { router, withSchedule } from '../http/router';
import * as s from './handlers';
import { hourly, work } from './work';

const http = withSchedule(
  router(
    s.createProgramme,
    s.listProgrammes,
    s.approveProgramme,
    s.withdrawProgramme,
    s.topUp,
    s.approveTopUpRoute,
    s.offers,
    s.apply,
    s.mine,
    s.mineOne,
    s.withdraw,
    s.account,
    s.unitOffers,
    s.unitApply,
    s.unitList,
    s.unitOne,
    s.unitWithdraw,
    s.unitAccount,
    s.queue,
    s.one,
    s.review,
    s.publish,
    s.notices,
    s.publicList,
    s.publicOne,
    s.object,
    s.objections,
    s.resolve,
    s.pay,
    s.payout,
    s.bankResults,
  ),
  hourly,
);

export const handler = Object.assign(
  (event: unknown, context: Context) => ((event as { Records?: { eventSource?: string }[] })?.Records?.[0]?.eventSource === 'aws:sqs' ? work(event as never) : http(event as never, context)),
  { routes: http.routes },
);
