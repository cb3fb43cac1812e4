// The allowance of a public route on DynamoDB Local: requests arriving at once never pass the limit,
// the next window starts afresh, and the refusal is a 429 in Chinese.
import { createTestTable } from '../../../tests/support/table';
import { takeAllowance } from './allowance';

beforeAll(createTestTable);

describe('an allowance per caller', () => {
  it('lets exactly the limit through when twenty come at once, and the next window afresh', async () => {
    const now = Date.UTC(2026, 11, 8, 3, 10);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => takeAllowance('test#10.0.0.1', 10, 3600, '太频繁了，请一小时后再试', now)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const o of outcomes.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(o.reason).toMatchObject({ statusCode: 429, message: '太频繁了，请一小时后再试' });
    // Another address has its own; an hour later the first has its own again.
    await expect(takeAllowance('test#10.0.0.2', 10, 3600, 'x', now)).resolves.toBeUndefined();
    await expect(takeAllowance('test#10.0.0.1', 10, 3600, 'x', now + 3600_000)).resolves.toBeUndefined();
  });
});
