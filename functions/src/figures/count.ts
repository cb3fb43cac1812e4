// Keeping the figures (issue 7): the table's stream turns each change into figure events — a
// job application arriving at `hired` is one placement — and each event is counted once, at its
// area and every level above, in its month, quarter and year, in one transaction with a marker
// that it was counted (a record delivered twice counts once). The standing figures (who is
// willing to work, employed, hard to employ) are recounted per person from their records and
// moved by the difference from what was last counted.
import dayjs from 'dayjs';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $add } from 'dynamodb-toolbox/entity/actions/update';
import { execute } from 'dynamodb-toolbox/entity/actions/transactWrite';
import {
  periodsOf,
  rollUpAreas,
  SATISFIED_SCORE,
  subsidyPaidFigure,
  todayInChina,
  type SubsidyKind,
  type FlowFigure,
  type StandingFigure,
} from '@doorstep/shared';
import { activeCategory, loadCategories } from '../applications/categories';
import { retryConflicts } from '../concurrency';
import { JobseekerRegistrationEntity } from '../db/entities';
import { FigureAppliedEntity, FigureCountEntity, PersonFigureStateEntity } from './entities';
import { cancelledTransaction } from '../db/errors';

const KEEP_MARKER_S = 7 * 24 * 3600; // longer than the stream keeps a record (24 h)

export interface FigureEvent {
  /** Names the change, so it is counted once: `<record key>#<what>`. */
  key: string;
  areaCode: string;
  /** The China date it happened on (its period). */
  date: string;
  deltas: Partial<Record<FlowFigure | StandingFigure, number>>;
  /**
   * Distinct counts (a person once a month, once a quarter, once a year, at each level): only this
   * period, only this area (no roll-up). Absent: all three periods, the area and every level above.
   */
  only?: { period: string };
  /** A standing figure moved by a record (a household at zero): counted now, at its area and every level above. */
  standing?: true;
}

type Image = Record<string, unknown>;
export interface ChangedRecord {
  pk: string;
  sk: string;
  newImage?: Image;
  oldImage?: Image;
}

/** The China date of a record's timestamp; today when it has none (a record never stops the stream). */
function chinaDate(iso: unknown): string {
  const at = new Date(String(iso));
  return todayInChina(Number.isNaN(at.getTime()) ? new Date() : at);
}
const arrived = (r: ChangedRecord, status: string) => r.newImage?.status === status && r.oldImage?.status !== status;
const inserted = (r: ChangedRecord) => !!r.newImage && !r.oldImage;

/**
 * The figure events in one changed record. `homeArea` finds a person's community, for records
 * that do not carry one (job applications, sign-ups).
 */
