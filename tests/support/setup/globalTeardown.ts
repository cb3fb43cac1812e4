// Stops what this jest run's global setups started (nothing, under npm test).
import { stopShared } from '../sharedStack';

export default async function globalTeardown(): Promise<void> {
  await stopShared();
}
