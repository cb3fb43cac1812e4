// Mainland China mobile numbers: 11 digits starting 13–19. Landlines are not accepted for
// registration because notifications and call-backs go to a mobile.
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isMobile(raw: string): boolean {
  return MOBILE_PATTERN.test(raw);
}

/** `138****5678` */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A name as shown before consent: the surname and a star per other character (陈美华 → 陈**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
