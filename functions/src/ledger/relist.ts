// Listing a person with an account from their records: whenever one that matters changes (the
// figures stream calls `relistPerson`, ledger/changes.ts says which), their rows are put where
// their categories hold and removed where they no longer do; a person imported earlier with the
// same ID number leaves the imported rows in the same transaction.
import { createHash } from 'node:crypto';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { effectiveTakeStatus, todayInChina, type GigTakeStatus, type LedgerCategory } from '@doorstep/shared';
import { activeCategory, derivedCategories, loadCategories } from '../applications/categories';
import { retryConflicts } from '../concurrency';
import { JobseekerRegistrationEntity } from '../db/entities';
import { cancelledTransaction } from '../db/errors';
import { table } from '../db/table';
import { FairAttendeeEntity, FairRegistrationEntity } from '../fairs/entities';
import { GigTakeEntity } from '../gigs/entities';
import { HouseholdEntity, PersonHouseholdEntity } from '../households/entities';
import { VisitEntity } from '../servicePoints/entities';
import { ImportedClaimEntity, ImportedPersonEntity, LedgerStateEntity } from './entities';
import { deleteRows, importedFacts, putRows, type LedgerFacts } from './rows';

/** Whether the person has been served at a desk (arrived or served) or checked in at a fair. */
async function metInPerson(userId: string): Promise<boolean> {
  const [{ Items: visits = [] }, { Items: fairs = [] }] = await Promise.all([
    table.build(QueryCommand).entities(VisitEntity).query({ index: 'gsi2', partition: `USER_VISITS#${userId}` }).options({ reverse: true, limit: 50 }).send(),
    table.build(QueryCommand).entities(FairRegistrationEntity).query({ index: 'gsi2', partition: `USER_FAIRS#${userId}` }).options({ reverse: true, limit: 10 }).send(),
  ]);
  if (visits.some((v) => v.status === 'arrived' || v.status === 'served')) return true;
  const attended = await Promise.all(fairs.map((f) => FairAttendeeEntity.build(GetItemCommand).key({ fairId: f.fairId, userId }).send()));
  return attended.some((a) => !!a.Item);
}

/** The person's facts now, from their records; undefined without a registration (they are not listed). */
export async function factsOf(userId: string, today = todayInChina()): Promise<{ facts?: LedgerFacts; idNumberHash?: string }> {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  if (!reg) return {};
  const [categories, { Items: pointers = [] }, { Items: takes = [] }, met] = await Promise.all([
    loadCategories(userId),
    table.build(QueryCommand).entities(PersonHouseholdEntity).query({ partition: `USER#${userId}`, range: { beginsWith: 'HOUSEHOLD#' } }).send(),
    table.build(QueryCommand).entities(GigTakeEntity).query({ index: 'gsi2', partition: `USER_GIGTAKES#${userId}` }).options({ reverse: true, limit: 50 }).send(),
    metInPerson(userId),
  ]);
  const households = await Promise.all(pointers.map((p) => HouseholdEntity.build(GetItemCommand).key({ householdId: p.householdId }).send()));
  const now = new Date();
  const employed = !!activeCategory(categories, 'employed', today);
  const holds: Record<LedgerCategory, boolean> = {
    jobseeker: reg.validUntil >= today,
    unemployed: !!activeCategory(categories, 'registered_unemployed', today),
    hard_to_employ: !!activeCategory(categories, 'hard_to_employ', today),
    zero_household: households.some((h) => h.Item?.status === 'recognised' && h.Item.atZero),
    graduate: derivedCategories(reg, today).some((c) => c.code === 'graduate_2y'),
    gig_worker: takes.some((t) => effectiveTakeStatus({ status: t.status as GigTakeStatus, ...(t.objectionUntil ? { objectionUntil: t.objectionUntil } : {}) }, now) === 'done'),
    met,
    employed,
    imported: false,
  };
  return {
    idNumberHash: reg.idNumberHash,
    facts: {
      personKey: `U${userId}`,
      name: reg.name,
      idNumberMasked: reg.idNumberMasked,
      gender: reg.gender,
      birthDate: reg.birthDate,
      areaCode: reg.residence.areaCode,
      categories: (Object.keys(holds) as LedgerCategory[]).filter((c) => holds[c]),
      status: employed ? 'employed' : 'seeking',
      source: 'app',
    },
  };
}

const digestOf = (f: LedgerFacts | undefined) => (f ? createHash('sha256').update(JSON.stringify(f)).digest('base64url').slice(0, 22) : '');

/**
 * Lists the person as their records say now: rows put where they hold, removed where they no
 * longer do (all of them once the registration is gone — erased or withdrawn), under the state's
 * version, so two consumers listing one person cannot both apply. A person imported earlier with
 * the same ID number leaves the imported rows in the same transaction.
 */
export async function relistPerson(userId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const outcome = await retryConflicts(() => relistOnce(userId));
    if (outcome !== 'stale') return outcome;
  }
  throw new Error(`ledger: person ${userId} kept changing while being listed`);
}

async function relistOnce(userId: string): Promise<boolean | 'stale'> {
  const [{ Item: state }, { facts, idNumberHash }] = await Promise.all([LedgerStateEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send(), factsOf(userId)]);
  const { Item: claim } = idNumberHash ? await ImportedClaimEntity.build(GetItemCommand).key({ idNumberHash }).options({ consistent: true }).send() : { Item: undefined };
  const { Item: imported } = claim ? await ImportedPersonEntity.build(GetItemCommand).key({ personId: claim.personId }).options({ consistent: true }).send() : { Item: undefined };
  const digest = digestOf(facts);
  if ((state?.digest ?? '') === digest && !claim) return false;
  const at = new Date().toISOString();
  const personKey = `U${userId}`;
  const writes = [];
  // Rows that no longer hold (or all of them, when the area changed or the registration is gone).
  if (state) {
    const sameArea = !!facts && facts.areaCode === state.areaCode;
    // In the same area the `all` row stays (it is put again below); elsewhere every row goes.
    const gone = sameArea ? state.categories.filter((c) => !facts!.categories.includes(c as LedgerCategory)) : state.categories;
    writes.push(...deleteRows(state.areaCode, gone, personKey).slice(sameArea ? 1 : 0));
  }
  if (facts) writes.push(...putRows(facts, at));
  const stateVersion = state ? { attr: 'version' as const, eq: state.version } : { attr: 'version' as const, exists: false };
  writes.push(
    facts
      ? LedgerStateEntity.build(PutTransaction).item({ userId, areaCode: facts.areaCode, categories: facts.categories, digest, version: (state?.version ?? 0) + 1 }).options({ condition: stateVersion })
      : LedgerStateEntity.build(DeleteTransaction).key({ userId }).options({ condition: stateVersion }),
  );
  if (claim) {
    writes.push(ImportedClaimEntity.build(DeleteTransaction).key({ idNumberHash: claim.idNumberHash }).options({ condition: { attr: 'personId', eq: claim.personId } }));
    if (imported) {
      const f = importedFacts(imported);
      writes.push(...deleteRows(f.areaCode, f.categories, f.personKey), ImportedPersonEntity.build(DeleteTransaction).key({ personId: imported.personId }));
    }
  }
  if (!state && !facts && !claim) return false;
  try {
    await execute(...(writes as Parameters<typeof execute>));
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed.some(Boolean)) return 'stale';
    throw err;
  }
  return true;
}
