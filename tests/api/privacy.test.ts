// Personal data by consent (issue 17) over real HTTP: the privacy guide is public and versioned;
// nothing personal is stored before the person agrees to it, nor an ID number or hardship evidence
// without its own separate consent; consents are listed, withdrawn and logged. Bad input is a 400.
import { PRIVACY_POLICY_VERSION } from '@doorstep/shared';
import { apiClient } from '../support/http';
import { startApi, type RunningApi } from '../support/localStack';
import { uniqueTableName } from '../support/testConfig';
import { birthDateYearsAgo, makeIdNumber, registrationBody } from '../support/people';

jest.setTimeout(120_000);

let api: RunningApi;
let client: ReturnType<typeof apiClient>;
const tableName = uniqueTableName('privacy');
const agree = (purposes: string[], version = PRIVACY_POLICY_VERSION) => ({ purposes, version, channel: 'weapp' });

beforeAll(async () => {
  api = await startApi({ tableName });
  client = apiClient(api.baseUrl);
});

afterAll(async () => {
  await api?.stop();
});

describe('the privacy guide', () => {
  it('is served to anyone, with its version, a plain summary and each separate consent explained', async () => {
    const res = await client.get('/privacy/policy');
    expect(res.status).toBe(200);
    expect(res.body.policy.version).toBe(PRIVACY_POLICY_VERSION);
    expect(res.body.policy.summary.join('')).toContain('身份证号');
    expect(res.body.policy.separate.map((s: { purpose: string }) => s.purpose)).toEqual(['id_number', 'hardship_evidence', 'bank_account']);
    expect(res.body.policy.separate[0].ifRefused).toContain('不能办理求职登记');
  });
});

describe('consent before personal data', () => {
  const body = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(52), 701), name: '林秀英', phone: '13800000701' });

  it('refuses a registration before the guide is agreed, naming it, and stores nothing', async () => {
    const token = await client.devLogin('pv-first', {}, { consents: [] });
    const refused = await client.put('/me/jobseeker-registration', body, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'consent_required', message: '请先阅读并同意《个人信息保护指引》' });
    expect(refused.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(['consents.privacy', 'consents.id_number']);
    expect((await client.get('/me/jobseeker-registration', token)).status).toBe(404);
    // Other personal writes too: a rating, an upload.
    expect((await client.post('/uploads', { purpose: 'evidence', contentType: 'image/jpeg', size: 1000 }, token)).body.error?.code).toBe('consent_required');
    // Reading what is public needs nothing.
    expect((await client.get('/courses/nearby?lat=26.0860&lng=119.3000', token)).status).toBe(200);
  });

  it('asks the separate consent for the ID number after the guide, and then registers', async () => {
    const token = await client.devLogin('pv-second', {}, { consents: [] });
    // A separate consent stands on the guide: it cannot come first.
    expect((await client.post('/me/consents', agree(['id_number']), token)).body.error.code).toBe('consent_required');
    const guide = await client.post('/me/consents', agree(['privacy']), token);
    expect(guide.status).toBe(200);
    expect(guide.body.items).toEqual([expect.objectContaining({ purpose: 'privacy', version: PRIVACY_POLICY_VERSION, channel: 'weapp', current: true })]);
    const refused = await client.put('/me/jobseeker-registration', body, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('需要您单独同意：提供身份证号');
    expect((await client.get('/me/jobseeker-registration', token)).status).toBe(404);
    expect((await client.post('/me/consents', agree(['id_number']), token)).status).toBe(200);
    expect((await client.put('/me/jobseeker-registration', body, token)).status).toBe(200);
    // Hardship evidence is a separate consent of its own.
    const hardship = await client.post('/me/hardship-applications', { category: 'disabled', evidenceKeys: [] }, token);
    expect(hardship.status).toBe(403);
    expect(hardship.body.error.details).toEqual([{ path: ['consents', 'hardship_evidence'], message: '提供困难认定材料' }]);
  });

  it('refuses a consent to a guide that is not the one in force, and malformed consents', async () => {
    const token = await client.devLogin('pv-third', {}, { consents: [] });
    const stale = await client.post('/me/consents', agree(['privacy'], '2020-01-01'), token);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('已更新');
    for (const bad of [{}, { purposes: [], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, { purposes: ['marketing'], version: PRIVACY_POLICY_VERSION, channel: 'weapp' }, { ...agree(['privacy']), channel: 'sms' }, { ...agree(['privacy']), extra: 1 }, 'yes', null]) {
      const res = await client.post('/me/consents', bad, token);
      expect(res.status).toBe(400);
    }
    expect((await client.call('POST', '/me/consents', { rawBody: '{"purposes":', token })).status).toBe(400);
    expect((await client.get('/me/consents', token)).body).toEqual({ policyVersion: PRIVACY_POLICY_VERSION, items: [] });
    expect((await client.post('/me/consents', agree(['privacy']))).status).toBe(401);
  });

  it('lists and withdraws consents: withdrawing the guide withdraws what stands on it, and personal writes stop at once', async () => {
    const token = await client.devLogin('pv-fourth', {}, { consents: [] });
    await client.post('/me/consents', agree(['privacy', 'id_number']), token);
    expect((await client.get('/me/consents', token)).body.items.map((c: { purpose: string }) => c.purpose)).toEqual(['privacy', 'id_number']);
    const withdrawn = await client.call('DELETE', '/me/consents/id_number', { token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.items.map((c: { purpose: string }) => c.purpose)).toEqual(['privacy']);
    expect((await client.call('DELETE', '/me/consents/id_number', { token })).status).toBe(404);
    expect((await client.call('DELETE', '/me/consents/marketing', { token })).status).toBe(404);
    const body2 = registrationBody({ idNumber: makeIdNumber(birthDateYearsAgo(40), 702), name: '郑国强', phone: '13800000702' });
    expect((await client.put('/me/jobseeker-registration', body2, token)).body.error.details).toEqual([{ path: ['consents', 'id_number'], message: '提供身份证号' }]);
    await client.post('/me/consents', agree(['id_number']), token);
    expect((await client.call('DELETE', '/me/consents/privacy', { token })).body.items).toEqual([]);
    expect((await client.put('/me/jobseeker-registration', body2, token)).status).toBe(403);
  });
});
