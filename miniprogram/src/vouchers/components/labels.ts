// Words the voucher pages share.
import { fenToYuanText, todayInChina, type Voucher } from '@doorstep/shared';

/** The day (in China) of an ISO time. */
export const chinaDate = (iso: string) => todayInChina(new Date(iso));

export const yuan = (fen: number) => `${fenToYuanText(fen)} 元`;

/** One line on what the holder can still do with a voucher, in plain words. */
export function validityText(v: Voucher, employer = false): string {
  if (v.status === 'issued') return `请在 ${v.claimUntil} 前领取`;
  if (v.status === 'claimed') return `有效期至 ${v.expiresOn}`;
  if (v.status === 'settled') return v.kind === 'benefit' ? (employer ? '补贴已打到单位账户' : '补贴已打到您的社保卡') : '服务费已付给服务机构';
  if (v.redeemedAt) return `${chinaDate(v.redeemedAt)} 在${v.providerName ?? '服务机构'}使用`;
  return '';
}
