// New-match messages on DynamoDB Local: a vacancy entering search tells the registered job
// seekers near it whom it fits — within the distance each said they would travel, for the post
// they want — and nobody twice, however often the stream delivers the card.
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { createTestTable } from '../../../tests/support/table';
import { makeIdNumber, registrationBody } from '../../../tests/support/people';
import { vacancyRecord } from '../../../tests/support/records';
import { OutboxEntity } from '../db/entities';
import { table } from '../db/table';
import { putRegistration } from '../registration/service';
import { notifyNewMatches } from './matches';

beforeAll(createTestTable);

const SHOP = { lat: 26.0845, lng: 119.3012 };
const north = (metres: number) => ({ lat: SHOP.lat + metres / 111_195, lng: SHOP.lng });

async function seeker(userId: string, serial: number, home: { lat: number; lng: number }, occupations: string[], maxDistanceKm = 3) {
  await putRegistration(
    userId,
    registrationBody({
      idNumber: makeIdNumber('1980-05-17', serial),
      residence: { areaCode: '350102001001', address: '鼓东路', ...home },
      intention: { occupations, minMonthlySalaryFen: 350_000, maxDistanceKm, shift: 'day' },
    }),
  );
}

const publishedVacancy = (vacancyId: string, status: 'published' | 'paused' = 'published') => vacancyRecord(vacancyId, { at: SHOP, status });

async function newMatchMessages() {
  const { Items = [] } = await table.build(QueryCommand).entities(OutboxEntity).query({ index: 'gsi1', partition: 'OUTBOX#pending' }).send();
  return Items.filter((m) => m.template === 'new_match');
}

describe('new-match messages', () => {
  beforeAll(async () => {
    await seeker('near-cashier', 801, north(600), ['收银员']);
    await seeker('near-cook', 802, north(700), ['厨师']);
    await seeker('far-cashier', 803, north(2500), ['收银员'], 1);
    // Moved: registered far away first, then next door; only the new home counts.
    await seeker('moved-cashier', 804, north(40_000), ['收银员']);
    await seeker('moved-cashier', 804, north(300), ['收银员']);
  });

  it('tells the people nearby whom it fits, once, however often it is delivered', async () => {
    await publishedVacancy('V1');
    const first = await notifyNewMatches('V1');
    const again = await notifyNewMatches('V1');
    expect(first.told).toBe(2);
    expect(again.told).toBe(0);
    const messages = await newMatchMessages();
    expect(messages.map((m) => m.userId).sort()).toEqual(['moved-cashier', 'near-cashier']);
    expect(JSON.parse(messages[0].dataJson)).toMatchObject({ thing1: '超市收银员', thing2: '鼓东便民超市' });
    expect(messages[0].page).toBe('jobs/vacancy/index?id=V1');
  });

  it('tells nobody about a vacancy that is not in search any more', async () => {
    await publishedVacancy('V2', 'paused');
    expect(await notifyNewMatches('V2')).toEqual({ told: 0, considered: 0 });
    expect(await notifyNewMatches('missing')).toEqual({ told: 0, considered: 0 });
  });
});
