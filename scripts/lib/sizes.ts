// Sizes the build tests check and the benchmarks report: the weapp packages and the Lambda bundles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, ROOT } from './processes';

export const WEAPP_DIST = join(ROOT, 'miniprogram', 'dist', 'weapp');
export const PACKAGE_DIR = join(ROOT, '.serverless');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Bytes of the weapp main package and of each subpackage (app.json's subPackages roots). */
export function weappPackageSizes(dist = WEAPP_DIST): { main: number; subpackages: Record<string, number>; total: number } {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) as Record<string, number>, total: 0 };
  for (const file of files(dist)) {
    const size = statSync(file).size;
    const root = roots.find((r) => relative(dist, file).startsWith(r));
    if (root) sizes.subpackages[root] += size;
    else sizes.main += size;
    sizes.total += size;
  }
  return sizes;
}

export function buildWeapp(): void {
  const r = spawnSync(bin('taro'), ['build', '--type', 'weapp'], {
    cwd: join(ROOT, 'miniprogram'),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`weapp build failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
}

export function packageProd(): void {
  const r = spawnSync(bin('serverless'), ['package', '--stage', 'prod'], {
    cwd: ROOT,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`serverless package failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
}

/** Uncompressed size of each function's bundle, read from its zip's central directory. */
export function lambdaBundleSizes(dir = PACKAGE_DIR): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.zip'))) {
    const zip = readFileSync(join(dir, name));
    let total = 0;
    // Central directory entries start with PK\1\2; the uncompressed size sits 24 bytes in.
    for (let i = zip.indexOf('PK\x01\x02'); i >= 0; i = zip.indexOf('PK\x01\x02', i + 4)) total += zip.readUInt32LE(i + 24);
    sizes[name.replace(/\.zip$/, '')] = total;
  }
  return sizes;
}
