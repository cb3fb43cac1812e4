// A suite's view of the run's one HTTP stack (tests/support/sharedStack.ts): `serverless offline`
// (stage test) over DynamoDB Local, reached through a loopback proxy of the suite's own that names
// the suite's table on every request (the test stage's `x-doorstep-test-table`), so suites running
// side by side never see each other's data. Everything else — uploads, raw fetches, the H5 server's
// forwarding — goes through the proxy unchanged.
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { SUITE_TABLE_HEADER } from '../../functions/src/db/table';
import { localClient } from '../../scripts/lib/dynamoLocal';
import { ensureTable } from '../../scripts/lib/table';

export interface RunningApi {
  baseUrl: string;
  /** Everything the functions and serverless offline printed so far (in this run, for every suite). */
  logs(): string;
  stop(): Promise<void>;
}

function suiteProxy(target: URL, tableName: string): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, [SUITE_TABLE_HEADER]: tableName } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`the shared API did not answer: ${err.message}`);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The shared API over a table of this suite's own (created here from serverless.yml). */
export async function startApi(options: { tableName: string }): Promise<RunningApi> {
  const { TEST_API_URL: apiUrl, TEST_API_LOG: logFile } = process.env;
  if (!apiUrl || !logFile) throw new Error('TEST_API_URL is not set: run the suite with npm test or jest (the api and e2e projects’ global setup starts the API)');
  const client = localClient(process.env.DYNAMODB_ENDPOINT!);
  await ensureTable(client, options.tableName);
  client.destroy();
  const proxy = await suiteProxy(new URL(apiUrl), options.tableName);
  const { port } = proxy.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    logs: () => readFileSync(logFile, 'utf8'),
    stop: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
