// The table's stream for the figures and the real-name ledger (the derived views of people): each
// changed record's figure events are counted once, a person whose registration or categories
// changed is recounted, and a person whose ledger categories may have moved is listed again. A
// record delivered twice, or a batch run again after a failure, changes nothing the second time.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { JobseekerRegistrationEntity } from '../../db/entities';
import { logger } from '../../logger';
import { inStreamOrder, PoisonRecordError } from '../../streamBatch';
import { countEvent, figureEvents, personOf, recountPerson, type ChangedRecord } from '../count';
import { ledgerPeopleOf } from '../../ledger/changes';
import { relistPerson } from '../../ledger/relist';

type Image = Record<string, AttributeValue>;

export async function onStream(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const homes = new Map<string, Promise<string | undefined>>();
  const homeArea = (userId: string) => {
    if (!homes.has(userId)) {
      homes.set(userId, JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send().then(({ Item }) => Item?.residence.areaCode));
    }
    return homes.get(userId)!;
  };
  const people = new Set<string>();
  const listed = new Set<string>();
  const result = await inStreamOrder(event, async (record) => {
    const d = record.dynamodb;
    if (!d?.Keys?.pk?.S || !d.Keys.sk?.S) throw new PoisonRecordError('record without its keys');
    let changed: ChangedRecord;
    try {
      changed = {
        pk: d.Keys.pk.S,
        sk: d.Keys.sk.S,
        ...(d.NewImage ? { newImage: unmarshall(d.NewImage as Image) } : {}),
        ...(d.OldImage ? { oldImage: unmarshall(d.OldImage as Image) } : {}),
      };
    } catch {
      throw new PoisonRecordError('record with an unreadable image');
    }
    for (const e of await figureEvents(changed, homeArea)) await countEvent(e);
    const person = personOf(changed);
    if (person) people.add(person);
    for (const userId of ledgerPeopleOf(changed)) listed.add(userId);
  });
  // A person is recounted once per batch, from their records as they are now. Should that fail,
  // the whole batch is retried: counting is idempotent, so nothing is counted twice.
  try {
    for (const userId of people) await recountPerson(userId);
    for (const userId of listed) await relistPerson(userId);
  } catch (err) {
    logger.error('recounting or listing people failed', err as Error);
    return { batchItemFailures: [{ itemIdentifier: event.Records[0]?.dynamodb?.SequenceNumber ?? '' }] };
  }
  return result;
}
