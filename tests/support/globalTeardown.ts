import type { DynamoLocal } from '../../scripts/lib/dynamoLocal';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo?: DynamoLocal }).__dynamo?.stop();
}
