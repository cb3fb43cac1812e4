// A closed account's subsidies (issue 32): what has not reached the district is withdrawn (its
// months free); every application keeps the anonymous payment record — programme, months, amount,
// stage — without the person: no name, no masked ID number, no evidence, no account; payment lines
// lose the name and the sealed account, the public notice's line its masked name; the month claims
// (keyed by the account) go. A unit's application about them (R21) keeps the unit and its account.
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $remove, $set } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { ERASED_PERSON_LABEL } from '@doorstep/shared';
import { mapLimit } from '../concurrency';
import { cancelledTransaction } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { SubsidyApplicationEntity, SubsidyMonthEntity, SubsidyNoticeLineEntity, SubsidyPaymentLineEntity, SubsidyPeriodEntity } from './entities';
import { applicationPut, loadApplication, movedApplication } from './applications';

const GONE = '（已删除）';

/** Returns how many records were changed or removed. */
export async function erasePersonFromSubsidies(userId: string, applicationIds: readonly string[], at: string): Promise<number> {
  let changed = 0;
  const kinds = new Set<string>();
  await mapLimit(applicationIds, 4, async (applicationId) => {
    let a = await loadApplication(applicationId);
    if (!a || a.userId !== userId) return;
    kinds.add(a.kind);
    if (a.stage === 'submitted' || a.stage === 'street_approved') {
      const next = movedApplication(a, 'withdrawn', 'system:erasure', at, {}, '本人已注销账号');
      // Moved by staff meanwhile (cancelled): its new stage stands, and is read again below. Anything else fails the erasure run, which retries.
      await execute(...applicationPut(a, next)).catch((err: unknown) => {
        if (!cancelledTransaction(err)) throw err;
      });
      a = (await loadApplication(applicationId))!;
    }
    // A unit's application keeps the unit's account (the unit's, not the person's); the person goes.
    const account = a.employerId ? {} : { accountMasked: GONE, bankName: GONE };
    await SubsidyApplicationEntity.build(UpdateItemCommand)
      .item({ applicationId, personName: ERASED_PERSON_LABEL, idNumberMasked: '', evidence: $set([]), ...account, siteCheck: $remove() })
      .options({ condition: { attr: 'applicationId', exists: true } })
      .send();
    changed += 1;
    if (a.noticeId && a.lineNo !== undefined) {
      await SubsidyNoticeLineEntity.build(UpdateItemCommand).item({ noticeId: a.noticeId, lineNo: a.lineNo, maskedName: ERASED_PERSON_LABEL }).send();
      changed += 1;
    }
    if (a.paymentId && !a.employerId) {
      await SubsidyPaymentLineEntity.build(UpdateItemCommand).item({ paymentId: a.paymentId, applicationId, payeeName: ERASED_PERSON_LABEL, accountCipher: '', accountMasked: GONE, bankName: GONE }).send();
      changed += 1;
    }
  });
  for (const kind of kinds) {
    const claims = await queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(SubsidyMonthEntity)
        .query({ partition: `SUBCLAIM#${kind}#${userId}`, range: { beginsWith: 'MONTH#' } })
        .options(start ? { exclusiveStartKey: start } : {})
        .send(),
    );
    for (const c of claims) await SubsidyMonthEntity.build(DeleteItemCommand).key({ kind, userId, month: c.month }).send();
    await SubsidyPeriodEntity.build(DeleteItemCommand).key({ kind, userId }).send();
    changed += claims.length + 1;
  }
  return changed;
}
