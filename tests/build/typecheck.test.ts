// Every workspace compiles under strict TypeScript (jest's swc and Taro's babel only strip types).
import { spawnSync } from 'node:child_process';
import { bin, ROOT } from '../../scripts/lib/processes';

jest.setTimeout(240_000);

describe('TypeScript', () => {
  it.each(['shared', 'functions', 'miniprogram', 'tests'])('%s type-checks', (workspace) => {
    const r = spawnSync(bin('tsc'), ['-p', workspace, '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
