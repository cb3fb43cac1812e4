// `npm start` itself: everything comes up, the demo data is there, and a restart keeps what was saved.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startProcess, stopProcess } from '../../scripts/lib/processes';
import { apiClient } from '../support/http';
import { isListening } from '../../scripts/lib/dynamoLocal';
import { makeIdNumber, registrationBody } from '../support/people';
import { vacancyBody } from '../support/vacancies';

jest.setTimeout(300_000);

const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(ports: Record<string, number>) {
  // As `npm start` runs it: node with tsx's loader, no wrapper process.
  const proc = startProcess(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    label: 'start',
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      SKIP_H5_BUILD: '1', // the browser suite covers the H5 build; this one is about the stack
      ESBUILD_WORK_FOLDER: '.esbuild-start', // apart from the package test's bundles
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
  });
  const deadline = Date.now() + 180_000;
  while (!proc.output().includes('is running')) {
    if (proc.child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start failed:\n${proc.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return proc;
}

/**
 * Ports outside Linux's ephemeral range (32768–60999), where the other suites' freePort() picks:
 * otherwise, while this stack is down between its two starts, another suite's server could take
 * one of its ports and answer in its place.
 */
async function quietPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    if (!ports.includes(port) && !(await isListening(port))) ports.push(port);
  }
  return ports;
}

describe('npm start', () => {
  it('serves the API, prints how to log in, and keeps the data across a restart', async () => {
    const [DYNAMO_PORT, API_PORT, LAMBDA_PORT, H5_PORT] = await quietPorts(4);
    const ports = { DYNAMO_PORT, API_PORT, LAMBDA_PORT, H5_PORT };
    const api = apiClient(`http://127.0.0.1:${ports.API_PORT}`);

    const first = await start(ports);
    expect(first.output()).toContain('本地体验登录');
    expect((await api.get('/health')).status).toBe(200);
    const demo = await api.devLogin('demo-seeker');
    expect((await api.get('/me/jobseeker-registration', demo)).body.registration.name).toBe('陈桂兰');
    const token = await api.devLogin('restart-check');
    const saved = await api.put('/me/jobseeker-registration', registrationBody({ idNumber: makeIdNumber('1977-07-07', 707) }), token);
    expect(saved.status).toBe(200);
    // The demo restaurant's vacancies are near the demo job seeker, and fit her.
    const recommended = await api.get('/me/recommendations', demo);
    expect(recommended.body.items.map((i: { vacancy: { title: string } }) => i.vacancy.title)).toContain('餐厅收银员');
    // The demo restaurant's cooking course is near her too, with interview times for its vacancy.
    const courses = await api.get('/courses/nearby?lat=26.0876&lng=119.3035', demo);
    expect(courses.body.items.map((i: { course: { title: string } }) => i.course.title)).toEqual(['中式烹调师（初级）培训班']);
    // The table's stream runs locally too: a new vacancy that fits her reaches her as a message.
    expect((await api.post('/me/subscriptions', { accepted: ['new_match'] }, demo)).status).toBe(200);
    const owner = await api.devLogin('demo-employer-approved');
    const [{ employer }] = (await api.get('/me/employers', owner)).body.items;
    const posted = await api.post(
      '/vacancies',
      vacancyBody(employer.id, { lat: 26.0861, lng: 119.3046 }, {
        title: '早班收银员',
        employmentForm: 'part_time',
        headcount: 1,
        pay: { salaryMinFen: 330_000, salaryMaxFen: 360_000, accommodation: 'none', benefits: '' },
      }),
      owner,
    );
    expect(posted.status).toBe(201);
    const street = await api.devLogin('demo-street-staff');
    const review = (await api.get('/staff/reviews?type=vacancy&limit=100', street)).body.items.find((r: { subjectId: string }) => r.subjectId === posted.body.vacancy.id);
    expect((await api.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, street)).status).toBe(200);
    const log = join(dataDir, 'messages.log');
    for (let i = 0; i < 60 && !(existsSync(log) && readFileSync(log, 'utf8').includes('早班收银员')); i += 1) await new Promise((r) => setTimeout(r, 500));
    const messages = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(messages).toEqual([expect.objectContaining({ openid: 'demo-seeker', templateId: 'local-new-match', page: `jobs/vacancy/index?id=${posted.body.vacancy.id}` })]);
    // The H5 server answers on its port and forwards /api to the API.
    expect((await fetch(`http://127.0.0.1:${ports.H5_PORT}/api/health`)).status).toBe(200);
    // Ctrl-C: the terminal signals the whole foreground process group.
    process.kill(-first.child.pid!, 'SIGINT');
    await new Promise((r) => first.child.once('exit', r));
    // Ctrl-C really stops everything: every port is free again.
    for (let i = 0; i < 120 && (await Promise.all(Object.values(ports).map(isListening))).some(Boolean); i += 1) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await Promise.all(Object.values(ports).map(isListening))).toEqual([false, false, false, false]);

    const second = await start(ports);
    try {
      const again = await api.get('/me/jobseeker-registration', await api.devLogin('restart-check'));
      // (The start logs ride along so a failure shows what the stack said.)
      expect({ status: again.status, body: again.body, firstLog: first.output().slice(-1500), secondLog: second.output().slice(-1500) }).toMatchObject({
        status: 200,
        body: { registration: { version: 1, name: '林秀英' } },
      });
      expect(second.output()).toContain('Table doorstep-local: unchanged');
      // Seeding again changed nothing: the demo registration is still at its first version.
      expect((await api.get('/me/jobseeker-registration', await api.devLogin('demo-seeker'))).body.registration.version).toBe(1);
      expect((await api.get('/courses/nearby?lat=26.0876&lng=119.3035', await api.devLogin('demo-seeker'))).body.items).toHaveLength(1);
    } finally {
      await stopProcess(second.child);
    }
  });
});
