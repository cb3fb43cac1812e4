// Test employers: valid unified social credit codes built with the real check rule; an employer
// and its vacancy approved over HTTP, as the street does it.
import { usccCheckChar, type CreateEmployerBody } from '@doorstep/shared';
import type { apiClient } from './http';
import { approveInQueue } from './reviews';
import { vacancyBody } from './vacancies';

type Client = ReturnType<typeof apiClient>;

export function makeUscc(serial: number, division = '350102'): string {
  const first17 = `91${division}MA${String(serial).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

export function employerBody(overrides: Partial<CreateEmployerBody> = {}): CreateEmployerBody {
  return {
    name: '福州鼓东便民超市有限公司',
    uscc: makeUscc(1),
    industry: 'F',
    economicType: 'limited_liability',
    address: { areaCode: '350102001001', address: '鼓东路 20 号', lat: 26.0851, lng: 119.3019 },
    intro: '社区便民超市，常年招收银员、理货员。',
    contactName: '王建国',
    contactPhone: '13905911234',
    ...overrides,
  };
}

/** An employer created by `owner` and approved by `street` (a street officer's token). */
export async function approvedEmployer(client: Client, owner: string, street: string, overrides: Partial<CreateEmployerBody>): Promise<string> {
  const created = await client.post('/employers', employerBody(overrides), owner);
  if (created.status !== 201) throw new Error(`employer: ${created.status} ${created.text}`);
  await approveInQueue(client, street, 'employer', created.body.employer.id);
  return created.body.employer.id as string;
}

/** A vacancy posted by a member of `employerId` at `at` and approved by `street`: published. */
export async function publishedVacancy(client: Client, token: string, street: string, employerId: string, at: { lat: number; lng: number }, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post('/vacancies', vacancyBody(employerId, at, overrides), token);
  if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${res.text}`);
  await approveInQueue(client, street, 'vacancy', res.body.vacancy.id);
  return res.body.vacancy.id as string;
}
