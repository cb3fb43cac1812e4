// Training and interview figures for `npm run bench` (issue 6), in a process of its own like the
// voucher figures: over HTTP (serverless offline), 200 people signing up at once for one course of
// 30 seats, and 50 people booking a one-person interview slot at once — latencies, and what they
// got. Prints one JSON line last.
import { ulid } from 'ulid';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';
import { makeIdNumber, registrationBody } from '../support/people';
import { courseBody } from '../support/courses';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main() {
  const table = 'bench-training';
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const raw = localClient(dynamo.endpoint);
  await ensureTable(raw, table);
  Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint });
  const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
  const { ApplicantMarkerEntity } = await import('../../functions/src/db/entities');
  const { putRegistration } = await import('../../functions/src/registration/service');
  const { createCourse } = await import('../../functions/src/training/courses');
  const { openSlot } = await import('../../functions/src/interviews/booking');
  const { designatedProvider } = await import('../support/providers');
  const { vacancyRecord } = await import('../support/records');
  const { mapLimit } = await import('../../functions/src/concurrency');
  const { benchApiFor } = await import('./api');
  const api = await benchApiFor(table, dynamo.endpoint);

  type Person = { token: string; userId: string };
  const people = async (prefix: string, n: number): Promise<Person[]> =>
    mapLimit(Array.from({ length: n }, (_, i) => i), 10, async (i) => {
      const token = await api.login({ openid: `${prefix}-${i}` });
      const me = (await (await fetch(`${api.base}/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { id: string } };
      return { token, userId: me.user.id };
    });
  const post = async (path: string, token: string, body: unknown = {}) => {
    const t = performance.now();
    const res = await fetch(`${api.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const json = (await res.json()) as Record<string, { status?: string }>;
    return { ms: performance.now() - t, status: res.status, json };
  };
  const summary = (runs: { ms: number; status: number }[]) => {
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const r of runs) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    return { requests: runs.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms.at(-1)!, statuses };
  };

  try {
    // ── 200 sign-ups at once for a course of 30 seats ───────────────────────────────────────
    const SIGN_UPS = 200;
    const school = ulid();
    await designatedProvider(school, ['bench-teacher'], ['training_institution'], '350102001001');
    const course = await createCourse({ userId: 'bench-teacher', roles: ['jobseeker'] } as never, courseBody(school, { seats: 30 }));
    const trainees = await people('bench-trainee', SIGN_UPS);
    await mapLimit(trainees, 10, (p, i) => putRegistration(p.userId, registrationBody({ idNumber: makeIdNumber('1980-01-01', i % 1000, '350102') })).then(() => undefined));
    // Warm-up: serverless offline starts a worker per concurrent call of a function; 200 refused
    // sign-ups (a course that does not exist) start the sign-up function's workers first.
    const missing = ulid();
    await Promise.all(trainees.map((p) => post(`/courses/${missing}/enrolments`, p.token)));
    const signUps = await Promise.all(trainees.map((p) => post(`/courses/${course.id}/enrolments`, p.token)));
    const outcome = (s: string) => signUps.filter((r) => r.status === 201 && r.json.enrolment?.status === s).length;
    const signUp = { ...summary(signUps), seats: 30, enrolled: outcome('enrolled'), waitlisted: outcome('waitlisted') };

    // ── 50 bookings at once of a one-person interview slot ───────────────────────────────────
    const BOOKINGS = 50;
    const employerId = ulid();
    const vacancyId = ulid();
    await vacancyRecord(vacancyId, { employerId });
    const { EmployerMemberEntity, memberIndexKeys } = await import('../../functions/src/db/entities');
    await EmployerMemberEntity.build(PutItemCommand).item({ employerId, userId: 'bench-owner', role: 'admin', createdAt: new Date().toISOString(), ...memberIndexKeys('bench-owner', employerId) }).send();
    const startsAt = new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 900_000) * 900_000).toISOString();
    const slot = await openSlot('bench-owner', vacancyId, { startsAt, durationMinutes: 30, capacity: 1, mode: 'onsite', place: '东街 8 号' });
    const applicants = await people('bench-applicant', BOOKINGS);
    await mapLimit(applicants, 10, (p) => ApplicantMarkerEntity.build(PutItemCommand).item({ vacancyId, userId: p.userId, applicationId: ulid() }).send().then(() => undefined));
    await Promise.all(applicants.map((p) => post(`/interview-slots/${ulid()}/bookings`, p.token)));
    const bookings = await Promise.all(applicants.map((p) => post(`/interview-slots/${slot.slotId}/bookings`, p.token)));
    const booking = { ...summary(bookings), capacity: 1, booked: bookings.filter((r) => r.status === 201).length };

    console.log(JSON.stringify({ signUp, booking }));
  } finally {
    await api.stop();
    raw.destroy();
    await dynamo.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
