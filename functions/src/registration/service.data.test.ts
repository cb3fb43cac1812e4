import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { createTestTable } from '../../../tests/support/table';
import { GULOU_COMMUNITY, makeIdNumber, registrationBody } from '../../../tests/support/people';
import { getDocumentClient } from '../db/client';
import { AuditEventEntity, IdNumberClaimEntity, JobseekerRegistrationEntity } from '../db/entities';
import { table } from '../db/table';
import { findBrokenLink } from '../audit/chain';
import { getDependencies } from '../deps';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { getRegistration, putRegistration } from './service';

beforeAll(createTestTable);

async function auditEvents(userId: string) {
  const { Items = [] } = await table
    .build(QueryCommand)
    .entities(AuditEventEntity)
    .query({ partition: `AUDIT#JobseekerRegistration#${userId}` })
    .send();
  return Items;
}

describe('job-seeker registration on DynamoDB Local', () => {
  it('stores a new registration and returns it with the ID number masked', async () => {
    const body = registrationBody({ idNumber: makeIdNumber('1980-05-17', 201) });

    const saved = await putRegistration('user-a', body);

    expect(saved).toMatchObject({
      idNumberMasked: `3501**********${body.idNumber!.slice(-4)}`,
      name: '林秀英',
      gender: 'male',
      birthDate: '1980-05-17',
      status: 'active',
      version: 1,
      residence: { areaCode: GULOU_COMMUNITY, areaName: expect.stringContaining('福建省 福州市 鼓楼区') },
    });
    expect(JSON.stringify(saved)).not.toContain(body.idNumber);
    expect(await getRegistration('user-a')).toEqual(saved);
  });

  it('keeps the ID number encrypted at rest, with a blind index that is not the number', async () => {
    const idNumber = makeIdNumber('1975-01-02', 302);
    await putRegistration('user-b', registrationBody({ idNumber }));

    const raw = await getDocumentClient().send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: { pk: 'USER#user-b', sk: 'JOBSEEKER_REG' },
      }),
    );

    expect(JSON.stringify(raw.Item)).not.toContain(idNumber);
    expect(getDependencies().idNumbers.decrypt(raw.Item!.idNumberCipher)).toBe(idNumber);
    const { Item: claim } = await IdNumberClaimEntity.build(GetItemCommand)
      .key({ idNumberHash: raw.Item!.idNumberHash })
      .send();
    expect(claim?.userId).toBe('user-b');
  });

  it('answers 409 when the same ID number is registered from a second account, and stores nothing', async () => {
    const idNumber = makeIdNumber('1990-03-04', 403);
    await putRegistration('user-c', registrationBody({ idNumber }));

    await expect(putRegistration('user-d', registrationBody({ idNumber }))).rejects.toBeInstanceOf(ConflictError);

    await expect(getRegistration('user-d')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets two accounts racing for one ID number end with exactly one registration', async () => {
    const idNumber = makeIdNumber('1991-07-08', 504);
    const results = await Promise.allSettled(
      ['race-1', 'race-2', 'race-3', 'race-4'].map((u) => putRegistration(u, registrationBody({ idNumber }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
  });

  it('updates the registration without the ID number, bumping the version', async () => {
    await putRegistration('user-e', registrationBody({ idNumber: makeIdNumber('1985-09-10', 605) }));
    const { idNumber: _omit, ...withoutId } = registrationBody();

    const updated = await putRegistration('user-e', { ...withoutId, phone: '13900001111' });

    expect(updated).toMatchObject({ phone: '13900001111', version: 2, birthDate: '1985-09-10' });
  });

  it('requires the ID number on the first registration', async () => {
    const { idNumber: _omit, ...withoutId } = registrationBody();
    await expect(putRegistration('user-f', withoutId)).rejects.toMatchObject({
      details: [{ path: ['idNumber'], message: '请填写身份证号' }],
    });
  });

  it('rejects an unknown community code with a field error and stores nothing', async () => {
    const body = registrationBody({ idNumber: makeIdNumber('1985-09-10', 706) });
    const bad = { ...body, residence: { ...body.residence, areaCode: '350102999999' } };

    await expect(putRegistration('user-g', bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(getRegistration('user-g')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('writes nothing when the same registration is sent again (a retry)', async () => {
    const body = registrationBody({ idNumber: makeIdNumber('1979-12-01', 807) });
    const first = await putRegistration('user-h', body);

    const again = await putRegistration('user-h', body);

    expect(again.version).toBe(first.version);
    expect(await auditEvents('user-h')).toHaveLength(1);
  });

  it('moves the ID-number claim when the person corrects their number', async () => {
    const wrong = makeIdNumber('1970-01-01', 908);
    const right = makeIdNumber('1970-01-01', 909);
    await putRegistration('user-i', registrationBody({ idNumber: wrong }));

    await putRegistration('user-i', registrationBody({ idNumber: right }));

    // The old number is free again for its real owner.
    await expect(putRegistration('user-j', registrationBody({ idNumber: wrong }))).resolves.toMatchObject({ version: 1 });
  });

  it('keeps a hash-chained audit trail naming the changed fields but no personal data', async () => {
    const idNumber = makeIdNumber('1982-06-15', 110);
    await putRegistration('user-k', registrationBody({ idNumber }));
    await putRegistration('user-k', registrationBody({ idNumber, phone: '13700002222' }));
    await putRegistration('user-k', registrationBody({ idNumber, phone: '13700003333', yearsOfExperience: 13 }));

    const events = await auditEvents('user-k');

    expect(events.map((e) => [e.seq, e.action, e.changedFields])).toEqual([
      [1, 'create', expect.arrayContaining(['idNumber', 'name', 'phone'])],
      [2, 'update', ['phone']],
      [3, 'update', ['phone', 'yearsOfExperience']],
    ]);
    expect(findBrokenLink(events)).toBe(-1);
    expect(JSON.stringify(events)).not.toContain('13700003333');
    const tampered = events.map((e, i) => (i === 1 ? { ...e, changedFields: ['name'] } : e));
    expect(findBrokenLink(tampered)).toBe(1);
  });

  it('serialises concurrent edits of one registration: every write lands as its own version', async () => {
    const idNumber = makeIdNumber('1988-08-08', 220);
    await putRegistration('user-l', registrationBody({ idNumber }));

    await Promise.all(
      ['13600000001', '13600000002', '13600000003'].map((phone) => putRegistration('user-l', registrationBody({ idNumber, phone }))),
    );

    const { Item } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId: 'user-l' }).send();
    expect(Item?.version).toBe(4);
    const events = await auditEvents('user-l');
    expect(events).toHaveLength(4);
    expect(findBrokenLink(events)).toBe(-1);
  });

  it('files the registration under its district for staff look-ups', async () => {
    await putRegistration('user-m', registrationBody({ idNumber: makeIdNumber('1983-03-03', 330) }));
    const { Items = [] } = await table
      .build(QueryCommand)
      .entities(JobseekerRegistrationEntity)
      .query({ index: 'gsi1', partition: 'JOBSEEKER_REG#350102', range: { beginsWith: '350102001' } })
      .send();
    expect(Items.map((i) => i.userId)).toContain('user-m');
  });
});
