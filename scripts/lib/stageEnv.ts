// The environment a stage's functions run with, from serverless.yml's `params.<stage>` (what
// `serverless offline --stage <stage>` gives them), for code that runs them in-process: the
// tests, and the local stack's outbox sweep (the local stage has no table stream).
import { readServerlessYml } from './table';

export function stageEnvironment(stage: 'local' | 'test', tableName: string, dynamoEndpoint: string): Record<string, string> {
  const all = readServerlessYml().params;
  const params = { ...all.default, ...all[stage] };
  return {
    STAGE: stage,
    TABLE_NAME: tableName,
    AWS_REGION: 'cn-north-1',
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    JWT_SECRET: String(params.jwtSecret),
    ID_ENCRYPTION_KEY: String(params.idEncryptionKey),
    ID_HMAC_KEY: String(params.idHmacKey),
    CLOUDBASE_TICKET_SECRET: String(params.cloudbaseTicketSecret),
    WECHAT_APPID: String(params.wechatAppId ?? ''),
    WECHAT_SECRET: String(params.wechatSecret ?? ''),
    UPLOAD_STORE: String(params.uploadStore),
    MESSAGE_SENDER: String(params.messageSender),
    TEMPLATE_NEW_MATCH: String(params.templateNewMatch),
    TEMPLATE_APPLICATION_UPDATE: String(params.templateApplicationUpdate),
    VOUCHER_CODE_KEY: String(params.voucherCodeKey),
    MEETING_ROOM_BASE: String(params.meetingRoomBase),
    SETTLEMENT_QUEUE: String(params.settlementQueue),
    ACCESS_FLAG_PER_HOUR: String(params.accessFlagPerHour),
    POWERTOOLS_METRICS_NAMESPACE: 'DoorstepJobs',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
