// Staff decisions over HTTP for tests that need an approved subject (an employer, a vacancy, a registration).
import type { apiClient } from './http';

/** Approves the pending review of `subjectId` in the queue `type` as `staffToken` (a street for most types). */
export async function approveInQueue(client: ReturnType<typeof apiClient>, staffToken: string, type: string, subjectId: string, step?: 'district'): Promise<void> {
  const queue = await client.get(`/staff/reviews?type=${type}&limit=100${step ? `&step=${step}` : ''}`, staffToken);
  const review = queue.body.items.find((r: { subjectId: string }) => r.subjectId === subjectId);
  if (!review) throw new Error(`no pending ${type} review of ${subjectId}`);
  const decided = await client.post(`/staff/reviews/${review.id}/decision`, { decision: 'approve' }, staffToken);
  if (decided.status !== 200) throw new Error(`approving ${type} ${subjectId}: ${decided.status} ${decided.text}`);
}