export async function figureEvents(r: ChangedRecord, homeArea: (userId: string) => Promise<string | undefined>): Promise<FigureEvent[]> {
  const n = r.newImage;
  if (!n) return [];
  const key = (what: string) => `${r.pk}#${what}`;
  const one = (what: FlowFigure, areaCode: unknown, at: unknown, by = 1): FigureEvent[] =>
    typeof areaCode === 'string' && areaCode ? [{ key: key(what), areaCode, date: chinaDate(at), deltas: { [what]: by } }] : [];

  if (r.sk === 'JOBSEEKER_REG' && inserted(r)) return one('jobseekerRegistrations', (n.residence as { areaCode?: string })?.areaCode, n.createdAt);
  if (r.pk.startsWith('APPLICATION#')) {
    if (arrived(r, 'approved') && n.kind === 'unemployment') return one('unemploymentRegistrations', n.areaCode, n.updatedAt);
    if (arrived(r, 'approved') && n.kind === 'hardship') return one('hardshipRecognitions', n.areaCode, n.updatedAt);
    if (arrived(r, 'recorded') && n.kind === 'employment') return one('employmentRegistrations', n.areaCode, n.updatedAt);
    return [];
  }
  if (r.pk.startsWith('EMPLOYER#') && r.sk === 'PROFILE' && arrived(r, 'approved')) {
    return one('employerOnboardings', (n.address as { areaCode?: string })?.areaCode, n.updatedAt);
  }
  if (r.pk.startsWith('REVIEW#') && r.oldImage?.status === 'pending' && (n.status === 'approved' || n.status === 'rejected')) {
    return one('reviewsDecided', String(n.areaCode).slice(0, n.step === 'district' ? 6 : 9), n.decidedAt);
  }
  if (r.pk.startsWith('REFERRAL#') && inserted(r)) return one('referrals', n.staffAreaCode, n.issuedAt);
  if (r.pk.startsWith('JOBAPP#') && arrived(r, 'hired')) return one('placements', await homeArea(String(n.userId)), n.updatedAt);
  if (r.pk.startsWith('ENROLMENT#') && arrived(r, 'completed')) return one('trainees', await homeArea(String(n.userId)), n.updatedAt);
  if (r.pk.startsWith('VOUCHER#') && r.sk === 'VOUCHER') {
    // A reversal takes the redemption back out of the period it was counted in.
    const sign = arrived(r, 'redeemed') ? 1 : arrived(r, 'reversed') ? -1 : 0;
    if (!sign) return [];
    const employer = n.holderType === 'employer';
    return [
      {
        key: key(sign > 0 ? 'redeemed' : 'reversed'),
        areaCode: String(n.holderAreaCode),
        date: chinaDate(n.redeemedAt),
        deltas: employer
          ? { vouchersEmployer: sign, vouchersEmployerFen: sign * Number(n.faceValueFen) }
          : { vouchersPerson: sign, vouchersPersonFen: sign * Number(n.faceValueFen) },
      },
    ];
  }
  if (r.pk.startsWith('RATING#')) {
    const satisfied = Number(n.score) >= SATISFIED_SCORE ? 1 : 0;
    // A voided rating leaves the period it was given in.
    const sign = inserted(r) ? 1 : arrived(r, 'voided') ? -1 : 0;
    if (!sign) return [];
    return [{ key: key(sign > 0 ? 'rated' : 'voided'), areaCode: String(n.servicePoint), date: chinaDate(n.createdAt), deltas: { ratings: sign, ratingsSatisfied: sign * satisfied } }];
  }
  if (r.pk.startsWith('TASK#') && arrived(r, 'done')) {
    return [{ key: key('done'), areaCode: String(n.areaCode), date: chinaDate(n.completedAt), deltas: { tasksDone: 1, tasksOnTime: n.onTime ? 1 : 0 } }];
  }
  // A fair counts where it is held, in the month it opens, once published (Fujian annex 3: fairs
  // held); each day's check-in is one attendance.
  if (r.pk.startsWith('FAIR#') && r.sk === 'FAIR' && arrived(r, 'published')) {
    return [{ key: key('held'), areaCode: String(n.areaCode), date: String(n.startDate), deltas: { fairsHeld: 1 } }];
  }
  if (r.pk.startsWith('FAIR#') && r.sk.startsWith('CHECKIN#') && inserted(r)) {
    return typeof n.areaCode === 'string' ? [{ key: `${r.pk}#${r.sk}`, areaCode: n.areaCode, date: chinaDate(n.at), deltas: { fairAttendances: 1 } }] : [];
  }
  // 零工: each place taken is one match where the job is; the pay a worker records is income
  // there; a worker whose job is done counts once a month, once a quarter and once a year.
  if (r.pk.startsWith('GIG#') && r.sk.startsWith('TAKE#')) {
    const area = String(n.areaCode);
    const out: FigureEvent[] = [];
    if (inserted(r)) out.push({ key: `${r.pk}#${r.sk}#taken`, areaCode: area, date: chinaDate(n.takenAt), deltas: { gigMatches: 1 } });
    const pay = n.pay as { amountFen?: number; at?: string } | undefined;
    if (pay && !r.oldImage?.pay) out.push({ key: `${r.pk}#${r.sk}#paid`, areaCode: area, date: chinaDate(pay.at), deltas: { gigIncomeFen: Number(pay.amountFen) || 0 } });
    if (arrived(r, 'done')) {
      const date = chinaDate(n.doneAt);
      for (const level of rollUpAreas(area)) {
        for (const period of periodsOf(date)) out.push({ key: `GIGWORKER#${String(n.workerId)}#${level}#${period}`, areaCode: level, date, deltas: { gigWorkers: 1 }, only: { period } });
      }
    }
    return out;
  }
  // 零就业家庭: a recognised household at zero is one, until a member works (version: once per change).
  if (r.pk.startsWith('HOUSEHOLD#')) {
    const zero = (img: Image | undefined) => img?.status === 'recognised' && img.atZero === true;
    const by = Number(zero(n)) - Number(zero(r.oldImage));
    return by ? [{ key: key(`zero#${String(n.version)}`), areaCode: String(n.areaCode), date: chinaDate(n.updatedAt), deltas: { zeroEmploymentFamilies: by }, standing: true }] : [];
  }
  // 补贴: an application made, approved by the district or refused at any step, and paid — paid
  // counts its amount under its subsidy and the days it took, in the month it was paid.
  if (r.pk.startsWith('SUBAPP#') && r.sk === 'APPLICATION') {
    const area = n.areaCode;
    const reached = (stage: string) => n.stage === stage && r.oldImage?.stage !== stage;
    if (inserted(r)) return one('subsidyApplications', area, n.createdAt);
    if (reached('approved')) return one('subsidyApprovals', area, n.updatedAt);
    if (reached('refused')) return one('subsidyRefusals', area, n.updatedAt);
    if (reached('paid') && typeof area === 'string') {
      const paidOn = chinaDate(n.paidAt);
      const amount = Number(n.amountFen) || 0;
      const days = Math.max(0, dayjs(paidOn).diff(dayjs(chinaDate(n.createdAt)), 'day'));
      const byKind = subsidyPaidFigure[n.kind as SubsidyKind];
      return [{ key: key('paid'), areaCode: area, date: paidOn, deltas: { subsidiesPaid: 1, subsidiesPaidFen: amount, subsidyDaysToPay: days, ...(byKind ? { [byKind]: amount } : {}) } }];
    }
    return [];
  }
  if (r.pk.startsWith('COMPLAINT#')) {
    if (inserted(r)) return one('complaints', n.areaCode, n.createdAt);
    if (arrived(r, 'resolved')) return one('complaintsResolved', n.areaCode, n.updatedAt);
  }
  return [];
}

