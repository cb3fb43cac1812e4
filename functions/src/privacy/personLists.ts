// Where a person's data lives, without the entity definitions: their own partition (USER#<id>) and
// the GSI2 lists of records about them that other partitions hold. personData.ts reads them as
// entities (我的数据, the erasure); the ledger's 服务手册 reads them raw, so that its function does
// not carry every domain's definitions.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';

/** An item as DynamoDB holds it, keys and all. */
export type RawItem = Record<string, unknown> & { pk: string; sk: string };

/** Each GSI2 list of a person, by the name personData.ts gives it: the partition is `<prefix><userId>`. */
export const PERSON_LISTS = {
  applications: 'USER_APPS#',
  reviews: 'USER_REVIEWS#',
  tasks: 'USER_TASKS#',
  jobApplications: 'USER_JOBAPPS#',
  referrals: 'USER_REFERRALS#',
  interviews: 'USER_INTERVIEWS#',
  enrolments: 'USER_ENROLMENTS#',
  vouchers: 'WALLET#',
  ratings: 'USER_RATINGS#',
  complaints: 'USER_COMPLAINTS#',
  memberships: 'USER_EMPLOYERS#',
  actingFor: 'PROXIES_OF#',
  visits: 'USER_VISITS#',
  notices: 'USER_NOTICES#',
  questions: 'USER_QUESTIONS#',
  fairs: 'USER_FAIRS#',
  gigs: 'USER_GIGS#',
  gigTakes: 'USER_GIGTAKES#',
  gigReports: 'USER_GIGREPORTS#',
  subsidyApplications: 'USER_SUBAPPS#',
} as const;
export type PersonListName = keyof typeof PERSON_LISTS;

export async function ownItems(userId: string): Promise<RawItem[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .query({ partition: `USER#${userId}` })
      .options({ consistent: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send(),
  ) as Promise<RawItem[]>;
}

/** Every page of one of the person's lists, as stored. */
export function rawList(list: PersonListName, userId: string): Promise<RawItem[]> {
  return queryAll((start) =>
    table
      .build(QueryCommand)
      .query({ index: 'gsi2', partition: `${PERSON_LISTS[list]}${userId}` })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  ) as Promise<RawItem[]>;
}

/** The items of a set whose sort key is `sk` or starts with `sk#`. */
export const itemsOf = (items: readonly RawItem[], sk: string) => items.filter((i) => i.sk === sk || i.sk.startsWith(`${sk}#`));
