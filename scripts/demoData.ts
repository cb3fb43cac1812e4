// Demo data for the local stack, written through the API so it follows every real rule.
// Idempotent: dev login finds the same user again, and an unchanged registration writes nothing.
// The staff become staff as in production: the city's first administrator from the bootstrap, the
// others invited by the administrators and accepting with their codes (人员与权限).
import { idCheckChar, PRIVACY_POLICY_VERSION, usccCheckChar } from '@doorstep/shared';

export const DEMO_ACCOUNTS = [
  { openid: 'demo-seeker', label: '求职者（已登记）' },
  { openid: 'demo-community-staff', label: '社区工作人员（鼓东街道 一个社区）' },
  { openid: 'demo-street-staff', label: '街道工作人员（鼓东街道）' },
  { openid: 'demo-district-staff', label: '区工作人员兼管理员（福州市鼓楼区：人员与权限、访问记录）' },
  { openid: 'demo-employer', label: '单位联系人（已提交入驻，待街道审核）' },
  { openid: 'demo-employer-approved', label: '单位联系人（已审核的餐馆，有招聘岗位，可核销就业券）' },
  { openid: 'demo-finance', label: '区财政（审批就业券预算、结算拨付）' },
  { openid: 'demo-city-admin', label: '市级管理员（福州市，系统初始化时设立）' },
] as const;

/** Who works where, as the administrators set them up (the city's administrator first, from the bootstrap). */
const DEMO_STAFF = [
  { openid: 'demo-district-staff', name: '陈志强', phone: '13905900011', areaCode: '350102', roles: ['staff', 'admin'], by: 'demo-city-admin' },
  { openid: 'demo-finance', name: '黄丽', phone: '13905900012', areaCode: '350102', roles: ['finance'], by: 'demo-city-admin' },
  { openid: 'demo-street-staff', name: '林晓东', phone: '13905900013', areaCode: '350102001', roles: ['staff'], by: 'demo-district-staff' },
  { openid: 'demo-community-staff', name: '郑美玲', phone: '13905900014', areaCode: '350102001001', roles: ['staff'], by: 'demo-district-staff' },
] as const;

/** The staff through the same path as in production: bootstrap, then invitations accepted with their codes. */
async function seedStaff(apiBase: string, tokens: Record<string, string>) {
  const me = async (openid: string) => (await call(apiBase, 'GET', '/me', tokens[openid])).user as { roles: string[] };
  if (!(await me('demo-city-admin')).roles.includes('admin')) {
    // In process, as `npm run admin:bootstrap` does (npm start's environment is the local stage's).
    const { bootstrapAdmin } = await import('../functions/src/administration/bootstrap');
    const { code } = await bootstrapAdmin({ phone: '13905900010', areaCode: '3501', name: '刘建华' });
    await call(apiBase, 'POST', '/me/staff-invitations/accept', tokens['demo-city-admin'], { phone: '13905900010', code });
  }
  for (const s of DEMO_STAFF) {
    if ((await me(s.openid)).roles.some((r) => (s.roles as readonly string[]).includes(r))) continue;
    const { code } = await call(apiBase, 'POST', '/admin/staff', tokens[s.by], { phone: s.phone, name: s.name, areaCode: s.areaCode, roles: s.roles });
    await call(apiBase, 'POST', '/me/staff-invitations/accept', tokens[s.openid], { phone: s.phone, code });
  }
}

const first17 = '35010219750312246';
const DEMO_ID_NUMBER = first17 + idCheckChar(first17);
const usccFirst17 = '91350102MA2Y0DEM0';
const DEMO_USCC = usccFirst17 + usccCheckChar(usccFirst17);
const restaurantFirst17 = '91350102MA2Y0DEM1';
const RESTAURANT_USCC = restaurantFirst17 + usccCheckChar(restaurantFirst17);

