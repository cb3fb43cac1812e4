// 实名制台账 for staff: a page of their area's people under one category (one Query of the rows),
// one person's 服务手册 (a look in their 访问记录), and the list as a CSV file.
import Papa from 'papaparse';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { ageOn, inJurisdiction, LEDGER_ALL, LEDGER_CATEGORIES, LEDGER_STATUSES, maskPhone, todayInChina, type LedgerCategory, type LedgerPersonRow, type LedgerStatus } from '@doorstep/shared';
import { recordAccess } from '../access/log';
import { areaFullName } from '../areas/dataset';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimit } from '../concurrency';
import { decodeTableCursor, encodeKeyCursor } from '../db/cursor';
import { JobseekerRegistrationEntity } from '../db/entities';
import { table, tableName } from '../db/table';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { itemsOf } from '../privacy/personLists';
import { getDocumentClient } from '../db/client';
import { ImportedPersonEntity, LedgerImportEntity, LedgerRowEntity } from './entities';
import { serviceTimeline, timelineSources, type ServiceEvent } from './timeline';

type CaseDates = { recognisedOn: string; placedOn?: string; closedOn?: string; specialist?: { name: string } };

const PAGE = 20;
export const EXPORT_MAX = 3000;
type Row = FormattedItem<typeof LedgerRowEntity>;

function toRow(r: Row, today = todayInChina()): LedgerPersonRow {
  const categories = r.categories as LedgerCategory[];
  return {
    key: r.personKey,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    gender: r.gender,
    age: ageOn(r.birthDate, today),
    areaCode: r.areaCode,
    areaName: areaFullName(r.areaCode),
    categories,
    categoryNames: categories.map((c) => LEDGER_CATEGORIES[c] ?? c),
    status: r.status,
    statusName: LEDGER_STATUSES[r.status],
    source: r.source,
    updatedAt: r.updatedAt,
  };
}

const partitionOf = (scope: string, category: string) => `LEDGER#${scope.slice(0, 4)}#${category}`;

/**
 * A page of the area's people under `category`, in community order. With a status, the rows are
 * filtered as they are read and pages refilled (up to five reads), so a page is full unless the
 * list ends; the cursor is the last row shown.
 */
export async function listLedger(principal: Principal, query: { category?: string; status?: LedgerStatus; cursor?: string }) {
  const scope = scopeOf(principal);
  const partition = partitionOf(scope, query.category ?? LEDGER_ALL);
  let start: Record<string, unknown> | undefined = decodeTableCursor(query.cursor, partition, scope);
  const items: Row[] = [];
  for (let read = 0; read < 5 && items.length < PAGE; read += 1) {
    const page = await table
      .build(QueryCommand)
      .entities(LedgerRowEntity)
      .query({ partition, range: { beginsWith: scope } })
      .options({
        limit: query.status ? PAGE * 3 : PAGE - items.length,
        ...(query.status ? { filters: { LedgerRow: { attr: 'status', eq: query.status } } } : {}),
        ...(start ? { exclusiveStartKey: start } : {}),
      })
      .send();
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (!start) break;
  }
  const shown = items.slice(0, PAGE);
  const more = items.length > PAGE || !!start;
  const last = shown[shown.length - 1];
  const today = todayInChina();
  return {
    items: shown.map((r) => toRow(r, today)),
    ...(more && last ? { nextCursor: encodeKeyCursor({ pk: partition, sk: `${last.areaCode}#${last.personKey}` }) } : {}),
  };
}

/** Whose 访问记录 a look at a ledger key goes to: the account's, or the imported person's own key. */
const accessPersonId = (key: string) => (key.startsWith('U') ? key.slice(1) : key);

/**
 * The person's `all` row if they are listed inside the caller's jurisdiction (404 otherwise), found
 * from where they live: their registration, or for someone imported, their imported record (handed
 * back, so it is read once).
 */
async function personInScope(principal: Principal, key: string): Promise<{ row: Row; imported?: FormattedItem<typeof ImportedPersonEntity> }> {
  scopeOf(principal);
  const imported = key.startsWith('I') ? (await ImportedPersonEntity.build(GetItemCommand).key({ personId: key.slice(1) }).send()).Item : undefined;
  const areaCode = key.startsWith('U') ? (await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: key.slice(1) }).send()).Item?.residence.areaCode : imported?.areaCode;
  if (!areaCode || !inJurisdiction(areaCode, principal.level, principal.areaCode)) throw new NotFoundError('辖区内没有这个人');
  const { Item: row } = await LedgerRowEntity.build(GetItemCommand).key({ cityCode: areaCode.slice(0, 4), category: LEDGER_ALL, areaCode, personKey: key }).send();
  if (!row) throw new NotFoundError('辖区内没有这个人');
  return { row, ...(imported ? { imported } : {}) };
}

