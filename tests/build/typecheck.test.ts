// Every workspace compiles under strict TypeScript (jest's swc and Taro's babel only strip types).
// The four compilers run side by side (each is single-threaded; they used to take 75 s in a row).
import { execFile } from 'node:child_process';
import { bin, ROOT } from '../../scripts/lib/processes';

jest.setTimeout(240_000);

const WORKSPACES = ['shared', 'functions', 'miniprogram', 'tests'] as const;
const runs = new Map<string, Promise<{ output: string; failed: boolean }>>();

beforeAll(() => {
  for (const workspace of WORKSPACES) {
    runs.set(
      workspace,
      new Promise((resolve) =>
        execFile(bin('tsc'), ['-p', workspace, '--noEmit'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
          resolve({ output: stdout + stderr, failed: !!err }),
        ),
      ),
    );
  }
});

describe('TypeScript', () => {
  it.each(WORKSPACES)('%s type-checks', async (workspace) => {
    const r = await runs.get(workspace)!;
    expect(r.output).toBe('');
    expect(r.failed).toBe(false);
  });
});
