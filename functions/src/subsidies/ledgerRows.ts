// The programme's ledger of money owed and paid: one row per application from the district's
// approval on, written in the same transaction as each stage change, and the budget given back when
// an approved application is refused after all (an objection upheld). reconcile.ts adds them up.
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { BUDGETED_STAGES, type SubsidyStage } from '@doorstep/shared';
import type { TransactionWrite } from '../db/transaction';
import { SubsidyBudgetEntity, SubsidyLedgerRowEntity } from './entities';

type Moving = { programmeId: string; applicationId: string; amountFen: number; stage: string; updatedAt: string };

const budgeted = (stage: string) => BUDGETED_STAGES.includes(stage as SubsidyStage);

export function ledgerMoveWrites(before: Moving, after: Moving): TransactionWrite[] {
  if (budgeted(after.stage)) {
    return [
      SubsidyLedgerRowEntity.build(PutTransaction).item({
        programmeId: after.programmeId,
        applicationId: after.applicationId,
        amountFen: after.amountFen,
        stage: after.stage,
        month: after.updatedAt.slice(0, 7),
      }),
    ];
  }
  if (budgeted(before.stage)) {
    return [
      SubsidyLedgerRowEntity.build(DeleteTransaction).key({ programmeId: before.programmeId, applicationId: before.applicationId }),
      SubsidyBudgetEntity.build(UpdateTransaction).item({ programmeId: before.programmeId, leftFen: $add(before.amountFen) }),
    ];
  }
  return [];
}

/** The district's approval takes the amount from what is left, under a condition: never past the budget. */
export const reserveBudgetWrite = (programmeId: string, amountFen: number) =>
  SubsidyBudgetEntity.build(UpdateTransaction)
    .item({ programmeId, leftFen: $add(-amountFen) })
    .options({ condition: { attr: 'leftFen', gte: amountFen } });
