// The subsidy pages' calls and words: a resident's (or a unit's) offers and applications, the public notices.
import {
  applyForSubsidy,
  fenToYuanText,
  fixSubsidyAccount,
  getPublicSubsidyNotice,
  listPublicSubsidyNotices,
  mySubsidies,
  mySubsidyApplications,
  getMySubsidyApplication,
  getUnitSubsidyApplication,
  raiseSubsidyObjection,
  withdrawSubsidyApplication,
  unitSubsidyOffers,
  applyForUnitSubsidy,
  unitSubsidyApplications,
  withdrawUnitSubsidyApplication,
  fixUnitSubsidyAccount,
  type SubsidyApplicationBody,
  type UnitSubsidyApplicationBody,
} from '@doorstep/shared';
import { request } from '../../services/request';

export const yuan = (fen: number) => `${fenToYuanText(fen)}元`;

type Account = { accountNo: string; bankName: string };

export const subsidyApi = {
  offers: async () => (await request(mySubsidies)).items,
  applications: (cursor?: string) => request(mySubsidyApplications, { query: cursor ? { cursor } : {} }),
  application: async (id: string) => (await request(getMySubsidyApplication, { params: { id } })).application,
  apply: (programmeId: string, body: SubsidyApplicationBody, idempotencyKey: string) => request(applyForSubsidy, { params: { id: programmeId }, body, idempotencyKey }),
  withdraw: (id: string) => request(withdrawSubsidyApplication, { params: { id } }),
  fixAccount: (id: string, account: Account) => request(fixSubsidyAccount, { params: { id }, body: { account } }),
  notices: async () => (await request(listPublicSubsidyNotices)).items,
  unit: {
    offers: async (employerId: string) => (await request(unitSubsidyOffers, { params: { id: employerId } })).items,
    applications: (employerId: string, cursor?: string) => request(unitSubsidyApplications, { params: { id: employerId }, query: cursor ? { cursor } : {} }),
    application: async (employerId: string, appId: string) => (await request(getUnitSubsidyApplication, { params: { id: employerId, appId } })).application,
    apply: (employerId: string, body: UnitSubsidyApplicationBody, idempotencyKey: string) => request(applyForUnitSubsidy, { params: { id: employerId }, body, idempotencyKey }),
    withdraw: (employerId: string, appId: string) => request(withdrawUnitSubsidyApplication, { params: { id: employerId, appId } }),
    fixAccount: (employerId: string, appId: string, account: Account) => request(fixUnitSubsidyAccount, { params: { id: employerId, appId }, body: { account } }),
  },
  notice: (id: string, cursor?: string) => request(getPublicSubsidyNotice, { params: { id }, query: cursor ? { cursor } : {} }),
  object: (id: string, body: { lineNo: number; what: string; contact: string }) => request(raiseSubsidyObjection, { params: { id }, body }),
};

/** The last `n` months before this one (a subsidy is claimed for months gone by), newest first. */
export function pastMonths(n: number, today = new Date()): string[] {
  const out: string[] = [];
  // China's calendar month: UTC+8.
  const china = new Date(today.getTime() + 8 * 3600_000);
  let y = china.getUTCFullYear();
  let m = china.getUTCMonth() + 1;
  for (let i = 0; i < n; i += 1) {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

export const monthLabel = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`;
