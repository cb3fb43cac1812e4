// Configuration for code under test: the test stage's keys, read from serverless.yml's
// `params.test` (the same values `serverless offline --stage test` runs with), and a table of
// the suite's own.
import { randomBytes } from 'node:crypto';
import { readServerlessYml } from '../../scripts/lib/table';

const params = readServerlessYml().params.test;

export function testEnvironment(tableName: string): Record<string, string> {
  return {
    STAGE: 'test',
    TABLE_NAME: tableName,
    AWS_REGION: 'cn-north-1',
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
    JWT_SECRET: String(params.jwtSecret),
    ID_ENCRYPTION_KEY: String(params.idEncryptionKey),
    ID_HMAC_KEY: String(params.idHmacKey),
    CLOUDBASE_TICKET_SECRET: String(params.cloudbaseTicketSecret),
    WECHAT_APPID: String(params.wechatAppId),
    WECHAT_SECRET: String(params.wechatSecret),
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    UPLOAD_STORE: String(params.uploadStore),
    UPLOAD_DIR: '.data/test-uploads',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
