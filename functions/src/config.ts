// Configuration, parsed once at cold start. Nothing else in functions/ reads process.env.
import * as z from 'zod';

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, '须为 base64 编码的 32 字节密钥');

export const configSchema = z.object({
  STAGE: z.string().min(1),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().default('cn-north-1'),
  /** Only for DynamoDB Local; unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  JWT_SECRET: z.string().min(32, '会话签名密钥至少32个字符'),
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  ID_ENCRYPTION_KEY: base64Key,
  ID_HMAC_KEY: base64Key,
  WECHAT_APPID: z.string().default(''),
  WECHAT_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  CLOUDBASE_TICKET_SECRET: z.string().min(32),
  /** Photos: S3 in AWS; a folder on disk in the local and test stages. */
  UPLOAD_STORE: z.enum(['s3', 'local']).default('s3'),
  UPLOAD_BUCKET: z.string().default(''),
  UPLOAD_DIR: z.string().default('.data/uploads'),
  /** Subscription messages: WeChat in AWS; a log file in the local and test stages. */
  MESSAGE_SENDER: z.enum(['wechat', 'log']).default('wechat'),
  MESSAGE_LOG: z.string().default('.data/messages.log'),
  /** The subscription-message template ids configured in the mini-program's admin console. */
  TEMPLATE_NEW_MATCH: z.string().default(''),
  TEMPLATE_APPLICATION_UPDATE: z.string().default(''),
  /** Video interview rooms: the meeting server whose room links the meeting adapter makes. */
  MEETING_ROOM_BASE: z.url().default('http://localhost:10086/rooms/'),
  /** Ed25519 private key (PKCS#8 DER, base64) signing voucher holder codes. */
  VOUCHER_CODE_KEY: z.string().min(40, '券码签名私钥缺失'),
  /** The settlement work queue's URL in AWS; `local`: the stand-in kept in the table (scripts/lib/localQueue.ts). */
  SETTLEMENT_QUEUE: z.string().default('local'),
  /** The policy queue (a new policy matched against its area's people, a chunk a message); `local` as above. */
  POLICY_QUEUE: z.string().default('local'),
  /** The ICP-filed host photos are uploaded to and served from (CloudFront before the bucket); empty: the S3 host. */
  UPLOAD_PUBLIC_HOST: z.string().default(''),
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
