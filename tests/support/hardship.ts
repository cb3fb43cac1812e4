// A person recognised as hard to employ over real HTTP, as the product does it: registered,
// registered unemployed (the street approves), a hardship application with its evidence photo,
// the street's review and the district's confirmation.
import { apiClient } from './http';
import { makeIdNumber, registrationBody } from './people';

type Client = ReturnType<typeof apiClient>;

/** A photo uploaded the way wx.uploadFile sends it; its key and bytes. */
export async function uploadPhoto(client: Client, baseUrl: string, token: string, purpose: 'evidence' | 'licences') {
  const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);
  const target = await client.post('/uploads', { purpose, contentType: 'image/jpeg', size: bytes.length }, token);
  if (target.status !== 201) throw new Error(`upload target: ${target.status} ${target.text}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(target.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  const posted = await fetch(`${baseUrl}${target.body.upload.url}`, { method: 'POST', body: form });
  if (posted.status !== 204) throw new Error(`upload: ${posted.status}`);
  return { key: target.body.upload.key as string, bytes };
}

/** The first pending review of `type` for `subjectId` in the staff member's queue. */
export async function pendingReview(client: Client, token: string, type: string, subjectId: string, step?: string) {
  const res = await client.get(`/staff/reviews?type=${type}&limit=100${step ? `&step=${step}` : ''}`, token);
  if (res.status !== 200) throw new Error(`reviews: ${res.status} ${res.text}`);
  return (res.body.items as { id: string; subjectId: string }[]).find((r) => r.subjectId === subjectId);
}

/** Approves the pending review of `subjectId` as `staffToken` (street or district). */
export async function decideInQueue(client: Client, staffToken: string, type: string, subjectId: string, step?: string, decision: 'approve' | 'reject' = 'approve') {
  const review = await pendingReview(client, staffToken, type, subjectId, step);
  if (!review) throw new Error(`no pending ${type} review of ${subjectId}`);
  const res = await client.post(`/staff/reviews/${review.id}/decision`, { decision, reason: decision === 'reject' ? '材料不全' : '' }, staffToken);
  if (res.status !== 200) throw new Error(`decision: ${res.status} ${res.text}`);
}

/** `openid` signed in, registered (born `birth`) and registered unemployed by `street`. */
export async function registeredUnemployed(client: Client, who: { openid: string; sequence: number; name?: string; birth?: string }, street: string) {
  const token = await client.devLogin(who.openid);
  const idNumber = makeIdNumber(who.birth ?? '1975-04-12', who.sequence);
  const registered = await client.put('/me/jobseeker-registration', registrationBody({ idNumber, ...(who.name ? { name: who.name } : {}) }), token);
  if (registered.status !== 200) throw new Error(`registration: ${registered.status} ${registered.text}`);
  const userId = (await client.get('/me', token)).body.user.id as string;
  const unemployment = await client.post(
    '/me/unemployment-registration',
    { priorStatus: 'employed', lastEmployer: '福州鼓楼纺织厂', leavingReason: 'contract_ended', leftOn: '2026-03-31', ableToWork: true, willingToWork: true, localResident: true },
    token,
  );
  if (unemployment.status !== 201) throw new Error(`unemployment: ${unemployment.status} ${unemployment.text}`);
  await decideInQueue(client, street, 'unemployment', unemployment.body.application.id);
  return { token, userId, idNumber };
}

/** `openid` signed in, registered in `areaCode`'s street and recognised as hard to employ by `street` then `district`. */
export async function recogniseHardToEmploy(client: Client, baseUrl: string, who: { openid: string; sequence: number; name?: string }, staff: { street: string; district: string }) {
  const { token, userId } = await registeredUnemployed(client, who, staff.street);
  const photo = await uploadPhoto(client, baseUrl, token, 'evidence');
  const applied = await client.post('/me/hardship-applications', { category: 'disabled', evidenceKeys: [photo.key] }, token);
  if (applied.status !== 201) throw new Error(`hardship: ${applied.status} ${applied.text}`);
  await decideInQueue(client, staff.street, 'hardship', applied.body.application.id);
  await decideInQueue(client, staff.district, 'hardship', applied.body.application.id, 'district');
  return { token, userId };
}
