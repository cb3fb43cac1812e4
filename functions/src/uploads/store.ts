// The object store, built once per container. Kept apart from deps.ts so only the functions
// that handle photos load the S3 presigners.
import { getConfig } from '../config';
import { createLocalObjectStore, createS3ObjectStore, type LocalUploadReceiver, type ObjectStore } from '../adapters/objectStore';

let store: (ObjectStore & Partial<LocalUploadReceiver>) | undefined;

export function getObjectStore(): ObjectStore & Partial<LocalUploadReceiver> {
  if (!store) {
    const c = getConfig();
    store = c.UPLOAD_STORE === 'local' ? createLocalObjectStore(c.UPLOAD_DIR, c.JWT_SECRET) : createS3ObjectStore(c.UPLOAD_BUCKET, c.AWS_REGION);
  }
  return store;
}

/** View URLs for stored keys (evidence photos, licences). */
export async function viewUrls(keys: readonly string[]): Promise<{ key: string; url: string }[]> {
  const s = getObjectStore();
  return Promise.all(keys.map(async (key) => ({ key, url: await s.viewUrl(key) })));
}
