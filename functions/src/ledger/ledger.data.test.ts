// 实名制台账 on DynamoDB Local (issue 31): a street's 2,000-row ledger with seven kinds of bad row is
// previewed with each bad row's reason, applied through its queue messages to exactly the good rows,
// and applying it again (or a message delivered twice) changes nothing; a file of another street's
// people imports nobody. A person listed from their records moves between categories, takes over
// the imported copy of themselves when they register, and leaves the ledger with their account.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import writeXlsxFile from 'write-excel-file/node';
import { IMPORT_PROBLEMS, type ImportProblem } from '@doorstep/shared';
import { onOwnDynamoLocal } from '../../../tests/support/ownDynamo';
import { ledgerFile, rowIdNumber, toBase64 } from '../../../tests/support/ledgerFiles';
import { registrationBody } from '../../../tests/support/people';
import { JobseekerRegistrationEntity } from '../db/entities';
import { table } from '../db/table';
import { getDependencies } from '../deps';
import { NotFoundError, ValidationError } from '../http/errors';
import type { Principal } from '../http/session';
import { putRegistration } from '../registration/service';
import { readLocalQueue, deleteLocalMessage } from '../../../scripts/lib/localQueue';
import { ImportedClaimEntity, LedgerImportEntity } from './entities';
import { applyPart, importStatus, previewImport, startImport, type ImportPartMessage } from './imports';
import { ledgerPerson, listLedger } from './ledger';
import { relistPerson } from './relist';

jest.setTimeout(120_000);

// This file writes a 2,000-row import in some 400 transactions: on the DynamoDB Local the other
// data suites share, that doubled the whole tier (191–228 s → 319–453 s), so it runs on one of its own.
onOwnDynamoLocal();

const streetAdmin: Principal = { userId: 'lg-street', roles: ['staff', 'admin'], level: 'street', areaCode: '350102001' };
const otherStreet: Principal = { userId: 'lg-other', roles: ['staff', 'admin'], level: 'street', areaCode: '350102002' };
const community: Principal = { userId: 'lg-community', roles: ['staff'], level: 'community', areaCode: '350102001001' };

const KINDS: ImportProblem[] = ['name', 'idCheckDigit', 'idFormat', 'areaOutside', 'areaUnknown', 'duplicateInFile', 'registered'];
const REGISTERED = [rowIdNumber(0, 9), rowIdNumber(1, 9)];

/** Runs the ledger queue's messages as its worker would, one after another, returning them. */
async function drainQueue(): Promise<ImportPartMessage[]> {
  const messages = await readLocalQueue('ledger-import');
  for (const m of messages) {
    await applyPart(JSON.parse(m.body) as ImportPartMessage);
    await deleteLocalMessage('ledger-import', m.messageId);
  }
  return messages.map((m) => JSON.parse(m.body) as ImportPartMessage);
}

const allRows = async (category: string) => {
  const { Items = [] } = await table.build(QueryCommand).query({ partition: `LEDGER#3501#${category}` }).options({ consistent: true }).send();
  return Items;
};

