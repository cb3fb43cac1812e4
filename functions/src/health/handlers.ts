// GET /health
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { health as healthContract } from '@doorstep/shared';
import { getConfig } from '../config';
import { getDocumentClient } from '../db/client';
import { tableName } from '../db/table';
import { UpstreamUnavailableError } from '../http/errors';
import { httpHandler } from '../http/handler';

export const health = httpHandler(healthContract, async () => {
  const c = getConfig();
  try {
    await getDocumentClient().send(new DescribeTableCommand({ TableName: tableName() }));
  } catch {
    throw new UpstreamUnavailableError('数据服务暂时不可用');
  }
  return { status: 'ok' as const, stage: c.STAGE, time: new Date().toISOString() };
});
