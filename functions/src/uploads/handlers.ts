// POST /uploads, GET /files/view (a signed link to a photo → the store's own short-lived address),
// and on the local stage only the routes that stand in for S3:
// POST /local-uploads (the form) and GET /local-uploads/{key+} (viewing).
import Busboy from 'busboy';
import { ulid } from 'ulid';
import { createUpload, UPLOAD_MAX_BYTES, viewFile } from '@doorstep/shared';
import { ForbiddenError, NotFoundError, ValidationError } from '../http/errors';
import { errorResponse, httpHandler, type HttpEvent, type HttpResult, type RouteHandler } from '../http/handler';
import { getObjectStore } from './store';
import { keyOfViewLink } from './viewLinks';

export const create = httpHandler(createUpload, async ({ principal, body }) => {
  const ext = body.contentType === 'image/png' ? 'png' : 'jpg';
  const key = `${body.purpose}/${principal.userId}/${ulid()}.${ext}`;
  const form = await (await getObjectStore()).uploadForm(key, body.contentType, UPLOAD_MAX_BYTES);
  return { upload: { key, ...form } };
});

/** A redirect, not JSON: the link's key verified, the reader is sent to the store's address for it (never cached). */
export const view: RouteHandler = Object.assign(
  async (event: HttpEvent): Promise<HttpResult> => {
    const key = await keyOfViewLink(event.queryStringParameters?.token ?? '');
    if (!key) return errorResponse(new NotFoundError('图片链接已过期，请返回上一页刷新后再看'));
    const url = await (await getObjectStore()).viewUrl(key);
    // The local stand-in answers a path under the API base (which may sit under a prefix): said
    // relative to this route's own path (…/files/view), it lands beside it wherever the API is served.
    const location = url.startsWith('/') ? `..${url}` : url;
    return { statusCode: 302, headers: { location, 'cache-control': 'no-store' } };
  },
  { contract: viewFile },
);

// These two are plain Lambda handlers (a multipart body and an image are not JSON contracts);
// their errors still take the API's shape.
const invalid = (message: string) => errorResponse(new ValidationError([{ path: ['file'], message }], message));

function parseMultipart(event: HttpEvent): Promise<{ fields: Record<string, string>; file?: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let file: Buffer | undefined;
    let truncated = false;
    const bb = Busboy({ headers, limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10 } });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (_name, stream) => {
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => (truncated = true));
      stream.on('end', () => (file = Buffer.concat(chunks)));
    });
    bb.on('close', () => resolve({ fields, file, truncated }));
    bb.on('error', reject);
    bb.end(Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8'));
  });
}

export async function localReceive(event: HttpEvent): Promise<HttpResult> {
  const store = await getObjectStore();
  if (!store.receive) return errorResponse(new NotFoundError('找不到该地址'));
  let parsed;
  try {
    parsed = await parseMultipart(event);
  } catch {
    return invalid('上传内容无效');
  }
  if (!parsed.file) return invalid('没有收到图片');
  if (parsed.truncated) return invalid('图片不能超过5MB');
  const result = await store.receive(parsed.fields, parsed.file);
  if (result === 'forbidden') return errorResponse(new ForbiddenError('上传地址已过期，请重新选择图片'));
  if (result === 'too_large') return invalid('图片大小不符');
  return { statusCode: 204 };
}

export async function localServe(event: HttpEvent): Promise<HttpResult> {
  const store = await getObjectStore();
  const key = event.pathParameters?.key ?? '';
  const found = store.read ? await store.read(key, event.queryStringParameters?.token ?? '') : undefined;
  if (!found) return errorResponse(new NotFoundError('图片不存在或链接已过期'));
  return {
    statusCode: 200,
    headers: { 'content-type': found.contentType, 'cache-control': 'private, max-age=300' },
    body: found.body.toString('base64'),
    isBase64Encoded: true,
  };
}
