// 政策找人: policies reach the people who qualify, from the table's stream, both ways.
//
// - A person's registration or a category changes → their facts card is written again from their
//   records as they are now, and they are matched against the policies in force of their city: a
//   new match is written with its reasons and one message (its id names the policy and the person,
//   so it is sent once however often the stream delivers); a match they no longer qualify for is
//   deleted, so it is no longer listed.
// - A policy is published → the stream puts it on the policy queue, whose worker reads the facts
//   cards of its area a page at a time (never the table), each person who qualifies matched the
//   same way, 25 writes a request; the policy keeps its progress (people checked, matched, and
//   where to go on) under a condition, so a redelivered or retried message resumes instead of
//   starting again, and counts each page once.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $remove, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut';
import { BatchWriteCommand, execute as executeBatchWrite } from 'dynamodb-toolbox/table/actions/batchWrite';
import type { FormattedItem } from 'dynamodb-toolbox/entity';
import { policyInForce, qualifies, todayInChina, type Education, type PolicyFacts, type PolicyRule, type RecognisedCategory } from '@doorstep/shared';
import { areaShortName } from '../areas/dataset';
import { categoriesOn, derivedCategories } from '../applications/categories';
import { JobseekerRegistrationEntity, OutboxEntity } from '../db/entities';
import { chunked, mapLimit } from '../concurrency';
import { batchRead } from '../db/batchRead';
import { isConditionFailure } from '../db/errors';
import { queryAll } from '../db/queryAll';
import { table } from '../db/table';
import { outboxItem } from '../notifications/outbox';
import { PolicyEntity, PolicyFactsEntity, PolicyMatchEntity, factsIndexKeys } from './entities';

export type StoredPolicy = FormattedItem<typeof PolicyEntity>;
type StoredFacts = FormattedItem<typeof PolicyFactsEntity>;

/** A facts card as the rule reads it today (the derived categories worked out now). */
export function factsOf(card: StoredFacts, today: string): PolicyFacts {
  const derived = derivedCategories({ birthDate: card.birthDate, ...(card.graduationDate ? { graduationDate: card.graduationDate } : {}) }, today).map((c) => c.code);
  return {
    birthDate: card.birthDate,
    gender: card.gender as PolicyFacts['gender'],
    education: card.education as Education,
    groups: [...new Set([...card.groups, ...derived])] as RecognisedCategory[],
    areaCode: card.areaCode,
  };
}

const ruleOf = (p: StoredPolicy) => p.rule as unknown as PolicyRule;
const placeName = (p: StoredPolicy) => areaShortName(p.areaCode);
export const judge = (p: StoredPolicy, facts: PolicyFacts, today: string, place = placeName(p)) => qualifies(ruleOf(p), p, facts, today, place);

/** Writes a match and, the first time ever for this policy and person, its message. */
async function match(userId: string, p: StoredPolicy, reasons: string[], at: string): Promise<void> {
  await PolicyMatchEntity.build(PutItemCommand).item({ userId, policyId: p.policyId, reasons, matchedAt: at }).send();
  try {
    await OutboxEntity.build(PutItemCommand)
      .item(
        outboxItem(
          { userId, template: 'new_match', page: `policies/policy/index?id=${p.policyId}`, data: { thing1: p.title.slice(0, 20), thing2: p.issuer.slice(0, 20), thing3: `${reasons[0] ?? ''}，可以申请`.slice(0, 20) }, at },
          `policy-${p.policyId}-${userId}`,
        ),
      )
      .options({ condition: { attr: 'messageId', exists: false } })
      .send();
  } catch (err) {
    if (!isConditionFailure(err)) throw err; // told before: once is enough
  }
}

/** The policies of a city (all of them: a city has hundreds at most). */
export async function cityPolicies(areaCode: string): Promise<StoredPolicy[]> {
  return (await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(PolicyEntity)
      .query({ index: 'gsi1', partition: `POLICIES#${areaCode.slice(0, 4)}` })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  )) as StoredPolicy[];
}

/**
 * A person's registration or categories changed: their facts card from their records now, then
 * their matches brought in line with the policies in force that cover where they live.
 */
