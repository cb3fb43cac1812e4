// Whether 关怀模式 is on; re-renders the page when it is switched anywhere.
import { useSyncExternalStore } from 'react';
import { careModeOn, subscribeCareMode } from '../services/careMode';

export function useCareMode(): boolean {
  return useSyncExternalStore(subscribeCareMode, careModeOn, careModeOn);
}
