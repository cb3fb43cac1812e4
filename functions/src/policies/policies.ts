// Policies (政策): district and city staff publish them; anyone browses and searches those in force
// (expired ones hide themselves); a person sees the ones found for them (为您找到的政策) with why,
// and the calculator (政策计算器) answers "what could I get?" for their own facts or for a few
// answers given without an account. Publishing answers at once; reaching every registered person
// of the area is the stream's work (matching.ts), shown as progress on the policy.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { ulid } from 'ulid';
import {
  catalogueOn,
  inJurisdiction,
  policyInForce,
  ruleText,
  todayInChina,
  type PolicyFacts,
  type RecognisedCategory,
  type z,
  type policyBodySchema,
  type policySchema,
} from '@doorstep/shared';
import { areaFullName, isKnownArea } from '../areas/dataset';
import { categoriesOn } from '../applications/categories';
import { JobseekerRegistrationEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { scopeOf } from '../http/jurisdiction';
import type { Principal } from '../http/session';
import { PolicyEntity, policyIndexKeys } from './entities';
import { cityPolicies, judge, matchesOf, type StoredPolicy } from './matching';

type Policy = z.infer<typeof policySchema>;
const shortArea = (code: string) => areaFullName(code).split(' ').pop() ?? code;

export function toPolicyView(p: StoredPolicy, today = todayInChina(), staff = false): Policy {
  const service = p.service ? catalogueOn(today).services.find((s) => s.key === p.service) : undefined;
  return {
    id: p.policyId,
    title: p.title,
    issuer: p.issuer,
    docNumber: p.docNumber,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    summary: p.summary,
    benefits: p.benefits,
    howToApply: p.howToApply,
    ...(service ? { service: { key: service.key, name: service.name, ...(service.appPage ? { appPage: service.appPage } : {}) } } : {}),
    areaCode: p.areaCode,
    areaName: shortArea(p.areaCode),
    who: ruleText(p.rule as never, shortArea(p.areaCode)),
    inForce: p.status === 'published' && policyInForce(p, today),
    status: p.status,
    ...(staff ? { matching: { state: p.matching.state, checked: p.matching.checked, matched: p.matching.matched } } : {}),
  };
}

export async function publishPolicy(principal: Principal, body: z.infer<typeof policyBodySchema>, now = new Date()): Promise<Policy> {
  scopeOf(principal);
  if (principal.level !== 'district' && principal.level !== 'city') throw new ForbiddenError('政策由区、市工作人员发布');
  if (!inJurisdiction(body.areaCode, principal.level, principal.areaCode)) throw new ForbiddenError('只能发布本辖区的政策');
  if (!isKnownArea(body.areaCode)) throw new ValidationError([{ path: ['areaCode'], message: '没有这个地区，请重新选择' }]);
  const policyId = ulid(now.getTime());
  const at = now.toISOString();
  const { rule, ...rest } = body;
  const item: StoredPolicy = {
    policyId,
    ...rest,
    rule: { ...rule, groups: [...rule.groups] },
    status: 'published',
    matching: { state: 'running', checked: 0, matched: 0 },
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    ...policyIndexKeys(body.areaCode, policyId),
  };
  await PolicyEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'policyId', exists: false } }).send();
  return toPolicyView(item, todayInChina(now), true);
}

async function policyInScope(principal: Principal, policyId: string): Promise<StoredPolicy> {
  scopeOf(principal);
  const { Item } = await PolicyEntity.build(GetItemCommand).key({ policyId }).options({ consistent: true }).send();
  if (!Item || !inJurisdiction(Item.areaCode, principal.level, principal.areaCode)) throw new NotFoundError('找不到这条政策');
  return Item;
}

/** Withdraws a published policy: it leaves search and everyone's 为您找到的政策 at once. */
export async function withdrawPolicy(principal: Principal, policyId: string, now = new Date()): Promise<Policy> {
  await policyInScope(principal, policyId);
  try {
    const { Attributes } = await PolicyEntity.build(UpdateItemCommand)
      .item({ policyId, status: 'withdrawn', updatedAt: now.toISOString() })
      .options({ condition: { attr: 'status', eq: 'published' }, returnValues: 'ALL_NEW' })
      .send();
    return toPolicyView(Attributes as StoredPolicy, todayInChina(now), true);
  } catch (err) {
    if (isConditionFailure(err)) throw new ConflictError('这条政策已经撤回了');
    throw err;
  }
}

