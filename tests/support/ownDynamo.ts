// A data suite that writes thousands of transactions runs on a DynamoDB Local of its own, started
// before it and stopped after it (the worker's environment put back for the next file): on the one
// the other data suites share, its writes held them all on that JVM's lock (the ledger import
// doubled the tier; settlement's 131 s did the same). Its table is created there.
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamoLocal';
import { freePort } from '../../scripts/lib/processes';
import { createTestTable } from './table';

export function onOwnDynamoLocal(): void {
  let own: DynamoLocal | undefined;
  let sharedEndpoint: string | undefined;
  beforeAll(async () => {
    own = await startDynamoLocal({ port: await freePort() });
    sharedEndpoint = process.env.DYNAMODB_ENDPOINT;
    process.env.DYNAMODB_ENDPOINT = own.endpoint;
    await createTestTable();
  }, 120_000);
  afterAll(async () => {
    process.env.DYNAMODB_ENDPOINT = sharedEndpoint;
    await own?.stop();
  });
}
