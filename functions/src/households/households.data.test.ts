// 零就业家庭 on DynamoDB Local (issue 31): a member's work moves the household off and back to zero
// in the very transaction that changes their employment status, so the 动态清零 task opens exactly
// once however often the same change is attempted; a closed account's membership goes (name, ID
// number, birth date, the claim on the ID number), the household's state stays for the counts.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import { ERASED_PERSON_LABEL, chinaInstant, maskIdNumber } from '@doorstep/shared';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber } from '../../../tests/support/people';
import { TaskEntity } from '../db/entities';
import { getDependencies } from '../deps';
import { HouseholdEntity, HouseholdMemberEntity, PersonHouseholdEntity, householdAreaKeys } from './entities';
import { erasePersonFromHouseholds, memberWorkWrites } from './service';
import { figureEvents } from '../figures/count';

jest.setTimeout(60_000);
beforeAll(createTestTable);

const HOUSEHOLD = '01J0HH00000000000000000001';
const ids = () => getDependencies().idNumbers;
const stored = async () => (await HouseholdEntity.build(GetItemCommand).key({ householdId: HOUSEHOLD }).options({ consistent: true }).send()).Item!;

beforeAll(async () => {
  const people = [
    { name: '林秀英', idNumber: makeIdNumber('1975-04-12', 832), relation: 'self', userId: 'hh-her', gender: 'female' as const, birthDate: '1975-04-12' },
    { name: '吴建国', idNumber: makeIdNumber('1972-03-01', 831), relation: 'spouse', userId: 'hh-him', gender: 'male' as const, birthDate: '1972-03-01' },
  ];
  const members = people.map((p) => ({
    name: p.name,
    idNumberCipher: ids().encrypt(p.idNumber),
    idNumberHash: ids().blindIndex(p.idNumber),
    idNumberMasked: maskIdNumber(p.idNumber),
    birthDate: p.birthDate,
    gender: p.gender,
    relation: p.relation,
    activity: 'unemployed',
    ableToWork: true,
    willingToWork: true,
    stableIncome: false,
    userId: p.userId,
  }));
  const at = chinaInstant('2026-10-12', '10:00');
  await HouseholdEntity.build(PutItemCommand)
    .item({
      householdId: HOUSEHOLD,
      applicantId: 'hh-her',
      applicantName: '林秀英',
      areaCode: '350102001001',
      urbanRegister: true,
      members,
      evidenceKeys: [],
      status: 'recognised',
      ruleVersion: 'PR-2026-01',
      atZero: true,
      zeroSince: '2026-10-12',
      version: 3,
      createdAt: at,
      updatedAt: at,
      ...householdAreaKeys('350102001001', at, HOUSEHOLD),
    })
    .send();
  for (const m of members) {
    await HouseholdMemberEntity.build(PutItemCommand).item({ idNumberHash: m.idNumberHash, householdId: HOUSEHOLD }).send();
    await PersonHouseholdEntity.build(PutItemCommand).item({ userId: m.userId, householdId: HOUSEHOLD, createdAt: at }).send();
  }
});

describe('a zero-employment household', () => {
  it('leaves zero when a member works, and returns to it with one 动态清零 task however often the change is attempted', async () => {
    await execute(...(await memberWorkWrites('hh-him', 'employed', new Date(chinaInstant('2026-11-02', '10:00')))));
    expect(await stored()).toMatchObject({ atZero: false, leftZeroOn: '2026-11-02' });
    // The same change again changes nothing.
    expect(await memberWorkWrites('hh-him', 'employed', new Date(chinaInstant('2026-11-03', '10:00')))).toEqual([]);

    // Out of work on 1 December: two attempts built from the same read (a retry racing the first).
    const first = await memberWorkWrites('hh-him', 'unemployed', new Date(chinaInstant('2026-12-01', '10:00')));
    const again = await memberWorkWrites('hh-him', 'unemployed', new Date(chinaInstant('2026-12-01', '10:00')));
    await execute(...first);
    await expect(execute(...again)).rejects.toBeDefined();
    expect(await memberWorkWrites('hh-him', 'unemployed', new Date(chinaInstant('2026-12-02', '10:00')))).toEqual([]);
    const h = await stored();
    expect(h).toMatchObject({ atZero: true, zeroSince: '2026-12-01', clear: { areaCode: '350102001', due: '2026-12-31' } });
    expect(await TaskEntity.build(GetItemCommand).key({ taskId: h.clear!.taskId }).options({ consistent: true }).send()).toMatchObject({ Item: { kind: 'household_clear', status: 'open', subjectId: HOUSEHOLD } });
    const losing = again.map((w) => (w as unknown as { params(): { Put?: { Item?: { pk?: string; kind?: string } } } }).params().Put?.Item).find((i) => i?.kind === 'household_clear')!;
    expect(losing.pk).not.toBe(`TASK#${h.clear!.taskId}`);
    expect((await TaskEntity.build(GetItemCommand).key({ taskId: losing.pk!.slice(5) }).send()).Item).toBeUndefined();
  });

  it('is one household at zero in the figures while recognised and at zero, counted once per change', async () => {
    const image = (over: Record<string, unknown>) => ({ status: 'recognised', atZero: true, areaCode: '350102001001', updatedAt: '2026-12-01T02:00:00.000Z', version: 5, ...over });
    const events = (oldImage: Record<string, unknown> | undefined, newImage: Record<string, unknown>) => figureEvents({ pk: `HOUSEHOLD#${HOUSEHOLD}`, sk: 'HOUSEHOLD', oldImage, newImage }, async () => undefined);
    expect(await events(image({ status: 'pending_district', atZero: false }), image({}))).toEqual([
      { key: `HOUSEHOLD#${HOUSEHOLD}#zero#5`, areaCode: '350102001001', date: '2026-12-01', deltas: { zeroEmploymentFamilies: 1 }, standing: true },
    ]);
    expect((await events(image({}), image({ atZero: false, version: 6 })))[0]).toMatchObject({ key: `HOUSEHOLD#${HOUSEHOLD}#zero#6`, deltas: { zeroEmploymentFamilies: -1 } });
    expect(await events(image({}), image({ version: 6, members: [] }))).toEqual([]);
    expect(await events(undefined, image({ status: 'pending_street', atZero: false }))).toEqual([]);
  });

  it('keeps no name, ID number or birth date of a closed account, frees the ID number, and keeps the state', async () => {
    const him = (await stored()).members[1]!;
    await erasePersonFromHouseholds('hh-him', [HOUSEHOLD], new Date().toISOString());
    const h = await stored();
    expect(h.members[1]).toMatchObject({ name: ERASED_PERSON_LABEL, idNumberCipher: '', idNumberMasked: '', idNumberHash: '', birthDate: '', relation: 'spouse' });
    expect(h.members[1]!.userId).toBeUndefined();
    expect(h.members[0]).toMatchObject({ name: '林秀英' });
    expect(h).toMatchObject({ status: 'recognised', atZero: true, zeroSince: '2026-12-01' });
    expect((await HouseholdMemberEntity.build(GetItemCommand).key({ idNumberHash: him.idNumberHash }).send()).Item).toBeUndefined();
  });
});
