// beforeAll helper: create this test file's table in the shared DynamoDB Local.
import { ensureTable } from '../../scripts/lib/table';
import { localClient } from '../../scripts/lib/dynamoLocal';

export async function createTestTable(): Promise<void> {
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, process.env.TABLE_NAME!);
  client.destroy();
}

