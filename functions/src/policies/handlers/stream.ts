// The table's stream for 政策找人: a person whose registration or a category changed is matched
// again (their facts card rewritten, matches added or dropped); a newly published policy is put on
// the policy queue, whose worker (./work.ts) matches it against its area's people — long work
// never holds up the stream, so a person registering meanwhile is matched within seconds.
// Everything here is safe to run twice: a match is a put, its message is written once, and a
// policy's matching resumes where its progress says.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { inStreamOrder, PoisonRecordError } from '../../streamBatch';
import { getDependencies } from '../../deps';
import { rematchPerson } from '../matching';
import type { PolicyWork } from './work';

export async function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const people = new Set<string>();
  return inStreamOrder(event, async (record) => {
    const pk = record.dynamodb?.Keys?.pk?.S;
    const sk = record.dynamodb?.Keys?.sk?.S;
    if (!pk || !sk) throw new PoisonRecordError('record without its keys');
    if (pk.startsWith('POLICY#') && sk === 'POLICY') {
      // A new policy, or its progress written by a matching that stopped half way: go on.
      const state = record.dynamodb?.NewImage?.matching?.M?.state?.S;
      const status = record.dynamodb?.NewImage?.status?.S;
      if (state === 'running' && status === 'published' && record.eventName === 'INSERT') {
        await getDependencies().policyQueue.send([{ policyId: pk.slice('POLICY#'.length) } satisfies PolicyWork]);
      }
      return;
    }
    if (pk.startsWith('USER#') && (sk === 'JOBSEEKER_REG' || sk.startsWith('CATEGORY#'))) {
      const userId = pk.slice('USER#'.length);
      if (people.has(userId)) return; // once per batch: the records are read as they are now
      people.add(userId);
      await rematchPerson(userId);
    }
  });
}
