// CloudBase cloud function `identity` (deployed to WeChat CloudBase, not AWS). Inside CloudBase
// the caller's OPENID is set by WeChat itself, so no AppSecret is needed: the function signs it
// into a one-minute ticket that POST /auth/cloudbase exchanges for a session.
// Build: npm run build:cloudbase → dist/cloudbase/identity/index.js (exports.main).
import tcb from '@cloudbase/node-sdk';
import { signIdentityTicket, TICKET_TTL_SECONDS } from '../../src/auth/cloudbaseTicket';

/** Only what this function needs of CloudBase auth: tests inject it (the SDK must not touch the network). */
export type UserInfoSource = Pick<ReturnType<ReturnType<typeof tcb.init>['auth']>, 'getUserInfo'>;

export type IdentityResult = { ticket: string; expiresIn: number } | { error: string };

export async function issueTicket(auth: UserInfoSource, secret: string | undefined): Promise<IdentityResult> {
  if (!secret || secret.length < 32) return { error: '云函数未配置票据密钥' };
  const { openId } = auth.getUserInfo();
  if (!openId) return { error: '未能识别微信用户，请在小程序内调用' };
  return { ticket: await signIdentityTicket(openId, secret), expiresIn: TICKET_TTL_SECONDS };
}

export async function main(): Promise<IdentityResult> {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return issueTicket(app.auth(), process.env.CLOUDBASE_TICKET_SECRET);
}
