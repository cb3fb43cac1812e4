// 我的数据: the person's records as we hold them, to see by kind and to download. Secrets stay
// secret: an ID number or bank account appears masked (its ciphertext and blind index never
// leave the server), and the table's own bookkeeping (keys, versions, audit heads) is left out.
import { PERSONAL_DATA_CATEGORIES, PRIVACY_POLICY_VERSION, type DataExport, type PersonalDataCategory } from '@doorstep/shared';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { AssistanceCaseEntity } from '../assistance/entities';
import { householdsForExport } from '../households/service';
import { ownOf, personRecords, type PersonRecords } from './personData';

const BOOKKEEPING = /^(pk|sk|_et|gsi\d(pk|sk)|auditHead|version|ttl)$|Cipher$|Hash$/;

/** One record as the person reads it: bookkeeping and secrets out, JSON fields opened. */
export function readable(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item)
      .filter(([k]) => !BOOKKEEPING.test(k))
      .map(([k, v]) => (k.endsWith('Json') && typeof v === 'string' ? [k.slice(0, -'Json'.length), safeParse(v)] : [k, v])),
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function byCategory(r: PersonRecords, cases: Record<string, unknown>[], households: Record<string, unknown>[]): Record<PersonalDataCategory, Record<string, unknown>[]> {
  const own = (sk: string) => ownOf(r, sk).map(readable);
  return {
    account: own('PROFILE'),
    consents: [...own('CONSENTS'), ...own('CONSENTLOG')],
    registration: own('JOBSEEKER_REG'),
    categories: own('CATEGORY'),
    applications: r.applications.map(readable),
    jobApplications: r.jobApplications.map(readable),
    referrals: r.referrals.map(readable),
    interviews: r.interviews.map(readable),
    visits: [...r.visits.map(readable), ...r.notices.map(readable)],
    fairs: r.fairs.map(readable),
    gigs: [...r.gigs.map(readable), ...r.gigTakes.map(readable), ...r.gigReports.map(readable), ...own('GIG_STANDING'), ...own('GIG_CONTACT')],
    policies: [...own('POLICY_FACTS'), ...own('POLICYMATCH'), ...r.questions.map(readable)],
    enrolments: r.enrolments.map(readable),
    trainingNeed: own('TRAINING_NEED'),
    vouchers: r.vouchers.map(readable),
    payoutAccount: own('PAYOUT_ACCOUNT'),
    subsidies: r.subsidyApplications.map(readable),
    ratings: r.ratings.map(readable),
    complaints: r.complaints.map(readable),
    subscriptions: own('SUBSCRIPTION'),
    proxies: [...own('PROXY'), ...own('PROXYINVITE'), ...r.actingFor.map(readable), ...own('PROXYACT')],
    assistance: cases.map(readable),
    household: households,
    dataAccess: own('ACCESS'),
  };
}

/** The person's 就业援助 cases, found through the pointers in their partition. */
async function assistanceCases(r: PersonRecords): Promise<Record<string, unknown>[]> {
  const ids = ownOf(r, 'ASSIST').map((p) => String(p.caseId));
  const found = await Promise.all(ids.map(async (caseId) => (await AssistanceCaseEntity.build(GetItemCommand).key({ caseId }).send()).Item));
  return found.filter((c): c is NonNullable<typeof c> => !!c).map(({ tasks: _tasks, ...c }) => c);
}

export async function dataExport(userId: string, now = new Date()): Promise<DataExport> {
  const records = await personRecords(userId);
  const [cases, households] = await Promise.all([assistanceCases(records), householdsForExport(ownOf(records, 'HOUSEHOLD').map((p) => String(p.householdId)))]);
  const data = byCategory(records, cases, households);
  const keys = Object.keys(PERSONAL_DATA_CATEGORIES) as PersonalDataCategory[];
  return {
    generatedAt: now.toISOString(),
    policyVersion: PRIVACY_POLICY_VERSION,
    categories: keys.map((key) => ({ key, ...PERSONAL_DATA_CATEGORIES[key], count: data[key].length })),
    data,
  };
}
