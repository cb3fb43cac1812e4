// The object store, built once per container. Kept apart from deps.ts, and loaded on first use,
// so only the functions that handle photos pay for the S3 client at cold start, and only when
// they touch a photo.
import { getConfig } from '../config';
import type { LocalUploadReceiver, ObjectStore } from '../adapters/objectStore';
import { viewLink } from './viewLinks';

let store: Promise<ObjectStore & Partial<LocalUploadReceiver>> | undefined;

export function getObjectStore(): Promise<ObjectStore & Partial<LocalUploadReceiver>> {
  store ??= import('../adapters/objectStore')
    .then(({ createLocalObjectStore, createS3ObjectStore }) => {
      const c = getConfig();
      return c.UPLOAD_STORE === 'local' ? createLocalObjectStore(c.UPLOAD_DIR, c.JWT_SECRET) : createS3ObjectStore(c.UPLOAD_BUCKET, c.AWS_REGION, c.UPLOAD_PUBLIC_HOST);
    })
    .catch((err: unknown) => {
      store = undefined; // a failed load is tried again on the next request, not remembered
      throw err;
    });
  return store;
}

/** Links to view stored keys (evidence photos, licences), through GET /files/view: no store is loaded here. */
export async function viewUrls(keys: readonly string[]): Promise<{ key: string; url: string }[]> {
  return Promise.all(keys.map(async (key) => ({ key, url: await viewLink(key) })));
}
