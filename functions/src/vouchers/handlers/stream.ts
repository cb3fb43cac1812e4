// The table's stream for vouchers: figures, the settlement queue, and issue or revoke on eligibility.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../logger';
import { issueOnEmployerApproval, reconcileEligibility } from '../issuing';
import { queueForSettlement } from '../settlement';
import { countArrival } from '../stats';

type Image = Record<string, { S?: string; N?: string } | undefined>;

/**
 * The table's stream: a voucher arriving in a status is counted for the figures, and queued for
 * settlement when redeemed; a person's categories or registration changing issues what they have
 * become eligible for and takes back unclaimed vouchers they no longer fit; an employer's
 * approval issues the employers' programmes covering it. Every step is idempotent, so a record
 * delivered twice does no harm.
 */
export async function onStream(event: DynamoDBStreamEvent): Promise<void> {
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const sk = record.dynamodb?.Keys?.sk?.S ?? '';
    if (pk.startsWith('VOUCHER#') && sk === 'VOUCHER') {
      const img = record.dynamodb?.NewImage as Image | undefined;
      const old = record.dynamodb?.OldImage as Image | undefined;
      const status = img?.status?.S;
      if (!img || !status || status === old?.status?.S) continue;
      const voucherId = pk.slice('VOUCHER#'.length);
      const programmeId = img.programmeId?.S ?? '';
      await countArrival({ voucherId, programmeId, status, holderAreaCode: img.holderAreaCode?.S ?? '', holderType: img.holderType?.S ?? 'person', faceValueFen: Number(img.faceValueFen?.N ?? 0) });
      if (status === 'redeemed') await queueForSettlement(programmeId, voucherId);
    } else if (pk.startsWith('USER#') && (sk.startsWith('CATEGORY#') || sk === 'JOBSEEKER_REG') && record.eventName !== 'REMOVE') {
      const { issued, revoked } = await reconcileEligibility(pk.slice('USER#'.length));
      if (issued > 0 || revoked > 0) logger.info('vouchers issued or revoked on eligibility', { issued, revoked });
    } else if (pk.startsWith('EMPLOYER#') && sk === 'PROFILE' && record.dynamodb?.NewImage?.status?.S === 'approved' && record.dynamodb?.OldImage?.status?.S !== 'approved') {
      const issued = await issueOnEmployerApproval(pk.slice('EMPLOYER#'.length));
      if (issued > 0) logger.info('vouchers issued to an approved employer', { issued });
    }
  }
}
