// For the benchmarks that run in a process of their own against their own DynamoDB Local: start
// it with the project's table, point the functions' configuration at it, run, print the figures
// as one JSON line last, and stop it whatever happens.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../../scripts/lib/processes';
import { localClient, startDynamoLocal } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';
import { testEnvironment } from '../support/testConfig';

export function benchInProcess(table: string, run: (doc: DynamoDBDocumentClient, table: string) => Promise<unknown>): void {
  (async () => {
    const dynamo = await startDynamoLocal({ port: await freePort() });
    const raw = localClient(dynamo.endpoint);
    try {
      await ensureTable(raw, table);
      Object.assign(process.env, testEnvironment(table), { DYNAMODB_ENDPOINT: dynamo.endpoint, POWERTOOLS_LOG_LEVEL: 'ERROR' });
      console.log(JSON.stringify(await run(DynamoDBDocumentClient.from(raw), table)));
    } finally {
      raw.destroy();
      await dynamo.stop();
    }
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
