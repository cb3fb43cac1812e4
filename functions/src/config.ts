// Configuration, parsed once at cold start. Nothing else in functions/ reads process.env.
import * as z from 'zod/mini';
import { ACCESS_FLAG_PER_HOUR } from '@doorstep/shared';

const base64Key = z.string().check(z.refine((v) => Buffer.from(v, 'base64').length === 32, '须为 base64 编码的 32 字节密钥'));

export const configSchema = z.object({
  STAGE: z.string().check(z.minLength(1)),
  TABLE_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: z._default(z.string(), 'cn-north-1'),
  /** Only for DynamoDB Local; unset in AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  JWT_SECRET: z.string().check(z.minLength(32, '会话签名密钥至少32个字符')),
  SESSION_TTL_SECONDS: z._default(z.coerce.number().check(z.int(), z.positive()), 7 * 24 * 3600),
  ID_ENCRYPTION_KEY: base64Key,
  ID_HMAC_KEY: base64Key,
  WECHAT_APPID: z._default(z.string(), ''),
  WECHAT_SECRET: z._default(z.string(), ''),
  WECHAT_API_BASE: z._default(z.url(), 'https://api.weixin.qq.com'),
  CLOUDBASE_TICKET_SECRET: z.string().check(z.minLength(32)),
  /** Photos: S3 in AWS; a folder on disk in the local and test stages. */
  UPLOAD_STORE: z._default(z.enum(['s3', 'local']), 's3'),
  UPLOAD_BUCKET: z._default(z.string(), ''),
  UPLOAD_DIR: z._default(z.string(), '.data/uploads'),
  /** Subscription messages: WeChat in AWS; a log file in the local and test stages. */
  MESSAGE_SENDER: z._default(z.enum(['wechat', 'log']), 'wechat'),
  MESSAGE_LOG: z._default(z.string(), '.data/messages.log'),
  /** The subscription-message template ids configured in the mini-program's admin console. */
  TEMPLATE_NEW_MATCH: z._default(z.string(), ''),
  TEMPLATE_APPLICATION_UPDATE: z._default(z.string(), ''),
  /** Video interview rooms: the meeting server whose room links the meeting adapter makes. */
  MEETING_ROOM_BASE: z._default(z.url(), 'http://localhost:10086/rooms/'),
  /** Ed25519 private key (PKCS#8 DER, base64) signing voucher holder codes. */
  VOUCHER_CODE_KEY: z.string().check(z.minLength(40, '券码签名私钥缺失')),
  /** The settlement work queue's URL in AWS; `local`: the stand-in kept in the table (scripts/lib/localQueue.ts). */
  SETTLEMENT_QUEUE: z._default(z.string(), 'local'),
  /** The policy queue (a new policy matched against its area's people, a chunk a message); `local` as above. */
  POLICY_QUEUE: z._default(z.string(), 'local'),
  /** The ledger queue (a street's imported ledger, a part a message); `local` as above. */
  LEDGER_QUEUE: z._default(z.string(), 'local'),
  /** The subsidy queue (a notice's roster and parts, its end); `local` as above. */
  SUBSIDY_QUEUE: z._default(z.string(), 'local'),
  /** The ICP-filed host photos are uploaded to and served from (CloudFront before the bucket); empty: the S3 host. */
  UPLOAD_PUBLIC_HOST: z._default(z.string(), ''),
  /** 访问记录: more different people's ID-backed records than this in an hour flags the officer (a locality's choice; 100 unless set). */
  ACCESS_FLAG_PER_HOUR: z._default(z.coerce.number().check(z.int(), z.positive()), ACCESS_FLAG_PER_HOUR),
});
export type Config = z.infer<typeof configSchema>;

/** Stages where test-only routes (dev login) exist. */
export const DEV_STAGES = ['local', 'test'];

let cached: Config | undefined;

export function getConfig(): Config {
  if (!cached) {
    const parsed = configSchema.safeParse(process.env);
    if (!parsed.success) {
      // Fail fast, naming the variables but never their values.
      const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new Error(`Invalid configuration: ${names}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests that change the environment call this so the next getConfig() reads it again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
