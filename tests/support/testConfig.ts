// Configuration for code under test: test-only keys, and a table of the suite's own.
import { randomBytes } from 'node:crypto';

export function testEnvironment(tableName: string): Record<string, string> {
  return {
    STAGE: 'test',
    TABLE_NAME: tableName,
    AWS_REGION: 'cn-north-1',
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
    JWT_SECRET: 'test-only-session-secret-0123456789abcdef',
    ID_ENCRYPTION_KEY: Buffer.from('test-only-id-encryption-key-32by').toString('base64'),
    ID_HMAC_KEY: Buffer.from('test-only-id-blind-index-key-32b').toString('base64'),
    CLOUDBASE_TICKET_SECRET: 'test-only-cloudbase-ticket-secret-0123456789',
    WECHAT_APPID: 'wx-test-appid',
    WECHAT_SECRET: 'wx-test-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
