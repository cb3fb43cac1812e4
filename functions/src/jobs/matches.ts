// New-match messages (issue 4): when a vacancy enters search, the registered job seekers living
// within the distance they said they would travel, whose intention it fits well, are told by
// subscription message. Called from the table's stream when a search card is inserted, so a
// duplicate delivery, or a vacancy paused and resumed, must not tell anyone twice: each message
// has an id made of the vacancy and the person, written only if absent.
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { todayInChina } from '@doorstep/shared';
import { OutboxEntity, VacancyEntity } from '../db/entities';
import { outboxItem } from '../notifications/outbox';
import { isConditionFailure } from '../db/errors';
import { cardOf, nearestSeekers, summaryOf } from '../vacancies/search';
import { bodyOf, matchOf, toSeekerProfile, type StoredSeekerFields } from '../vacancies/service';

/** How well a vacancy must fit to be worth a message (of 100): more than 70, so only a post the person wants (30 of the 100) can reach it. */
export const NEW_MATCH_MIN_SCORE = 75;
/** How far to look for people: the radius most set, and the most people told about one vacancy. */
const LOOK_WITHIN_M = 5000;
const MOST_TOLD = 200;

export async function notifyNewMatches(vacancyId: string): Promise<{ told: number; considered: number }> {
  const { Item: vacancy } = await VacancyEntity.build(GetItemCommand).key({ vacancyId }).options({ consistent: true }).send();
  const today = todayInChina();
  if (!vacancy || vacancy.status !== 'published' || vacancy.recruitUntil < today) return { told: 0, considered: 0 };
  const summary = summaryOf(cardOf({ vacancyId, employerName: vacancy.employerName, body: bodyOf(vacancy) }));
  const nowS = Math.floor(Date.now() / 1000);
  const { page } = await nearestSeekers({ center: vacancy, limitM: LOOK_WITHIN_M, need: MOST_TOLD, accept: (card) => card.ttl > nowS });
  const at = new Date().toISOString();
  let told = 0;
  for (const { card, distanceM } of page) {
    const stored = JSON.parse(card.profileJson) as StoredSeekerFields;
    if (distanceM > stored.intention.maxDistanceKm * 1000) continue;
    const profile = toSeekerProfile(stored, today);
    const match = matchOf(profile, summary, distanceM);
    if (match.score < NEW_MATCH_MIN_SCORE) continue;
    try {
      await OutboxEntity.build(PutItemCommand)
        .item(
          outboxItem(
            {
              userId: card.userId,
              template: 'new_match',
              page: `jobs/vacancy/index?id=${vacancyId}`,
              data: { thing1: summary.title.slice(0, 20), thing2: summary.employerName.slice(0, 20), thing3: `离家${(distanceM / 1000).toFixed(1)}公里，匹配度${match.score}` },
              at,
            },
            `match-${vacancyId}-${card.userId}`,
          ),
        )
        .options({ condition: { attr: 'messageId', exists: false } })
        .send();
      told += 1;
    } catch (err) {
      if (!isConditionFailure(err)) throw err; // told before
    }
  }
  return { told, considered: page.length };
}
