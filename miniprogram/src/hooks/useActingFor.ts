// Whom this phone is acting for (亲情代办), re-rendering when acting starts or ends anywhere.
import { useSyncExternalStore } from 'react';
import type { ActingFor } from '@doorstep/shared';
import { actingNow, subscribeActing } from '../services/session';

export function useActingFor(): ActingFor | undefined {
  return useSyncExternalStore(subscribeActing, actingNow, actingNow);
}
