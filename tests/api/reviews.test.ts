// Staff review inside the four-level jurisdiction, end to end over HTTP: an employer onboards,
// only staff of its own street can decide, everyone outside sees 404, decisions are audited.
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { findBrokenLink } from '../../functions/src/audit/chain';
import { localClient } from '../../scripts/lib/dynamoLocal';
import { employerBody, makeUscc } from '../support/employers';
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';

jest.setTimeout(180_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('reviews');

// 鼓东街道 (350102001) holds the employers; 鼓西街道 (350102002) is next door.
const staff = {
  gudongStreet: { openid: 'st-gudong', roles: ['staff'], level: 'street', areaCode: '350102001' },
  guxiStreet: { openid: 'st-guxi', roles: ['staff'], level: 'street', areaCode: '350102002' },
  gudongCommunity: { openid: 'st-community', roles: ['staff'], level: 'community', areaCode: '350102001001' },
  gulouDistrict: { openid: 'st-gulou', roles: ['staff'], level: 'district', areaCode: '350102' },
  taijiangDistrict: { openid: 'st-taijiang', roles: ['staff'], level: 'district', areaCode: '350103' },
  fuzhouCity: { openid: 'st-fuzhou', roles: ['staff'], level: 'city', areaCode: '3501' },
};
const tokens: Record<keyof typeof staff, string> = {} as never;

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
  for (const [name, body] of Object.entries(staff)) {
    tokens[name as keyof typeof staff] = await client.devLogin(body.openid, body);
  }
});

afterAll(() => api?.stop());

async function onboard(serial: number, areaCode = '350102001001') {
  const owner = await client.devLogin(`owner-${serial}`);
  const body = employerBody({ uscc: makeUscc(serial), name: `测试单位${serial}号` });
  const res = await client.post('/employers', { ...body, address: { ...body.address, areaCode } }, owner);
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 201 });
  return { employerId: res.body.employer.id as string, owner };
}

async function pendingFor(token: string, query = 'type=employer') {
  const res = await client.get(`/staff/reviews?${query}`, token);
  expect({ status: res.status, text: res.text }).toMatchObject({ status: 200, text: expect.stringContaining('"items"') });
  return res.body as { items: { id: string; subjectId: string; subjectName: string }[]; nextCursor?: string };
}

async function reviewOf(employerId: string) {
  const { items } = await pendingFor(tokens.gudongStreet, 'type=employer&limit=100');
  return items.find((r) => r.subjectId === employerId)!;
}