export async function rematchPerson(userId: string, now = new Date()): Promise<{ matched: number; dropped: number }> {
  const at = now.toISOString();
  const today = todayInChina(now);
  const { Item: reg } = await JobseekerRegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send();
  const { Items: held = [] } = await table
    .build(QueryCommand)
    .entities(PolicyMatchEntity)
    .query({ partition: `USER#${userId}`, range: { beginsWith: 'POLICYMATCH#' } })
    .options({ consistent: true })
    .send();
  if (!reg) {
    // No registration (never, or erased): no card, no matches.
    await PolicyFactsEntity.build(DeleteItemCommand).key({ userId }).send();
    for (const m of held) await PolicyMatchEntity.build(DeleteItemCommand).key({ userId, policyId: m.policyId }).send();
    return { matched: 0, dropped: held.length };
  }
  const stored = (await categoriesOn(reg, today)).filter((c) => c.source !== 'derived').map((c) => c.code);
  const card: StoredFacts = {
    userId,
    birthDate: reg.birthDate,
    gender: reg.gender,
    education: reg.education,
    ...(reg.graduationDate ? { graduationDate: reg.graduationDate } : {}),
    groups: stored,
    areaCode: reg.residence.areaCode,
    updatedAt: at,
    ...factsIndexKeys(reg.residence.areaCode, userId),
  };
  await PolicyFactsEntity.build(PutItemCommand).item(card).send();
  const facts = factsOf(card, today);
  const policies = (await cityPolicies(card.areaCode)).filter((p) => p.status === 'published' && policyInForce(p, today));
  let matched = 0;
  const keep = new Set<string>();
  for (const p of policies) {
    const q = judge(p, facts, today);
    if (!q.ok) continue;
    keep.add(p.policyId);
    const had = held.find((m) => m.policyId === p.policyId);
    if (!had || had.reasons.join('|') !== q.reasons.join('|')) {
      await match(userId, p, q.reasons, at);
      matched += 1;
    }
  }
  let dropped = 0;
  for (const m of held) {
    if (keep.has(m.policyId)) continue;
    await PolicyMatchEntity.build(DeleteItemCommand).key({ userId, policyId: m.policyId }).send();
    dropped += 1;
  }
  return { matched, dropped };
}

const PAGE = 500;
/** Pages one message of the policy queue works through before it hands on to the next message. */
export const PAGES_PER_MESSAGE = 40;

/**
 * Matches and, for whoever was never told of this policy, their messages: 25 items a request.
 * The messages already written (a chunk done again after a worker died) are read first and left
 * alone, so nobody is told twice.
 */
async function matchMany(p: StoredPolicy, fits: { userId: string; reasons: string[] }[], at: string): Promise<void> {
  if (!fits.length) return;
  const messageIdOf = (userId: string) => `policy-${p.policyId}-${userId}`;
  const told = new Set(
    (await batchRead<{ messageId: string }>(fits.map((f) => ({ pk: `OUTBOX#${messageIdOf(f.userId)}`, sk: 'MESSAGE' })), ['messageId'], true)).map((m) => m.messageId),
  );
  const requests = fits.flatMap((f) => [
    PolicyMatchEntity.build(BatchPutRequest).item({ userId: f.userId, policyId: p.policyId, reasons: f.reasons, matchedAt: at }),
    ...(told.has(messageIdOf(f.userId))
      ? []
      : [
          OutboxEntity.build(BatchPutRequest).item(
            outboxItem(
              { userId: f.userId, template: 'new_match', page: `policies/policy/index?id=${p.policyId}`, data: { thing1: p.title.slice(0, 20), thing2: p.issuer.slice(0, 20), thing3: `${f.reasons[0] ?? ''}，可以申请`.slice(0, 20) }, at },
              messageIdOf(f.userId),
            ),
          ),
        ]),
  ]);
  await mapLimit(chunked(requests, 25), 8, (group) => executeBatchWrite({ maxAttempts: 10 }, table.build(BatchWriteCommand).requests(...group)));
}

export interface MatchProgress {
  checked: number;
  matched: number;
  read: number;
  /** Pages are left: the caller hands the policy on to another message. */
  more: boolean;
  /** Another worker moved the policy on first (the queue delivered twice): this one stopped. */
  overtaken?: boolean;
}