async function call(apiBase: string, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${apiBase}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as any;
  if (!res.ok) throw new Error(`seeding ${method} ${path} failed: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A pending review of the street's queue, approved. */
async function approve(apiBase: string, street: string, type: string, subjectId: string) {
  const queue = await call(apiBase, 'GET', `/staff/reviews?type=${type}&limit=100`, street);
  const review = queue.items.find((r: { subjectId: string }) => r.subjectId === subjectId);
  if (review) await call(apiBase, 'POST', `/staff/reviews/${review.id}/decision`, street, { decision: 'approve' });
}

/** An approved restaurant with three published vacancies around 鼓东路, once. */
async function seedVacancies(apiBase: string, tokens: Record<string, string>) {
  const owner = tokens['demo-employer-approved'];
  const street = tokens['demo-street-staff'];
  let mine = (await call(apiBase, 'GET', '/me/employers', owner)).items;
  if (mine.length === 0) {
    const { employer } = await call(apiBase, 'POST', '/employers', owner, {
      name: '福州东街口家常菜馆',
      uscc: RESTAURANT_USCC,
      industry: 'H',
      economicType: 'individual',
      address: { areaCode: '350102001001', address: '东街 8 号', lat: 26.0861, lng: 119.3046 },
      intro: '三十年老店，做福州家常菜。',
      contactName: '郑丽娟',
      contactPhone: '13905912345',
    });
    await approve(apiBase, street, 'employer', employer.id);
    mine = (await call(apiBase, 'GET', '/me/employers', owner)).items;
  }
  const employerId = mine[0].employer.id;
  if ((await call(apiBase, 'GET', `/employers/${employerId}/vacancies`, owner)).items.length > 0) return;
  const until = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const posts = [
    { title: '餐厅收银员', occupationName: '收银员', salary: [350_000, 420_000], at: { lat: 26.0861, lng: 119.3046 }, shift: 'day', education: 'junior_high' },
    { title: '后厨帮厨', occupationName: '帮厨', salary: [400_000, 480_000], at: { lat: 26.0861, lng: 119.3046 }, shift: 'rotating', education: undefined },
    { title: '门店保洁员', occupationName: '保洁员', salary: [280_000, 320_000], at: { lat: 26.0952, lng: 119.2987 }, shift: 'day', education: undefined },
  ];
  for (const p of posts) {
    const { vacancy } = await call(apiBase, 'POST', '/vacancies', owner, {
      employerId,
      title: p.title,
      occupationName: p.occupationName,
      employmentForm: 'full_time',
      headcount: 2,
      requirements: { ...(p.education ? { minEducation: p.education } : {}), maxAge: 55, other: '' },
      pay: { salaryMinFen: p.salary[0], salaryMaxFen: p.salary[1], accommodation: 'none', benefits: '包午餐' },
      time: { recruitFrom: from, recruitUntil: until },
      workplace: { areaCode: '350102001001', address: '东街 8 号', ...p.at },
      shift: p.shift,
    });
    await approve(apiBase, street, 'vacancy', vacancy.id);
  }
}

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
    // The demo people have read and agreed to the guide (and the separate consents) in the app.
    const agreed = await fetch(`${apiBase}/me/consents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[account.openid]}` },
      body: JSON.stringify({ purposes: ['privacy', 'id_number', 'hardship_evidence'], version: PRIVACY_POLICY_VERSION, channel: 'h5' }),
    });
    if (!agreed.ok) throw new Error(`consents of ${account.openid} failed: ${agreed.status} ${await agreed.text()}`);
  }
  await seedStaff(apiBase, tokens);
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
  await seedVacancies(apiBase, tokens);
  await seedVouchers(apiBase, tokens);
  await seedTraining(apiBase, tokens);
  await seedServicePoints(apiBase, tokens);
}

/** The district's service points around 鼓东路 (服务网点), once: a community station, a street station, a gig station. */
async function seedServicePoints(apiBase: string, tokens: Record<string, string>) {
  const district = tokens['demo-district-staff'];
  if ((await call(apiBase, 'GET', '/staff/service-points', district)).items.length > 0) return;
  const office = { workday: [{ from: '08:30', to: '12:00' }, { from: '14:00', to: '17:30' }], restDay: [] };
  const points = [
    {
      name: '鼓东街道家门口就业服务站',
      kind: 'community_station',
      areaCode: '350102001001',
      address: '鼓东路 28 号 社区服务中心一楼',
      lat: 26.0869,
      lng: 119.3027,
      phone: '0591-87501234',
      hours: office,
      services: [
        { key: 'jobseeker_registration', desks: 2 },
        { key: 'unemployment_registration', desks: 2 },
        { key: 'hardship_recognition', desks: 1 },
        { key: 'career_guidance', desks: 1 },
        { key: 'policy_consultation', desks: 1 },
      ],
    },
    {
      name: '鼓东街道劳动保障事务所',
      kind: 'street_station',
      areaCode: '350102001',
      address: '鼓屏路 60 号 街道办事处二楼',
      lat: 26.0921,
      lng: 119.2988,
      phone: '0591-87505678',
      hours: { workday: office.workday, restDay: [{ from: '09:00', to: '12:00' }] },
      services: [
        { key: 'unemployment_registration', desks: 3 },
        { key: 'employment_registration', desks: 2 },
        { key: 'hardship_recognition', desks: 2 },
        { key: 'voucher_claim', desks: 1 },
        { key: 'employer_recruitment', desks: 1 },
      ],
    },
    {
      name: '东街口零工驿站',
      kind: 'gig_station',
      areaCode: '350102001001',
      address: '东街 12 号 骑楼下',
      lat: 26.0848,
      lng: 119.3061,
      phone: '13905917788',
      hours: { workday: [{ from: '06:30', to: '11:00' }], restDay: [{ from: '06:30', to: '11:00' }] },
      services: [
        { key: 'jobseeker_registration', desks: 1 },
        { key: 'career_guidance', desks: 1 },
      ],
    },
  ];
  for (const p of points) await call(apiBase, 'POST', '/staff/service-points', district, p);
}

/**
 * A district voucher programme approved by finance, and the restaurant designated as a provider
 * (type employer), once. The demo job seeker gets a voucher when the street and district approve
 * their unemployment registration — the stream issues it.
 */
async function seedVouchers(apiBase: string, tokens: Record<string, string>) {
  const district = tokens['demo-district-staff'];
  const employerId = (await call(apiBase, 'GET', '/me/employers', tokens['demo-employer-approved'])).items[0].employer.id;
  await call(apiBase, 'POST', '/staff/providers', district, {
    employerId,
    types: ['employer', 'training_institution'],
    bankAccount: { accountName: '福州东街口家常菜馆', accountNo: '6222020200110012345', bankName: '工商银行福州东街支行' },
  });
  const existing = (await call(apiBase, 'GET', '/voucher-programmes', district)).items as { name: string }[];
  if (existing.some((p) => p.name === '鼓楼区岗前技能培训券')) return;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const { programme } = await call(apiBase, 'POST', '/voucher-programmes', district, {
    name: '鼓楼区岗前技能培训券',
    kind: 'service',
    serviceName: '岗前技能培训',
    faceValueFen: 80_000,
    targetGroups: ['registered_unemployed', 'hard_to_employ', 'youth_16_24'],
    providerTypes: ['employer', 'training_institution'],
    areaCode: '350102',
    budgetFen: 500 * 80_000,
    quota: 500,
    claimFrom: today,
    claimUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    validityDays: 90,
    perPersonLimit: 1,
  });
  await call(apiBase, 'POST', `/voucher-programmes/${programme.id}/approve`, tokens['demo-finance']);
}

/**
 * The restaurant (also designated a training institution) runs a cooking course near 鼓东路 that
 * takes the district training voucher, and opens interview times for its first vacancy, once.
 */
async function seedTraining(apiBase: string, tokens: Record<string, string>) {
  const owner = tokens['demo-employer-approved'];
  const employerId = (await call(apiBase, 'GET', '/me/employers', owner)).items[0].employer.id;
  if ((await call(apiBase, 'GET', `/providers/${employerId}/courses`, owner)).items.length > 0) return;
  const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const programmes = (await call(apiBase, 'GET', `/providers/${employerId}/programmes`, owner)).items as { id: string }[];
  await call(apiBase, 'POST', '/courses', owner, {
    providerId: employerId,
    title: '中式烹调师（初级）培训班',
    occupationName: '中式烹调师',
    level: 'level5',
    type: 'employment_skills',
    schedule: { startsOn: day(14), endsOn: day(44), timetable: '每周一至周五 下午2:00—5:00', days: 20 },
    place: { areaCode: '350102001001', address: '东街 8 号 二楼后厨', lat: 26.0861, lng: 119.3046 },
    seats: 20,
    feeFen: 80_000,
    acceptedProgrammeIds: programmes.map((p) => p.id),
    eligibleGroups: [],
    materials: ['身份证', '一寸照片两张', '健康证（没有可开班后办）'],
    signUpDeadline: day(10),
  });
  const vacancy = (await call(apiBase, 'GET', `/employers/${employerId}/vacancies`, owner)).items[0] as { id: string };
  const at = (days: number, hour: number) => new Date(`${day(days)}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();
  await call(apiBase, 'POST', `/vacancies/${vacancy.id}/interview-slots`, owner, { startsAt: at(2, 10), durationMinutes: 30, capacity: 3, mode: 'onsite', place: '东街 8 号 二楼办公室' });
  await call(apiBase, 'POST', `/vacancies/${vacancy.id}/interview-slots`, owner, { startsAt: at(3, 15), durationMinutes: 30, capacity: 3, mode: 'video' });
}
