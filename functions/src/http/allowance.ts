// How often a route anyone may call without signing in may be called from one place: a fixed
// window per key (an IP address and the route), counted by a conditional ADD so requests arriving
// at once cannot pass the limit; the counter expires with its window. A refusal is a 429 in Chinese.
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { $add } from 'dynamodb-toolbox/entity/actions/update/symbols';
import { AllowanceEntity } from '../db/entities';
import { isConditionFailure } from '../db/errors';
import { TooManyRequestsError } from './errors';

export async function takeAllowance(key: string, limit: number, windowS: number, message: string, now = Date.now()): Promise<void> {
  const window = Math.floor(now / 1000 / windowS);
  try {
    await AllowanceEntity.build(UpdateItemCommand)
      .item({ key, window, n: $add(1), ttl: (window + 2) * windowS })
      .options({ condition: { or: [{ attr: 'n', exists: false }, { attr: 'n', lt: limit }] } })
      .send();
  } catch (err) {
    if (isConditionFailure(err)) throw new TooManyRequestsError(message);
    throw err;
  }
}

/** Where a request came from, as API Gateway saw it. */
export const sourceIpOf = (event: unknown): string => (event as { requestContext?: { http?: { sourceIp?: string } } })?.requestContext?.http?.sourceIp ?? 'unknown';
