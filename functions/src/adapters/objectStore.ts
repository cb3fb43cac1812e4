// Object storage for photos (licences, evidence). Browsers and wx.uploadFile send a
// multipart/form-data POST, so an upload target is a form: S3's presigned POST in AWS, and in
// the local stage a form the local-uploads function receives onto disk. Both sign the limits
// (key, content type, size) so a client cannot widen them.
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { S3Client, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignJWT, jwtVerify } from 'jose';

export interface UploadForm {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export interface ObjectStore {
  uploadForm(key: string, contentType: string, maxBytes: number): Promise<UploadForm>;
  /** A short-lived URL to view the object. */
  viewUrl(key: string): Promise<string>;
  /** Deletes every object under a prefix (a person's photos when their account is erased); returns how many. */
  removeAll(prefix: string): Promise<number>;
}

const UPLOAD_TTL_SECONDS = 600;
const VIEW_TTL_SECONDS = 300;

/**
 * WeChat only calls ICP-filed https hosts, so in China the links go out on our own files domain
 * (CloudFront in front of the bucket, serverless.yml `FilesDistribution`): the signature was made
 * for the bucket's host, which CloudFront presents to S3, so only the origin in the URL changes.
 */
export function onPublicHost(url: string, publicHost: string): string {
  if (!publicHost) return url;
  const u = new URL(url);
  u.protocol = 'https:';
  u.host = publicHost;
  return u.toString();
}

export function createS3ObjectStore(bucket: string, region: string, publicHost = ''): ObjectStore {
  const s3 = new S3Client({ region });
  return {
    async uploadForm(key, contentType, maxBytes) {
      const { url, fields } = await createPresignedPost(s3, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', 1, maxBytes],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: UPLOAD_TTL_SECONDS,
      });
      return { url: onPublicHost(url, publicHost), fields, expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
    },
    async viewUrl(key) {
      return onPublicHost(await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: VIEW_TTL_SECONDS }), publicHost);
    },
    async removeAll(prefix) {
      let removed = 0;
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length) {
          const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
          if (out.Errors?.length) throw new Error(`S3 kept ${out.Errors.length} objects under ${prefix}: ${out.Errors[0].Code}`);
          removed += keys.length;
        }
        token = page.NextContinuationToken;
      } while (token);
      return removed;
    },
  };
}

/** The local stage: files under `dir`, reached through the local-uploads routes with signed tokens. */
export function createLocalObjectStore(dir: string, secret: string): ObjectStore & LocalUploadReceiver {
  const key = new TextEncoder().encode(secret);
  const sign = (claims: Record<string, unknown>, ttl: number) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setAudience('doorstep-jobs:local-upload').setExpirationTime(`${ttl}s`).sign(key);
  const verify = async (token: string) => (await jwtVerify(token, key, { audience: 'doorstep-jobs:local-upload', algorithms: ['HS256'] })).payload;
  const fileOf = (objectKey: string) => {
    const file = path.resolve(dir, objectKey);
    if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error('key escapes the upload folder');
    return file;
  };
  return {
    async uploadForm(objectKey, contentType, maxBytes) {
      const token = await sign({ key: objectKey, contentType, maxBytes, op: 'put' }, UPLOAD_TTL_SECONDS);
      return {
        url: '/local-uploads',
        fields: { key: objectKey, 'Content-Type': contentType, token },
        expiresAt: new Date(Date.now() + UPLOAD_TTL_SECONDS * 1000).toISOString(),
      };
    },
    async viewUrl(objectKey) {
      const token = await sign({ key: objectKey, op: 'get' }, VIEW_TTL_SECONDS);
      return `/local-uploads/${objectKey}?token=${encodeURIComponent(token)}`;
    },
    async receive(fields, file) {
      let claims;
      try {
        claims = await verify(fields.token ?? '');
      } catch {
        return 'forbidden';
      }
      if (claims.op !== 'put' || claims.key !== fields.key || claims.contentType !== fields['Content-Type']) return 'forbidden';
      if (file.length < 1 || file.length > Number(claims.maxBytes)) return 'too_large';
      const target = fileOf(String(claims.key));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file);
      await writeFile(`${target}.type`, String(claims.contentType));
      return 'stored';
    },
    async removeAll(prefix) {
      const folder = fileOf(prefix.replace(/\/+$/, ''));
      const count = await readdir(folder).then((files) => files.filter((f) => !f.endsWith('.type')).length, () => 0);
      await rm(folder, { recursive: true, force: true });
      return count;
    },
    async read(objectKey, token) {
      try {
        const claims = await verify(token);
        if (claims.op !== 'get' || claims.key !== objectKey) return undefined;
        const file = fileOf(objectKey);
        await stat(file);
        return { body: await readFile(file), contentType: await readFile(`${file}.type`, 'utf8') };
      } catch {
        return undefined;
      }
    },
  };
}

export interface LocalUploadReceiver {
  receive(fields: Record<string, string>, file: Buffer): Promise<'stored' | 'forbidden' | 'too_large'>;
  read(key: string, token: string): Promise<{ body: Buffer; contentType: string } | undefined>;
}