describe('importing a street’s ledger', () => {
  const file = ledgerFile(2000, { badKinds: KINDS, perKind: 2, registeredIds: REGISTERED });
  const body = { fileName: '鼓东街道重点人员台账.csv', contentBase64: toBase64(file.csv) };

  beforeAll(async () => {
    for (const [i, idNumber] of REGISTERED.entries()) await putRegistration(`lg-registered-${i}`, registrationBody({ idNumber }));
  });

  it('previews every bad row with its reason in Chinese, and writes nothing', async () => {
    const preview = await previewImport(streetAdmin, body);
    expect(preview).toMatchObject({ rows: 2000, good: 2000 - file.bad.size });
    expect(file.bad.size).toBe(14);
    expect(new Map(preview.bad.map((b) => [b.row, b.problems]))).toEqual(new Map([...file.bad].map(([row, kind]) => [row, [kind]])));
    for (const b of preview.bad) expect(b.reasons).toEqual(b.problems.map((p) => IMPORT_PROBLEMS[p]));
    expect(await allRows('all')).toEqual([]);
    expect(preview.imported).toBeUndefined();
  });

  it('applies exactly the good rows, once however often the file or a message comes again', async () => {
    const started = await startImport(streetAdmin, body);
    expect(started).toMatchObject({ rows: 2000, good: 2000 - 12, bad: 12, applied: 0, state: 'running' });
    const delivered = await drainQueue();
    expect(delivered).toHaveLength(8); // 1,988 rows, 250 a message
    const done = await importStatus(streetAdmin, started.id);
    expect(done.import).toMatchObject({ applied: 2000 - 14, refusedOnApply: 2, state: 'done' });
    // The two who registered themselves are refused when applied, with the reason.
    expect(done.refused.map((r) => [r.row, r.problems])).toEqual([...file.bad].filter(([, k]) => k === 'registered').map(([row]) => [row, ['registered']]));
    expect(await allRows('imported')).toHaveLength(2000 - 14);

    // The same file again: the same import, nothing queued.
    const again = await startImport(streetAdmin, body);
    expect(again).toMatchObject({ id: started.id, applied: 2000 - 14, state: 'done' });
    expect(await readLocalQueue('ledger-import')).toEqual([]);
    // A message delivered a second time counts nothing and writes nothing new.
    await applyPart(delivered[0]);
    expect((await LedgerImportEntity.build(GetItemCommand).key({ importId: started.id }).send()).Item).toMatchObject({ applied: 2000 - 14, partsDone: 8 });
    expect(await allRows('imported')).toHaveLength(2000 - 14);
    // And the preview says it was imported.
    expect((await previewImport(streetAdmin, body)).imported).toMatchObject({ id: started.id, state: 'done' });
  });

  it('lists the imported people by category, in the community’s and the street’s ledger, and not elsewhere', async () => {
    const page = await listLedger(streetAdmin, { category: 'unemployed' });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((p) => p.categories.includes('unemployed') && p.categories.includes('imported') && p.source === 'import')).toBe(true);
    const next = await listLedger(streetAdmin, { category: 'unemployed', cursor: page.nextCursor });
    expect(next.items[0].key).not.toBe(page.items[0].key);
    const employed = await listLedger(community, { status: 'employed' });
    expect(employed.items.length).toBeGreaterThan(0);
    expect(employed.items.every((p) => p.status === 'employed' && p.areaCode === '350102001001')).toBe(true);
    expect((await listLedger(otherStreet, {})).items).toEqual([]);
    // Another street's cursor is not a way into this street's rows.
    await expect(listLedger(otherStreet, { cursor: page.nextCursor })).rejects.toBeInstanceOf(ValidationError);
    // One person's page: inside the jurisdiction, with where they came from; outside it, 404.
    const someone = page.items[0];
    const view = await ledgerPerson(streetAdmin, someone.key, '/staff/ledger/people/{key}');
    expect(view.person.importedFrom).toMatchObject({ fileName: '鼓东街道重点人员台账.csv' });
    expect(view.timeline[0]).toMatchObject({ kind: 'import' });
    await expect(ledgerPerson(otherStreet, someone.key, '/staff/ledger/people/{key}')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('imports nobody from another street’s file: every row is outside the jurisdiction', async () => {
    const theirs = ledgerFile(40, { series: 3 });
    const preview = await previewImport(otherStreet, { fileName: 'x.csv', contentBase64: toBase64(theirs.csv) });
    expect(preview.good).toBe(0);
    // By code: outside the jurisdiction; by name: not a community of this street.
    expect(new Set(preview.bad.flatMap((b) => b.problems))).toEqual(new Set(['areaOutside', 'areaUnknown']));
    const started = await startImport(otherStreet, { fileName: 'x.csv', contentBase64: toBase64(theirs.csv) });
    expect(started).toMatchObject({ good: 0, state: 'done' });
    expect(await readLocalQueue('ledger-import')).toEqual([]);
    // Nor may the other street read this street's import.
    const ours = (await previewImport(streetAdmin, body)).id;
    await expect(importStatus(otherStreet, ours)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the usual Excel .xlsx the same way', async () => {
    const rows = [
      ['姓名', '身份证号', '社区', '人员类别'],
      ['陈海燕', rowIdNumber(0, 5), '庆城社区', '零工'],
      ['刘志强', rowIdNumber(1, 5).slice(0, 17) + (rowIdNumber(1, 5)[17] === '0' ? '1' : '0'), '350102001001', ''],
      ['黄玉梅', rowIdNumber(2, 5), '梦山社区', ''],
    ].map((r) => r.map((value) => ({ value })));
    const xlsx = await writeXlsxFile(rows).toBuffer();
    const preview = await previewImport(streetAdmin, { fileName: '台账.xlsx', contentBase64: xlsx.toString('base64') });
    expect(preview).toMatchObject({ rows: 3, good: 1 });
    expect(preview.bad.map((b) => [b.row, b.name, b.problems])).toEqual([
      [3, '刘志强', ['idCheckDigit']],
      [4, '黄玉梅', ['areaUnknown']],
    ]);
  });

  it('refuses a file it cannot read, or without the columns, in Chinese', async () => {
    await expect(previewImport(streetAdmin, { fileName: 'a.csv', contentBase64: toBase64('名字,号码\n张三,1') })).rejects.toMatchObject({ statusCode: 400, details: [{ message: expect.stringContaining('第一行缺少列：姓名、身份证号、社区') }] });
    await expect(previewImport(streetAdmin, { fileName: 'a.xlsx', contentBase64: toBase64('not a spreadsheet') })).rejects.toMatchObject({ statusCode: 400, details: [{ message: expect.stringContaining('无法读取这个 Excel 文件') }] });
    await expect(previewImport(community, body)).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('a person listed from their records', () => {
  const userId = '01J0LG00000000000000000001';
  // Row 1 of the file (i = 0) is imported; she now registers herself.
  const idNumber = rowIdNumber(0);

  it('takes over her imported copy when she registers, and leaves the ledger with her account', async () => {
    const hash = getDependencies().idNumbers.blindIndex(idNumber);
    const claim = (await ImportedClaimEntity.build(GetItemCommand).key({ idNumberHash: hash }).send()).Item;
    expect(claim).toBeDefined();
    await putRegistration(userId, registrationBody({ idNumber, name: '王秀英' }));
    expect(await relistPerson(userId)).toBe(true);
    const rows = (await allRows('all')).filter((r) => String(r.sk).endsWith(`#U${userId}`) || String(r.sk).endsWith(`#I${claim!.personId}`));
    expect(rows.map((r) => String(r.sk).split('#')[1])).toEqual([`U${userId}`]);
    expect(rows[0]).toMatchObject({ source: 'app', name: '王秀英', categories: ['jobseeker'] });
    expect((await ImportedClaimEntity.build(GetItemCommand).key({ idNumberHash: hash }).send()).Item).toBeUndefined();
    // Nothing changed: listing again writes nothing.
    expect(await relistPerson(userId)).toBe(false);

    // Her account erased (the registration goes): every row of hers goes.
    await JobseekerRegistrationEntity.build(DeleteItemCommand).key({ userId }).send();
    expect(await relistPerson(userId)).toBe(true);
    const left = (await table.build(QueryCommand).query({ partition: 'LEDGER#3501#jobseeker' }).options({ consistent: true }).send()).Items ?? [];
    expect(left.filter((r) => String(r.sk).endsWith(`#U${userId}`))).toEqual([]);
    expect((await allRows('all')).filter((r) => String(r.sk).endsWith(`#U${userId}`))).toEqual([]);
  });
});