/**
 * A published policy reaches its area's registered people (the policy queue's worker, never the
 * stream): their facts cards a page at a time, at most `maxPages` pages, progress kept on the
 * policy after each page under a condition that it is still where this worker began the page — so
 * a page counts once however many workers run it, and a worker that finds itself overtaken
 * stops. Matches and messages are safe to write twice: a worker that dies mid-page leaves its
 * page to the next delivery, which does it again from the saved progress.
 */
export async function matchPolicy(
  policyId: string,
  { now = new Date(), maxPages = Infinity, pageSize = PAGE }: { now?: Date; maxPages?: number; pageSize?: number } = {},
): Promise<MatchProgress> {
  const { Item: policy } = await PolicyEntity.build(GetItemCommand).key({ policyId }).options({ consistent: true }).send();
  if (!policy || policy.status !== 'published' || policy.matching.state === 'done') return { checked: 0, matched: 0, read: 1, more: false };
  const at = now.toISOString();
  const today = todayInChina(now);
  let { checked, matched } = policy.matching;
  let saved = policy.matching.cursor;
  let read = 1;
  const partition = `PFACTS#${policy.areaCode.slice(0, 4)}`;
  const live = policyInForce(policy, today);
  const place = placeName(policy);
  const readPage = (from: string | undefined) =>
    table
      .build(QueryCommand)
      .entities(PolicyFactsEntity)
      .query({ index: 'gsi1', partition, range: { beginsWith: policy.areaCode } })
      .options({ limit: pageSize, ...(from ? { exclusiveStartKey: JSON.parse(from) as Record<string, unknown> } : {}) })
      .send();
  let reading = readPage(saved);
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await reading;
    const next = page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : undefined;
    // The next page is read while this one's matches are written.
    if (next && pages + 1 < maxPages) {
      reading = readPage(next);
      reading.catch(() => undefined); // awaited on the next turn; a worker overtaken first leaves it
    }
    const cards = page.Items ?? [];
    read += cards.length;
    const fits = live
      ? cards.flatMap((card) => {
          const q = judge(policy, factsOf(card, today), today, place);
          return q.ok ? [{ userId: card.userId, reasons: q.reasons }] : [];
        })
      : [];
    await matchMany(policy, fits, at);
    try {
      await PolicyEntity.build(UpdateItemCommand)
        .item({
          policyId,
          matching: {
            state: next ? 'running' : 'done',
            checked: checked + cards.length,
            matched: matched + fits.length,
            ...(next ? { cursor: next } : { cursor: $remove(), finishedAt: new Date().toISOString() }),
          },
        })
        .options({ condition: saved ? { attr: 'matching.cursor', eq: saved } : { and: [{ attr: 'matching.cursor', exists: false }, { attr: 'matching.state', eq: 'running' }] } })
        .send();
    } catch (err) {
      if (isConditionFailure(err)) return { checked, matched, read, more: false, overtaken: true };
      throw err;
    }
    checked += cards.length;
    matched += fits.length;
    saved = next;
    if (!next) return { checked, matched, read, more: false };
  }
  return { checked, matched, read, more: true };
}

/** The person's matches that still stand: the policy published and in force. */
export async function matchesOf(userId: string, today = todayInChina()) {
  const matches = (await queryAll((start) =>
    table
      .build(QueryCommand)
      .entities(PolicyMatchEntity)
      .query({ partition: `USER#${userId}`, range: { beginsWith: 'POLICYMATCH#' } })
      .options(start ? { exclusiveStartKey: start } : {})
      .send(),
  )) as FormattedItem<typeof PolicyMatchEntity>[];
  const out: { policy: StoredPolicy; reasons: string[]; matchedAt: string }[] = [];
  for (const m of matches) {
    const { Item: p } = await PolicyEntity.build(GetItemCommand).key({ policyId: m.policyId }).send();
    if (p && p.status === 'published' && policyInForce(p, today)) out.push({ policy: p, reasons: [...m.reasons], matchedAt: m.matchedAt });
  }
  return out.sort((a, b) => (a.matchedAt < b.matchedAt ? 1 : -1));
}