describe('review queue', () => {
  it('shows an onboarding employer to its own street, community, district and city, and nobody else', async () => {
    const { employerId } = await onboard(501);

    const sees = async (token: string, query = 'type=employer&step=street&limit=100') =>
      (await pendingFor(token, query)).items.some((r) => r.subjectId === employerId);
    expect(await sees(tokens.gudongStreet)).toBe(true);
    expect(await sees(tokens.gudongCommunity)).toBe(true);
    expect(await sees(tokens.gulouDistrict)).toBe(true);
    expect(await sees(tokens.fuzhouCity)).toBe(true);
    expect(await sees(tokens.guxiStreet)).toBe(false);
    expect(await sees(tokens.taijiangDistrict)).toBe(false);
  });

  it('is for staff only', async () => {
    const res = await client.get('/staff/reviews?type=employer', await client.devLogin('plain-citizen'));
    expect(res.status).toBe(403);
  });

  it('pages through a long queue without repeats, and refuses a cursor from elsewhere', async () => {
    for (let i = 0; i < 7; i += 1) await onboard(600 + i, '350102001002');
    const community = await client.devLogin('st-community-2', { roles: ['staff'], level: 'community', areaCode: '350102001002' });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await pendingFor(community, `type=employer&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    // A cursor of the community's queue, replayed by staff of the street next door.
    const first = await pendingFor(community, 'type=employer&limit=3');
    const res = await client.get(`/staff/reviews?type=employer&cursor=${first.nextCursor}`, tokens.guxiStreet);
    expect(res.status).toBe(400);
    expect((await client.get('/staff/reviews?type=employer&cursor=garbage', tokens.gudongStreet)).status).toBe(400);
  });
});

describe('decisions', () => {
  it('answers 404 to staff outside the jurisdiction, and changes nothing', async () => {
    const { employerId, owner } = await onboard(511);
    const review = await reviewOf(employerId);

    for (const token of [tokens.guxiStreet, tokens.taijiangDistrict]) {
      const res = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, token);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('测试单位');
    }
    expect((await client.get(`/employers/${employerId}`, owner)).body.employer.status).toBe('pending_review');
  });

  it('lets only the street decide the street step (403 for community and district staff)', async () => {
    const { employerId } = await onboard(512);
    const review = await reviewOf(employerId);

    for (const token of [tokens.gudongCommunity, tokens.gulouDistrict]) {
      const res = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, token);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('街道初审');
    }
  });

  it('approves: the employer becomes approved, the queue moves on, a second decision is refused', async () => {
    const { employerId, owner } = await onboard(513);
    const review = await reviewOf(employerId);

    const res = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, tokens.gudongStreet);

    expect(res.status).toBe(200);
    expect(res.body.review).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expect((await client.get(`/employers/${employerId}`, owner)).body.employer.status).toBe('approved');
    expect((await pendingFor(tokens.gudongStreet, 'type=employer&limit=100')).items.some((r) => r.id === review.id)).toBe(false);
    expect((await pendingFor(tokens.gudongStreet, 'type=employer&status=approved&limit=100')).items.some((r) => r.id === review.id)).toBe(true);
    const again = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'reject', reason: '重复处理' }, tokens.gudongStreet);
    expect(again.status).toBe(409);
  });

  it('requires a reason to reject, in Chinese, and records the rejection with it', async () => {
    const { employerId, owner } = await onboard(514);
    const review = await reviewOf(employerId);

    const noReason = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'reject' }, tokens.gudongStreet);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([{ path: ['reason'], message: '不通过时请写明理由，申请人会看到' }]);

    const res = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'reject', reason: '营业执照照片看不清' }, tokens.gudongStreet);
    expect(res.body.review).toMatchObject({ status: 'rejected', reason: '营业执照照片看不清' });
    expect((await client.get(`/employers/${employerId}`, owner)).body.employer.status).toBe('rejected');
  });

  it('lets exactly one of two racing decisions through', async () => {
    const { employerId } = await onboard(515);
    const review = await reviewOf(employerId);
    const second = await client.devLogin('st-gudong-2', { ...staff.gudongStreet, openid: 'st-gudong-2' });

    const results = await Promise.all([
      client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, tokens.gudongStreet),
      client.post(`/staff/reviews/${review.id}/decision`, { decision: 'reject', reason: '材料不全' }, second),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('writes the decision into the employer’s hash-chained audit trail', async () => {
    const { employerId } = await onboard(516);
    const review = await reviewOf(employerId);
    await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve', reason: '材料齐全' }, tokens.gudongStreet);

    const db = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
    const { Items = [] } = await db.send(
      new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#Employer#${employerId}` } }),
    );
    expect(Items.map((e) => [e.action, e.fromState, e.toState, e.reason ?? null])).toEqual([
      ['create', 'none', 'pending_review', null],
      ['approve', 'pending_review', 'approved', '材料齐全'],
    ]);
    expect(findBrokenLink(Items as never)).toBe(-1);
  });

  it('answers 404 for an id that does not exist or is malformed', async () => {
    for (const id of ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'nope']) {
      expect((await client.post(`/staff/reviews/${id}/decision`, { decision: 'approve' }, tokens.gudongStreet)).status).toBe(404);
    }
  });
});

describe('audit trail', () => {
  it('shows the decision history, verified, to the employer and its street, and 404 to anyone else', async () => {
    const { employerId, owner } = await onboard(521);
    const review = await reviewOf(employerId);
    await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'reject', reason: '地址与执照不一致' }, tokens.gudongStreet);

    for (const token of [owner, tokens.gudongStreet, tokens.gulouDistrict]) {
      const res = await client.get(`/audit/Employer/${employerId}`, token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        verified: true,
        events: [
          { seq: 1, action: 'create', toState: 'pending_review' },
          { seq: 2, action: 'reject', toState: 'rejected', reason: '地址与执照不一致' },
        ],
      });
    }
    for (const token of [tokens.guxiStreet, tokens.taijiangDistrict, await client.devLogin('curious-citizen')]) {
      expect((await client.get(`/audit/Employer/${employerId}`, token)).status).toBe(404);
    }
  });

  it('reports a tampered event as not verified', async () => {
    const { employerId, owner } = await onboard(522);
    const db = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `AUDIT#Employer#${employerId}`, sk: 'EVENT#00000001' },
        UpdateExpression: 'SET actorId = :someoneElse',
        ExpressionAttributeValues: { ':someoneElse': 'someone-else' },
      }),
    );

    const res = await client.get(`/audit/Employer/${employerId}`, owner);

    expect(res.body.verified).toBe(false);
  });

  it('shows a person the history of their own registration only', async () => {
    const me = await client.call('POST', '/auth/dev-login', { body: { openid: 'audit-seeker' } });
    const { registrationBody, makeIdNumber } = await import('../support/people');
    await client.post('/me/consents', { purposes: ['privacy', 'id_number'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, me.body.token);
    expect((await client.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1990-09-09', 919) }), me.body.token)).status).toBe(200);

    const own = await client.get(`/audit/JobseekerRegistration/${me.body.user.id}`, me.body.token);
    expect(own.body).toMatchObject({ verified: true, events: [{ action: 'create', changedFields: expect.arrayContaining(['idNumber']) }] });
    expect(JSON.stringify(own.body)).not.toMatch(/\d{17}[\dX]/);
    expect((await client.get(`/audit/JobseekerRegistration/${me.body.user.id}`, tokens.guxiStreet)).status).toBe(404);
    expect((await client.get(`/audit/JobseekerRegistration/${me.body.user.id}`, tokens.gudongStreet)).status).toBe(200);
  });
});
