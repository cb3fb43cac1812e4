// Starts one in-memory DynamoDB Local for the whole run; every suite makes its own table in it.
import { createServer } from 'node:net';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/lib/dynamoLocal';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  (globalThis as { __dynamo?: DynamoLocal }).__dynamo = dynamo;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
