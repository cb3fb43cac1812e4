import { defineContract, z } from '@doorstep/shared';
import { testEnvironment } from '../../../tests/support/testConfig';

Object.assign(process.env, testEnvironment('unused'));

// The wrapper takes the caller's roles from their account (a DynamoDB read, exercised by the API
// suites); here the account says what the token says, so the wrapper's own work is what is tested.
jest.mock('../auth/account', () => ({
  getUser: async (id: string) => ({ id, roles: id === 'staff-user' ? ['jobseeker', 'staff'] : ['jobseeker'], createdAt: '' }),
}));

import { httpHandler, type HttpEvent } from './handler';
import { signSession } from './session';
import { ConflictError } from './errors';

const contract = defineContract({
  id: 'probe',
  method: 'POST',
  path: '/probe',
  summary: 'test',
  auth: ['staff'],
  body: z.strictObject({ n: z.number().check(z.int()) }),
  response: z.object({ doubled: z.number() }),
  errors: [400, 401, 403],
});

const event = (body: string | undefined, token?: string): HttpEvent =>
  ({ body, headers: token ? { authorization: `Bearer ${token}` } : {}, isBase64Encoded: false }) as unknown as HttpEvent;

const tokenFor = async (roles: ('staff' | 'jobseeker')[]) =>
  (await signSession({ id: roles.includes('staff') ? 'staff-user' : 'citizen-user', roles, createdAt: '' }, testEnvironment('x').JWT_SECRET, 60)).token;

describe('httpHandler', () => {
  const handler = httpHandler(contract, async ({ body }) => {
    if (body.n === 13) throw new ConflictError('不吉利');
    if (body.n === 666) throw new Error('secret internal detail');
    return { doubled: body.n * 2, leaked: 'not in the contract' } as never;
  });

  it('answers with only the fields the contract names', async () => {
    const res = await handler(event('{"n":2}', await tokenFor(['staff'])));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ doubled: 4 });
  });

  it.each([
    ['no token', undefined, 401],
    ['a role without access', ['jobseeker'] as const, 403],
  ])('answers %s with %i', async (_, roles, status) => {
    const res = await handler(event('{"n":2}', roles ? await tokenFor([...roles]) : undefined));
    expect(res.statusCode).toBe(status);
  });

  it('maps typed errors to their status with the Chinese message', async () => {
    const res = await handler(event('{"n":13}', await tokenFor(['staff'])));
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body!).error).toEqual({ code: 'conflict', message: '不吉利' });
  });

  it('hides unknown errors behind a generic 500', async () => {
    const res = await handler(event('{"n":666}', await tokenFor(['staff'])));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(JSON.parse(res.body!).error.message).toBe('系统繁忙，请稍后再试');
  });

  it('reads a base64-encoded body as API Gateway sends it', async () => {
    const res = await handler({ ...event(Buffer.from('{"n":5}').toString('base64'), await tokenFor(['staff'])), isBase64Encoded: true });
    expect(JSON.parse(res.body!)).toEqual({ doubled: 10 });
  });
});
