// Creates (or brings up to date) the table exactly as serverless.yml defines it, so local runs
// and tests use the same keys, indexes, TTL and stream as production.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';

const ROOT = join(__dirname, '..', '..');

interface CfnTableProperties {
  AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  KeySchema: CreateTableCommandInput['KeySchema'];
  GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  StreamSpecification?: { StreamViewType: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY' };
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
}

interface ServerlessYml {
  params: Record<string, Record<string, string | number>>;
  /** Resource blocks merged by the framework: generated alarms (a variable), conditions, resources. */
  resources: (string | { Resources?: Record<string, { Type: string; Properties: Record<string, unknown> }>; Conditions?: Record<string, unknown> })[];
  /** The deployed functions, then the stage-only ones as a variable. */
  functions: (Record<string, unknown> | string)[];
}

/** serverless.yml as data (CloudFormation tags read as plain values, variables left unresolved). */
export function readServerlessYml(): ServerlessYml {
  const text = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  const cfnTag = (tag: string, collection?: 'seq') => ({ tag, collection, resolve: (value: unknown) => value, identify: () => false });
  return parse(text, {
    customTags: [cfnTag('!GetAtt'), cfnTag('!Ref'), cfnTag('!Sub'), cfnTag('!Join', 'seq'), cfnTag('!Not', 'seq'), cfnTag('!Equals', 'seq')],
  }) as ServerlessYml;
}

/** The table's CloudFormation properties from serverless.yml. */
export function tableDefinition(): CfnTableProperties {
  const block = readServerlessYml().resources.find((r) => typeof r === 'object' && r.Resources?.Table);
  return (block as unknown as { Resources: { Table: { Properties: CfnTableProperties } } }).Resources.Table.Properties;
}

async function waitActive(client: DynamoDBClient, name: string) {
  for (let i = 0; i < 100; i += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesReady) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${name} did not become active`);
}

/** Creates the table if missing; adds indexes serverless.yml has gained since. Returns what it did. */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<'created' | 'updated' | 'unchanged'> {
  const def = tableDefinition();
  let existing;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: def.AttributeDefinitions,
        KeySchema: def.KeySchema,
        GlobalSecondaryIndexes: def.GlobalSecondaryIndexes,
        ...(def.StreamSpecification
          ? { StreamSpecification: { StreamEnabled: true, StreamViewType: def.StreamSpecification.StreamViewType } }
          : {}),
      }),
    );
    await waitActive(client, name);
    if (def.TimeToLiveSpecification?.Enabled) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: def.TimeToLiveSpecification.AttributeName, Enabled: true },
        }),
      );
    }
    return 'created';
  }
  const have = new Set((existing.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const missing = (def.GlobalSecondaryIndexes ?? []).filter((g) => !have.has(g.IndexName));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: def.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitActive(client, name);
  }
  return missing.length ? 'updated' : 'unchanged';
}
