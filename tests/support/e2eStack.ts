// What every browser suite opens on the run's shared stack (the H5 build, the API and Chromium are
// started once per run: tests/support/sharedStack.ts): the API over the suite's own table, an H5
// server of its own in front of it, and a connection to the shared Chromium. `stop` closes
// whatever was opened, in reverse.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startH5Server } from '../../scripts/lib/h5Server';
import { freePort, ROOT } from '../../scripts/lib/processes';
import { launchBrowser, phoneOf } from './browser';
import { apiClient } from './http';
import { startApi, type RunningApi } from './localStack';
import { uniqueTableName } from './testConfig';

export interface E2eStack {
  api: RunningApi;
  client: ReturnType<typeof apiClient>;
  tableName: string;
  /** Where the H5 app is served. */
  baseUrl: string;
  browser: Browser;
  /**
   * A phone signed in as `openid` by someone who has already agreed to the privacy guide (and
   * the separate consents) — everyone but the first-use suite starts there.
   */
  phone(openid: string, geolocation?: { latitude: number; longitude: number }): Promise<Page>;
  stop(): Promise<void>;
}

export async function startE2e(name: string): Promise<E2eStack> {
  const tableName = uniqueTableName(`e2e-${name}`);
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const api = await startApi({ tableName });
    stops.push(() => api.stop());
    const port = await freePort();
    const h5: Server = await startH5Server({ root: join(ROOT, 'miniprogram', 'dist', 'h5'), port, apiBase: api.baseUrl });
    stops.push(() => new Promise((r) => h5.close(r)));
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    const client = apiClient(api.baseUrl);
    const phone = async (openid: string, geolocation?: { latitude: number; longitude: number }) => {
      await client.devLogin(openid);
      return phoneOf(browser, openid, geolocation);
    };
    return { api, client, tableName, baseUrl: `http://127.0.0.1:${port}`, browser, phone, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export { approveInQueue } from './reviews';
