import { issueTicket } from './index';
import { verifyIdentityTicket } from '../../src/auth/cloudbaseTicket';

const SECRET = 'test-only-cloudbase-ticket-secret-0123456789';
const caller = (openId: string) => ({
  getUserInfo: () => ({ openId, appId: 'wx-app', uid: '', customUserId: '', isAnonymous: false }),
});

describe('CloudBase identity function', () => {
  it('signs the caller’s openid into a one-minute ticket the API accepts', async () => {
    const result = await issueTicket(caller('openid-from-wechat'), SECRET);

    expect(result).toMatchObject({ expiresIn: 60 });
    const verified = await verifyIdentityTicket((result as { ticket: string }).ticket, SECRET);
    expect(verified.openid).toBe('openid-from-wechat');
  });

  it('refuses when CloudBase did not identify a WeChat user (called from outside the mini-program)', async () => {
    await expect(issueTicket(caller(''), SECRET)).resolves.toEqual({ error: expect.stringContaining('微信用户') });
  });

  it('refuses to sign with a missing or short secret', async () => {
    await expect(issueTicket(caller('openid-x'), undefined)).resolves.toHaveProperty('error');
    await expect(issueTicket(caller('openid-x'), 'short')).resolves.toHaveProperty('error');
  });

  it('gives each ticket its own id, so a replay can be refused', async () => {
    const a = (await issueTicket(caller('openid-y'), SECRET)) as { ticket: string };
    const b = (await issueTicket(caller('openid-y'), SECRET)) as { ticket: string };
    expect((await verifyIdentityTicket(a.ticket, SECRET)).jti).not.toBe((await verifyIdentityTicket(b.ticket, SECRET)).jti);
  });
});