/** The events of the person's 就业援助 cases (read as stored: the assistance entities stay in their function). */
async function assistanceEvents(caseIds: string[]): Promise<ServiceEvent[]> {
  const cases = await Promise.all(
    caseIds.map(async (caseId) => (await getDocumentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: `ASSIST#${caseId}`, sk: 'CASE' } }))).Item as CaseDates | undefined),
  );
  return cases.flatMap((c) =>
    !c
      ? []
      : [
          { at: c.recognisedOn, kind: 'assistance', title: '就业援助：开始援助', ...(c.specialist ? { detail: `援助专员 ${c.specialist.name}` } : {}) },
          ...(c.placedOn ? [{ at: c.placedOn, kind: 'assistance', title: '就业援助：已上岗' }] : []),
          ...(c.closedOn ? [{ at: c.closedOn, kind: 'assistance', title: '就业援助：稳定就业结案' }] : []),
        ],
  );
}

export async function ledgerPerson(principal: Principal, key: string, route: string) {
  const { row, imported } = await personInScope(principal, key);
  const base = toRow(row);
  let person: LedgerPersonRow & { phoneMasked?: string; address?: string; importedFrom?: { fileName: string; row: number; at: string } };
  let timeline: ServiceEvent[];
  if (imported) {
    const { Item: run } = await LedgerImportEntity.build(GetItemCommand).key({ importId: imported.importId }).send();
    const importedFrom = { fileName: run?.fileName ?? '', row: imported.row, at: imported.importedAt };
    person = { ...base, ...(imported.phone ? { phoneMasked: maskPhone(imported.phone) } : {}), ...(imported.address ? { address: imported.address } : {}), importedFrom };
    timeline = [{ at: imported.importedAt, kind: 'import', title: '由街道台账导入', detail: `${importedFrom.fileName} 第 ${imported.row} 行` }];
  } else {
    const records = await timelineSources(key.slice(1));
    const reg = itemsOf(records.own, 'JOBSEEKER_REG')[0] as { phone?: string; residence?: { address?: string } } | undefined;
    person = { ...base, ...(reg?.phone ? { phoneMasked: maskPhone(reg.phone) } : {}), ...(reg?.residence?.address ? { address: reg.residence.address } : {}) };
    timeline = serviceTimeline(records, await assistanceEvents(itemsOf(records.own, 'ASSIST').map((p) => String(p.caseId))));
  }
  await recordAccess(principal, { personId: accessPersonId(key), personName: row.name, kind: 'ledger', route });
  return { person, timeline };
}

export async function ledgerCsv(principal: Principal, category: string | undefined, route: string) {
  if (!principal.roles.includes('admin')) throw new ForbiddenError('由管理员导出');
  const scope = scopeOf(principal);
  const partition = partitionOf(scope, category ?? LEDGER_ALL);
  // Every exported person is a look in their 访问记录: a file is kept to what that can record in
  // one request; a bigger list is exported a category or a community at a time.
  const rows: Row[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table
      .build(QueryCommand)
      .entities(LedgerRowEntity)
      .query({ partition, range: { beginsWith: scope } })
      .options({ limit: 1000, ...(start ? { exclusiveStartKey: start } : {}) })
      .send();
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (rows.length > EXPORT_MAX) throw new ValidationError([{ path: ['category'], message: `超过 ${EXPORT_MAX} 人，请按人员类别分别导出，或由社区分别导出` }]);
  } while (start);
  await mapLimit(rows, 16, (r) => recordAccess(principal, { personId: accessPersonId(r.personKey), personName: r.name, kind: 'ledger', route }));
  const today = todayInChina();
  const data = rows.map((r) => {
    const v = toRow(r, today);
    return [v.name, v.idNumberMasked, v.gender === 'male' ? '男' : '女', v.age, v.areaName, v.categoryNames.join('、'), v.statusName, v.source === 'app' ? '本人登记' : '街道台账导入', v.updatedAt.slice(0, 10)];
  });
  const content = Papa.unparse({ fields: ['姓名', '身份证号', '性别', '年龄', '社区', '人员类别', '就业状态', '来源', '更新日期'], data }, { newline: '\r\n' });
  const label = category && category !== LEDGER_ALL ? LEDGER_CATEGORIES[category as LedgerCategory] : '全部人员';
  return { fileName: `实名制台账_${label}_${scope}_${today}.csv`, content };
}
