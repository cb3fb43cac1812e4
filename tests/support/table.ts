// beforeAll helper: create this test file's table in the shared DynamoDB Local.
import { ensureTable } from '../../scripts/lib/table';
import { localClient } from '../../scripts/lib/dynamoLocal';

export async function createTestTable(): Promise<void> {
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, process.env.TABLE_NAME!);
  client.destroy();
}

/**
 * afterAll helper for a file that leaves many items behind (a 2,000-row import): its table goes,
 * so the DynamoDB Local every data suite shares does not carry them for the rest of the run.
 */
export async function dropTestTable(): Promise<void> {
  const { DeleteTableCommand } = await import('@aws-sdk/client-dynamodb');
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await client.send(new DeleteTableCommand({ TableName: process.env.TABLE_NAME! }));
  client.destroy();
}
