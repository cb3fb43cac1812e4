// The hourly erasure run of closed accounts (a schedule in AWS; `npm start` runs it every hour
// too). A handler of its own so that the identity function does not carry the erasure's imports.
import { logger } from '../logger';
import { eraseDue } from './erasure';

export async function eraseDueAccounts(): Promise<void> {
  const done = await eraseDue();
  logger.info('erasure run', { accounts: done.length });
}
