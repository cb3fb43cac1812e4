import * as z from 'zod/mini';
import { defineContract } from './contract';

/** What a photo is for; the key's first segment, so a key can only be used for its purpose. */
export const UPLOAD_PURPOSES = ['licences', 'evidence', 'complaints'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** `<purpose>/<uploader's user id>/<ulid>.<jpg|png>`: a key names its owner, so nobody can attach another person's photo. */
export const UPLOAD_KEY_PATTERN = /^(licences|evidence|complaints)\/[0-9A-HJKMNP-TV-Z]{26}\/[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png)$/;

export function uploadKeySchema(purpose: UploadPurpose, message: string) {
  return z.string().check(
    z.regex(UPLOAD_KEY_PATTERN, { message, abort: true }),
    z.refine((k) => k.startsWith(`${purpose}/`), message),
  );
}

export function uploadOwner(key: string): string {
  return key.split('/')[1] ?? '';
}

export const createUploadBodySchema = z.strictObject({
  purpose: z.enum(UPLOAD_PURPOSES),
  contentType: z.enum(UPLOAD_CONTENT_TYPES, '只能上传 JPG 或 PNG 图片'),
  size: z.number().check(z.int(), z.gte(1, '图片是空的'), z.lte(UPLOAD_MAX_BYTES, '图片不能超过5MB，请压缩后再传')),
});
export type CreateUploadBody = z.infer<typeof createUploadBodySchema>;

export const uploadTargetSchema = z.object({
  key: z.string(),
  /**
   * A multipart/form-data POST target (what wx.uploadFile sends): `fields` first, then the file
   * as `file`. Absolute for object storage; a path under the API base on the local stage.
   */
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type UploadTarget = z.infer<typeof uploadTargetSchema>;

export const createUpload = defineContract({
  id: 'createUpload',
  method: 'POST',
  path: '/uploads',
  summary: '申请上传一张图片（营业执照、证明材料）：返回表单上传地址，10分钟内有效',
  auth: 'user',
  consents: ['privacy'],
  body: createUploadBodySchema,
  response: z.object({ upload: uploadTargetSchema }),
  successStatus: 201,
  errors: [400, 401],
});

/**
 * A photo a page was allowed to show (evidence, a licence, a complaint's photo): the domain that
 * checked the reader's right signs a five-minute link to this route, which sends the reader on to
 * the object store's own short-lived address (302). Only this route's function holds the right to
 * read the bucket.
 */
export const viewFile = defineContract({
  id: 'viewFile',
  method: 'GET',
  path: '/files/view',
  summary: '查看一张图片：页面拿到的5分钟有效链接，校验后跳转（302）到图片的临时地址；过期或无效返回404',
  auth: 'public',
  query: z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(2000)) }),
  response: z.object({}),
  successStatus: 302,
  errors: [404],
});
