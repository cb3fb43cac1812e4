// Each jest project that needs shared servers names this as its global setup: jest runs it only
// when a test of that project is selected. Under `npm test` the servers already run (the
// variables are set) and nothing starts here; a jest run on its own starts what its projects need.
import type { Config } from 'jest';
import { startShared, TIER_NEEDS } from '../sharedStack';

export default async function globalSetup(_global: unknown, project: Config & { displayName?: string | { name: string } }): Promise<void> {
  const name = typeof project.displayName === 'string' ? project.displayName : project.displayName?.name;
  await startShared(TIER_NEEDS[name ?? ''] ?? []);
}
