// The single table. Its physical definition lives in serverless.yml; this is its shape for the
// toolbox. The name and the client are resolved on first use, so importing costs nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Table } from 'dynamodb-toolbox/table';
import { getConfig } from '../config';
import { getDocumentClient } from './client';

/**
 * The test stage only: one `serverless offline` serves every test suite of a run, each suite over
 * a table of its own, named by this header on each request (tests/support/localStack.ts adds it).
 * In every other stage the header is ignored and the configured table is the only one.
 */
export const SUITE_TABLE_HEADER = 'x-doorstep-test-table';
const SUITE_TABLE_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;
const requestTable = new AsyncLocalStorage<string>();

/** The table this request works on: the configured one (or, in the test stage, the suite's). */
export const tableName = (): string => requestTable.getStore() ?? getConfig().TABLE_NAME;

/** Runs one HTTP request, in the test stage over the table its suite named. */
export function inRequestTable<T>(headers: Record<string, string | undefined> | undefined, run: () => Promise<T>): Promise<T> {
  const named = headers?.[SUITE_TABLE_HEADER];
  if (!named || getConfig().STAGE !== 'test' || !SUITE_TABLE_NAME.test(named)) return run();
  return requestTable.run(named, run);
}

export const table = new Table({
  name: tableName,
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: {
    gsi1: {
      type: 'global',
      partitionKey: { name: 'gsi1pk', type: 'string' },
      sortKey: { name: 'gsi1sk', type: 'string' },
    },
    gsi2: {
      type: 'global',
      partitionKey: { name: 'gsi2pk', type: 'string' },
      sortKey: { name: 'gsi2sk', type: 'string' },
    },
  },
});
table.getDocumentClient = getDocumentClient;
