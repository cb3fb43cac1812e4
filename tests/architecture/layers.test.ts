// The dependency direction the design fixes, checked by dependency-cruiser on the real imports.
import { spawnSync } from 'node:child_process';
import { bin, ROOT } from '../../scripts/lib/processes';

jest.setTimeout(120_000);

describe('layers', () => {
  it('keeps shared pure and the mini-program and the functions apart', () => {
    const r = spawnSync(bin('depcruise'), ['shared/src', 'functions/src', 'functions/cloudbase', 'miniprogram/src', '--config', '.dependency-cruiser.js', '--output-type', 'err'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });
});
