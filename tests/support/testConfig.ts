// Configuration for code under test: the test stage's keys, read from serverless.yml's
// `params.test` (the same values `serverless offline --stage test` runs with), and a table of
// the suite's own.
import { randomBytes } from 'node:crypto';
import { stageEnvironment } from '../../scripts/lib/stageEnv';

export function testEnvironment(tableName: string): Record<string, string> {
  return {
    ...stageEnvironment('test', tableName, process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000'),
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    UPLOAD_DIR: '.data/test-uploads',
    MESSAGE_LOG: process.env.MESSAGE_LOG ?? '.data/test-messages.log',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
}

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
