import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { createTestTable } from '../../../tests/support/table';
import { employerBody, makeUscc } from '../../../tests/support/employers';
import { AuditEventEntity } from '../db/entities';
import { table } from '../db/table';
import { findBrokenLink } from '../audit/chain';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors';
import { createEmployer, getEmployerForMember } from './service';

beforeAll(createTestTable);

describe('employer onboarding on DynamoDB Local', () => {
  it('stores the employer as pending review, with the onboarding user as its admin', async () => {
    const employer = await createEmployer('owner-1', employerBody({ uscc: makeUscc(101) }));

    expect(employer).toMatchObject({ status: 'pending_review', uscc: makeUscc(101), address: { areaName: expect.stringContaining('鼓楼区') } });
    await expect(getEmployerForMember('owner-1', employer.id)).resolves.toEqual(employer);
  });

  it('answers 404 to anyone who is not a member', async () => {
    const employer = await createEmployer('owner-2', employerBody({ uscc: makeUscc(102) }));
    await expect(getEmployerForMember('stranger', employer.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 409 for a code already onboarded, also when two onboard it at once', async () => {
    await createEmployer('owner-3', employerBody({ uscc: makeUscc(103) }));
    await expect(createEmployer('owner-4', employerBody({ uscc: makeUscc(103) }))).rejects.toBeInstanceOf(ConflictError);

    const racing = await Promise.allSettled(['a', 'b', 'c'].map((u) => createEmployer(u, employerBody({ uscc: makeUscc(104) }))));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('treats a lower-case code as the same code', async () => {
    await createEmployer('owner-5', employerBody({ uscc: makeUscc(105) }));
    await expect(createEmployer('owner-6', employerBody({ uscc: makeUscc(105).toLowerCase() }))).rejects.toBeInstanceOf(ConflictError);
  });

  it('rejects an unknown community', async () => {
    const body = employerBody({ uscc: makeUscc(106) });
    await expect(createEmployer('owner-7', { ...body, address: { ...body.address, areaCode: '350102999999' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('starts the employer’s audit chain', async () => {
    const employer = await createEmployer('owner-8', employerBody({ uscc: makeUscc(107) }));
    const { Items = [] } = await table.build(QueryCommand).entities(AuditEventEntity).query({ partition: `AUDIT#Employer#${employer.id}` }).send();
    expect(Items.map((e) => [e.action, e.fromState, e.toState, e.actorId])).toEqual([['create', 'none', 'pending_review', 'owner-8']]);
    expect(findBrokenLink(Items)).toBe(-1);
  });
});
