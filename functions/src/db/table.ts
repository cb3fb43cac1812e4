// The single table. Its physical definition lives in serverless.yml; this is its shape for the
// toolbox. The name and the client are resolved on first use, so importing costs nothing.
import { Table } from 'dynamodb-toolbox/table';
import { getConfig } from '../config';
import { getDocumentClient } from './client';

export const table = new Table({
  name: () => getConfig().TABLE_NAME,
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
