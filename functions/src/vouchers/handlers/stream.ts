// The table's stream for vouchers: figures, and issue or revoke on eligibility. (Settlement does
// not depend on it: a redemption queues itself in its own transaction.)
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../logger';
import { inStreamOrder, PoisonRecordError } from '../../streamBatch';
import { issueOnEmployerApproval, reconcileEligibility } from '../issuing';
import { countArrival } from '../stats';

type Image = Record<string, { S?: string; N?: string } | undefined>;

/**
 * A voucher arriving in a status is counted for the figures; a person's categories or
 * registration changing issues what they have become eligible for and takes back unclaimed
 * vouchers they no longer fit; an employer's approval issues the employers' programmes covering
 * it. Every step is idempotent, so a record delivered twice does no harm.
 */
export function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return inStreamOrder(event, async (record) => {
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const sk = record.dynamodb?.Keys?.sk?.S ?? '';
    if (pk.startsWith('VOUCHER#') && sk === 'VOUCHER') {
      const img = record.dynamodb?.NewImage as Image | undefined;
      const old = record.dynamodb?.OldImage as Image | undefined;
      const status = img?.status?.S;
      if (!img || !status || status === old?.status?.S) return;
      const voucherId = pk.slice('VOUCHER#'.length);
      const programmeId = img.programmeId?.S ?? '';
      const faceValueFen = Number(img.faceValueFen?.N ?? 0);
      if (!voucherId || !programmeId || !Number.isSafeInteger(faceValueFen)) throw new PoisonRecordError('voucher record without its programme or face value');
      await countArrival({ voucherId, programmeId, status, holderAreaCode: img.holderAreaCode?.S ?? '', holderType: img.holderType?.S ?? 'person', faceValueFen });
    } else if (pk.startsWith('USER#') && (sk.startsWith('CATEGORY#') || sk === 'JOBSEEKER_REG') && record.eventName !== 'REMOVE') {
      const { issued, revoked } = await reconcileEligibility(pk.slice('USER#'.length));
      if (issued > 0 || revoked > 0) logger.info('vouchers issued or revoked on eligibility', { issued, revoked });
    } else if (pk.startsWith('EMPLOYER#') && sk === 'PROFILE' && record.dynamodb?.NewImage?.status?.S === 'approved' && record.dynamodb?.OldImage?.status?.S !== 'approved') {
      const issued = await issueOnEmployerApproval(pk.slice('EMPLOYER#'.length));
      if (issued > 0) logger.info('vouchers issued to an approved employer', { issued });
    }
  });
}
