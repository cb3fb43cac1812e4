// What the near-home benches build, in one place: the places (a city, half of them packed in the old
// town), a vacancy card at a place as the table stores it (the search every near-home list is
// built on and measured beside), and the batch writer that seeds them.
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { vacancyBody } from '../support/vacancies';

/** The i-th place: odd ones over Fuzhou's urban area, even ones packed in the old town. */
export const benchPlace = (i: number) =>
  i % 2 ? { lat: 25.95 + Math.random() * 0.25, lng: 119.15 + Math.random() * 0.3 } : { lat: 26.05 + Math.random() * 0.054, lng: 119.27 + Math.random() * 0.06 };


/**
 * Makes vacancy-card items (the tests' supermarket cashier's post, open for years, at `at`), as the near-home search reads
 * them. Call it once the bench's table is configured: it loads the function code then.
 */
export async function vacancyCards(): Promise<(at: { lat: number; lng: number }) => Record<string, unknown>> {
  const { cardOf } = await import('../../functions/src/vacancies/search');
  return (at) => {
    const card = cardOf({ vacancyId: ulid(), employerName: '压测单位', body: vacancyBody(ulid(), at, { time: { recruitFrom: '2026-01-01', recruitUntil: '2099-12-31' } }) });
    return { pk: `VACANCY_GEO#${card.cell}`, sk: `${card.hash}#${card.vacancyId}`, _et: 'VacancyCard', ...card };
  };
}

/** Writes items in batches of 25, 8 in flight, until DynamoDB has taken every one. */
export async function putAll(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        let requests = batches[next++].map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }),
  );
}