/** Whether a changed record may move a person's standing figures: their registration or a category. */
export function personOf(r: ChangedRecord): string | undefined {
  if (!r.pk.startsWith('USER#')) return undefined;
  return r.sk === 'JOBSEEKER_REG' || r.sk.startsWith('CATEGORY#') ? r.pk.slice('USER#'.length) : undefined;
}

function countUpdates(period: string, byArea: Map<string, Partial<Record<FlowFigure | StandingFigure, number>>>) {
  const out = [];
  for (const [areaCode, deltas] of byArea) {
    const adds = Object.fromEntries(Object.entries(deltas).filter(([, v]) => v !== 0).map(([f, v]) => [f, $add(v as number)]));
    if (Object.keys(adds).length === 0) continue;
    out.push(FigureCountEntity.build(UpdateTransaction).item({ cityCode: areaCode.slice(0, 4), period, areaCode, ...adds }));
  }
  return out;
}

/** Counts an event once. Returns false when it had been counted already. */
export async function countEvent(e: FigureEvent): Promise<boolean> {
  const areas = new Map((e.only ? [e.areaCode] : rollUpAreas(e.areaCode)).map((a) => [a, e.deltas]));
  try {
    // Events of one area at once touch the same counters: a conflict is run again.
    await retryConflicts(() =>
      execute(
        FigureAppliedEntity.build(PutTransaction)
          .item({ eventKey: e.key, ttl: Math.floor(Date.now() / 1000) + KEEP_MARKER_S })
          .options({ condition: { attr: 'eventKey', exists: false } }),
        ...(e.only ? [e.only.period] : e.standing ? [STANDING_PERIOD] : periodsOf(e.date)).flatMap((period) => countUpdates(period, areas)),
      ),
    );
    return true;
  } catch (err) {
    if (cancelledTransaction(err)?.conditionFailed[0]) return false;
    throw err;
  }
}

// ── Standing figures ──────────────────────────────────────────────────────────────────────

export const STANDING_PERIOD = 'now';

/**
 * How a person stands today, from their records: willing to work (a job-seeker registration),
 * employed (an open employment category), hard to employ and in work. Zero-employment households
 * are counted from the households themselves (figureEvents).
 */
export async function standingOf(userId: string, today = todayInChina()): Promise<{ areaCode?: string; flags: StandingFigure[] }> {
  const [{ Item: reg }, categories] = await Promise.all([
    JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send(),
    loadCategories(userId),
  ]);
  if (!reg) return { flags: [] };
  const employed = !!activeCategory(categories, 'employed', today);
  const hte = activeCategory(categories, 'hard_to_employ', today);
  const flags: StandingFigure[] = ['willing'];
  if (employed) flags.push('willingEmployed');
  if (hte) flags.push('hardToEmploy');
  if (hte && employed) flags.push('hardToEmployEmployed');
  return { areaCode: reg.residence.areaCode, flags };
}

/**
 * Recounts a person: moves the standing figures by the difference between how they stand now and
 * how they were last counted, in one transaction that also records the new state under a version
 * check (two consumers recounting one person cannot both apply). Returns whether anything moved.
 */
export async function recountPerson(userId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const outcome = await retryConflicts(() => recountOnce(userId));
    if (outcome !== 'stale') return outcome;
  }
  throw new Error(`figures: person ${userId} kept changing while being recounted`);
}

async function recountOnce(userId: string): Promise<boolean | 'stale'> {
  const [{ Item: last }, now] = await Promise.all([
    PersonFigureStateEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send(),
    standingOf(userId),
  ]);
  const before = { areaCode: last?.areaCode ?? '', flags: last?.flags ?? [] };
  const after = { areaCode: now.areaCode ?? '', flags: now.areaCode ? now.flags : [] };
  if (before.areaCode === after.areaCode && before.flags.join() === after.flags.join()) return false;
  const byArea = new Map<string, Partial<Record<StandingFigure, number>>>();
  const move = (areaCode: string, flags: readonly string[], sign: number) => {
    if (!areaCode) return;
    for (const a of rollUpAreas(areaCode)) {
      const d = byArea.get(a) ?? {};
      for (const f of flags as StandingFigure[]) d[f] = (d[f] ?? 0) + sign;
      byArea.set(a, d);
    }
  };
  move(before.areaCode, before.flags, -1);
  move(after.areaCode, after.flags, 1);
  try {
    await execute(
      PersonFigureStateEntity.build(PutTransaction)
        .item({ userId, areaCode: after.areaCode, flags: after.flags, version: (last?.version ?? 0) + 1 })
        .options({ condition: last ? { attr: 'version', eq: last.version } : { attr: 'version', exists: false } }),
      ...countUpdates(STANDING_PERIOD, byArea),
    );
  } catch (err) {
    // Another consumer recounted this person meanwhile: read again.
    if (cancelledTransaction(err)?.conditionFailed[0]) return 'stale';
    throw err;
  }
  return true;
}
