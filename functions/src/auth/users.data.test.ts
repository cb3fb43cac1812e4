import { createTestTable } from '../../../tests/support/table';
import { resetConfigForTests } from '../config';
import { devSignIn, findOrCreateUser, getUser } from './users';
import { dev } from './handlers';
import type { HttpEvent } from '../http/handler';

beforeAll(createTestTable);

describe('users and identities on DynamoDB Local', () => {
  it('creates a job seeker on the first login of an identity and finds the same user after', async () => {
    const first = await findOrCreateUser('wechat', 'openid-first');
    const again = await findOrCreateUser('wechat', 'openid-first');

    expect(first.roles).toEqual(['jobseeker']);
    expect(again.id).toBe(first.id);
  });

  it('ends ten racing first logins of one identity on a single user', async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => findOrCreateUser('wechat', 'openid-race')));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
  });

  it('keeps identities of different providers apart', async () => {
    const a = await findOrCreateUser('wechat', 'same-subject');
    const b = await findOrCreateUser('dev', 'same-subject');
    expect(a.id).not.toBe(b.id);
  });

  it('gives a dev-login staff member the role and jurisdiction asked for, keeping jobseeker', async () => {
    const user = await devSignIn({ openid: 'staff-x', roles: ['staff'], level: 'street', areaCode: '350102001' });
    expect(await getUser(user.id)).toMatchObject({ roles: ['jobseeker', 'staff'], level: 'street', areaCode: '350102001' });
  });
});

describe('dev login outside local and test stages', () => {
  it('answers 404 even if the route were deployed', async () => {
    const stage = process.env.STAGE;
    process.env.STAGE = 'prod';
    resetConfigForTests();
    try {
      const res = await dev({ body: JSON.stringify({ openid: 'intruder' }), headers: {} } as unknown as HttpEvent);
      expect(res.statusCode).toBe(404);
    } finally {
      process.env.STAGE = stage;
      resetConfigForTests();
    }
  });
});