/** The staff's view of one policy, with how far reaching its people has got. */
export async function staffPolicy(principal: Principal, policyId: string): Promise<Policy> {
  return toPolicyView(await policyInScope(principal, policyId), todayInChina(), true);
}

/** The policies of the caller's jurisdiction (all states), newest first. */
export async function staffPolicies(principal: Principal): Promise<Policy[]> {
  const scope = scopeOf(principal);
  return (await cityPolicies(scope))
    .filter((p) => p.areaCode.startsWith(scope) || scope.startsWith(p.areaCode))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((p) => toPolicyView(p, todayInChina(), true));
}

/** 政策: those in force that apply where the person lives (their area and the levels above), by words. */
export async function browsePolicies(q: { areaCode: string; text?: string }, today = todayInChina()): Promise<Policy[]> {
  const words = q.text?.trim();
  return (await cityPolicies(q.areaCode))
    .filter((p) => p.status === 'published' && policyInForce(p, today) && q.areaCode.startsWith(p.areaCode))
    .filter((p) => !words || [p.title, p.summary, p.benefits, p.issuer, p.docNumber].some((t) => t.includes(words)))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))
    .map((p) => toPolicyView(p, today));
}

export async function getPolicy(policyId: string, userId?: string, today = todayInChina()) {
  const { Item: p } = await PolicyEntity.build(GetItemCommand).key({ policyId }).send();
  if (!p || p.status !== 'published' || !policyInForce(p, today)) throw new NotFoundError('找不到这条政策，可能已经过期或撤回');
  const facts = userId ? await factsOfPerson(userId, today) : undefined;
  const mine = facts ? judge(p, facts, today) : undefined;
  return { policy: toPolicyView(p, today), ...(mine ? { mine: { qualifies: mine.ok, reasons: mine.reasons, ...(mine.unmet ? { unmet: mine.unmet } : {}) } } : {}) };
}

/** 为您找到的政策. */
export async function myPolicies(userId: string, today = todayInChina()) {
  return (await matchesOf(userId, today)).map((m) => ({ policy: toPolicyView(m.policy, today), reasons: m.reasons, matchedAt: m.matchedAt }));
}

async function factsOfPerson(userId: string, today: string): Promise<PolicyFacts | undefined> {
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).send();
  if (!reg) return undefined;
  return {
    birthDate: reg.birthDate,
    gender: reg.gender,
    education: reg.education as PolicyFacts['education'],
    groups: (await categoriesOn(reg, today)).map((c) => c.code) as RecognisedCategory[],
    areaCode: reg.residence.areaCode,
  };
}

/**
 * 政策计算器: the policies in force this person could get — from their own records when signed
 * in and registered, else from the few answers given — each with why, and the ones they could not
 * with the first condition not met.
 */
export async function calculate(answers: { areaCode?: string; age?: number; gender?: 'male' | 'female'; education?: PolicyFacts['education']; groups?: RecognisedCategory[] }, userId: string | undefined, today = todayInChina()) {
  const own = userId ? await factsOfPerson(userId, today) : undefined;
  if (!own && !answers.areaCode) throw new ValidationError([{ path: ['areaCode'], message: '请选择您住在哪个社区' }]);
  const facts: PolicyFacts = own ?? {
    areaCode: answers.areaCode!,
    // An age answered becomes a birthday that gives that age today.
    birthDate: `${Number(today.slice(0, 4)) - (answers.age ?? 35) - (today.slice(5) === '12-31' ? 0 : 1)}-12-31`,
    gender: answers.gender ?? 'female',
    education: answers.education ?? 'junior_high',
    groups: answers.groups ?? [],
  };
  const policies = (await cityPolicies(facts.areaCode)).filter((p) => p.status === 'published' && policyInForce(p, today) && facts.areaCode.startsWith(p.areaCode));
  const judged = policies.map((p) => ({ p, q: judge(p, facts, today) }));
  return {
    basis: own ? ('record' as const) : ('answers' as const),
    eligible: judged.filter((j) => j.q.ok).map((j) => ({ policy: toPolicyView(j.p, today), reasons: j.q.reasons })),
    notEligible: judged.filter((j) => !j.q.ok).map((j) => ({ policy: toPolicyView(j.p, today), unmet: j.q.unmet ?? '' })),
  };
}
