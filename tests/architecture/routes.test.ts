// One Lambda per bounded context: the routes serverless.yml gives each HTTP function are exactly
// the ones its router (`api.ts`) serves, and every contract is served by exactly one function.
import { join } from 'node:path';
import { allContracts } from '@doorstep/shared';
import { readServerlessYml } from '../../scripts/lib/table';

type Fn = { handler: string; events?: { httpApi?: string }[] };
const deployed = readServerlessYml().functions[0] as Record<string, Fn>;
const httpFunctions = Object.entries(deployed).filter(([, fn]) => fn.events?.some((e) => e.httpApi));

describe('domain routers', () => {
  it.each(httpFunctions)('%s serves exactly the routes serverless.yml gives it', async (_name, fn) => {
    const [file, exported] = fn.handler.split(/\.(?=[^.]+$)/);
    const mod = (await import(join(__dirname, '..', '..', file))) as Record<string, { routes?: string[] }>;
    const declared = fn.events!.flatMap((e) => (e.httpApi ? [e.httpApi] : [])).sort();
    expect(mod[exported].routes?.sort()).toEqual(declared);
  });

  it('routes every contract (but the dev login) through exactly one function', () => {
    const declared = httpFunctions.flatMap(([, fn]) => fn.events!.flatMap((e) => (e.httpApi && e.httpApi !== '*' ? [e.httpApi] : []))).sort();
    const contracts = allContracts.filter((c) => c.id !== 'devLogin').map((c) => `${c.method} ${c.path}`).sort();
    expect(declared).toEqual(contracts);
  });

  it('sends what no route matches ($default) to the platform function, the only one', () => {
    const fallbacks = httpFunctions.filter(([, fn]) => fn.events!.some((e) => e.httpApi === '*')).map(([name]) => name);
    expect(fallbacks).toEqual(['platform']);
  });

  it('answers 404 with a Chinese message, not a crash, for a route key its function does not serve', async () => {
    const { handler } = await import('../../functions/src/figures/api');
    const r = await handler({ routeKey: 'GET /nowhere', headers: {} } as never);
    expect(r.statusCode).toBe(404);
    expect(JSON.parse(String(r.body)).error.message).toBe('没有这个接口');
  });
});
