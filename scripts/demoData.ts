// Demo data for the local stack, written through the API so it follows every real rule.
// Idempotent: dev login finds the same user again, and an unchanged registration writes nothing.
import { idCheckChar } from '@doorstep/shared';

export const DEMO_ACCOUNTS = [
  { openid: 'demo-seeker', label: '求职者（已登记）' },
  { openid: 'demo-community-staff', roles: ['staff'], level: 'community', areaCode: '350102001001', label: '社区工作人员（鼓东街道 一个社区）' },
  { openid: 'demo-street-staff', roles: ['staff'], level: 'street', areaCode: '350102001', label: '街道工作人员（鼓东街道）' },
  { openid: 'demo-district-staff', roles: ['staff'], level: 'district', areaCode: '350102', label: '区工作人员（福州市鼓楼区）' },
] as const;

const first17 = '35010219750312246';
const DEMO_ID_NUMBER = first17 + idCheckChar(first17);

export async function seedDemoData(apiBase: string): Promise<void> {
  const tokens: Record<string, string> = {};
  for (const { label: _label, ...account } of DEMO_ACCOUNTS) {
    const res = await fetch(`${apiBase}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });
    if (!res.ok) throw new Error(`seeding ${account.openid} failed: ${res.status} ${await res.text()}`);
    tokens[account.openid] = ((await res.json()) as { token: string }).token;
  }
  const res = await fetch(`${apiBase}/me/jobseeker-registration`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['demo-seeker']}` },
    body: JSON.stringify({
      idNumber: DEMO_ID_NUMBER,
      name: '陈桂兰',
      phone: '13905910001',
      education: 'junior_high',
      yearsOfExperience: 20,
      personCategory: 'registered_unemployed',
      qualificationLevel: 'level4',
      resume: '在鼓楼区的餐馆做过帮厨和收银，会简单的电脑操作。',
      residence: { areaCode: '350102001001', address: '鼓东路 36 号 2 单元', lat: 26.0876, lng: 119.3035 },
      intention: { occupations: ['收银员', '保洁员'], minMonthlySalaryFen: 320000, maxDistanceKm: 3, shift: 'day' },
    }),
  });
  if (!res.ok) throw new Error(`seeding the demo registration failed: ${res.status} ${await res.text()}`);
}
