// Subsidy reconciliation, as for vouchers: per programme, every fen the district's approvals took
// from the budget must be in exactly one place on the ledger — approved (waiting for its notice), on
// notice, held by an objection, cleared, paying, paid or failed — so reserved = Σ the ledger's rows,
// to the fen. An application in one of those stages without its ledger row is named. Read-only.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { BUDGETED_STAGES, type SubsidyStage } from '@doorstep/shared';
import { mapLimit } from '../concurrency';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { SubsidyApplicationEntity, SubsidyBudgetEntity, SubsidyLedgerRowEntity } from './entities';
import { allSubsidyProgrammes, type StoredSubsidyProgramme } from './programmes';

const FIELD: Record<string, 'approvedFen' | 'onNoticeFen' | 'heldFen' | 'clearedFen' | 'payingFen' | 'paidFen' | 'failedFen'> = {
  approved: 'approvedFen',
  on_notice: 'onNoticeFen',
  held: 'heldFen',
  cleared: 'clearedFen',
  paying: 'payingFen',
  paid: 'paidFen',
  failed: 'failedFen',
};

export async function reconcileSubsidyProgramme(p: Pick<StoredSubsidyProgramme, 'programmeId' | 'name'>) {
  const [{ Item: budget }, rows] = await Promise.all([
    SubsidyBudgetEntity.build(GetItemCommand).key({ programmeId: p.programmeId }).options({ consistent: true }).send(),
    queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(SubsidyLedgerRowEntity)
        .query({ partition: `SUBPROG#${p.programmeId}`, range: { beginsWith: 'LEDGER#' } })
        .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
        .send(),
    ),
  ]);
  const r = { programmeId: p.programmeId, name: p.name, reservedFen: budget ? budget.budgetFen - budget.leftFen : 0, approvedFen: 0, onNoticeFen: 0, heldFen: 0, clearedFen: 0, payingFen: 0, paidFen: 0, failedFen: 0, differenceFen: 0, missingRows: [] as string[] };
  for (const row of rows) r[FIELD[row.stage]] += row.amountFen;
  // Every application the budget pays for has its row: read each budgeted stage's queue.
  const withRows = new Set(rows.map((row) => row.applicationId));
  for (const stage of BUDGETED_STAGES as readonly SubsidyStage[]) {
    const apps = await queryAll((start) =>
      table
        .build(QueryCommand)
        .entities(SubsidyApplicationEntity)
        .query({ index: 'gsi1', partition: `SUBQ#${p.programmeId}#${stage}` })
        .options({ attributes: ['applicationId'], ...(start ? { exclusiveStartKey: start } : {}) })
        .send(),
    );
    r.missingRows.push(...apps.map((a) => a.applicationId).filter((id) => !withRows.has(id)));
  }
  r.differenceFen = r.reservedFen - (r.approvedFen + r.onNoticeFen + r.heldFen + r.clearedFen + r.payingFen + r.paidFen + r.failedFen);
  return r;
}

/** Every programme's reconciliation and the total difference (the alarm's figure). */
export async function reconcileAllSubsidies() {
  const programmes = await mapLimit(await allSubsidyProgrammes(), 4, (p) => reconcileSubsidyProgramme(p));
  return { programmes, differenceFen: programmes.reduce((n, p) => n + p.differenceFen, 0), missingRows: programmes.reduce((n, p) => n + p.missingRows.length, 0) };
}
