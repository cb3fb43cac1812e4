// Division lists for the area picker, cached for the session: they do not change while the app runs.
import { listAreas, type Area } from '@doorstep/shared';
import { request } from './request';

const cache = new Map<string, Promise<Area[]>>();

export function loadAreas(parent?: string): Promise<Area[]> {
  const key = parent ?? '';
  let pending = cache.get(key);
  if (!pending) {
    pending = request(listAreas, { query: parent ? { parent } : {} }).then((r) => r.items);
    pending.catch(() => cache.delete(key)); // a failed load can be tried again
    cache.set(key, pending);
  }
  return pending;
}
