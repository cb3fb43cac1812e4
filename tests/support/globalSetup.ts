// Starts one in-memory DynamoDB Local for the whole run; every suite makes its own table in it.
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamoLocal';
import { freePort } from '../../scripts/lib/processes';

export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  (globalThis as { __dynamo?: DynamoLocal }).__dynamo = dynamo;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
