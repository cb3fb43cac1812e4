// Demo data for the local stack, written through the API so it follows every real rule.
// Idempotent: dev login finds the same user again, and an unchanged registration writes nothing.
import { idCheckChar, usccCheckChar } from '@doorstep/shared';

export const DEMO_ACCOUNTS = [
  { openid: 'demo-seeker', label: '求职者（已登记）' },
  { openid: 'demo-community-staff', roles: ['staff'], level: 'community', areaCode: '350102001001', label: '社区工作人员（鼓东街道 一个社区）' },
  { openid: 'demo-street-staff', roles: ['staff'], level: 'street', areaCode: '350102001', label: '街道工作人员（鼓东街道）' },
  { openid: 'demo-district-staff', roles: ['staff'], level: 'district', areaCode: '350102', label: '区工作人员（福州市鼓楼区）' },
  { openid: 'demo-employer', label: '单位联系人（已提交入驻，待街道审核）' },
] as const;

const first17 = '35010219750312246';
const DEMO_ID_NUMBER = first17 + idCheckChar(first17);
const usccFirst17 = '91350102MA2Y0DEM0';
const DEMO_USCC = usccFirst17 + usccCheckChar(usccFirst17);

/** POST that may already have happened on an earlier start: 409 means it is there. */
async function postOnce(apiBase: string, path: string, token: string, body: unknown): Promise<void> {
  const res = await fetch(`${apiBase}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok && res.status !== 409) throw new Error(`seeding ${path} failed: ${res.status} ${await res.text()}`);
}

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
  // Something in the staff queues: the seeker's unemployment registration and a shop's onboarding.
  await postOnce(apiBase, '/me/unemployment-registration', tokens['demo-seeker'], {
    priorStatus: 'employed',
    lastEmployer: '鼓楼区东街口餐馆',
    leavingReason: 'contract_ended',
    leftOn: '2026-09-30',
    ableToWork: true,
    willingToWork: true,
    localResident: true,
  });
  await postOnce(apiBase, '/employers', tokens['demo-employer'], {
    name: '福州鼓东便民超市有限公司',
    uscc: DEMO_USCC,
    industry: 'F',
    economicType: 'limited_liability',
    address: { areaCode: '350102001001', address: '鼓东路 20 号', lat: 26.0851, lng: 119.3019 },
    intro: '社区便民超市，常年招收银员、理货员。',
    contactName: '王建国',
    contactPhone: '13905911234',
  });
}
