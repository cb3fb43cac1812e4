// Loads every function of a local `serverless offline` once, four routes at a time, so that the
// first people to use the stack (or the first test suite) do not wait for bundles to load: each
// route answers even without a token (401, 404 or its own answer).
import { allContracts } from '@doorstep/shared';

export async function warmUp(baseUrl: string): Promise<void> {
  const routes = allContracts.map((c) => [c.method, c.path.replace(/\{[^}]+\}/g, 'x')] as const);
  for (let i = 0; i < routes.length; i += 4) {
    await Promise.all(routes.slice(i, i + 4).map(([method, path]) => fetch(`${baseUrl}${path}`, { method }).then((r) => r.arrayBuffer())));
  }
}
