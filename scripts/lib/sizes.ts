// Sizes the build tests check and the benchmarks report: the weapp packages and the Lambda bundles.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bin, ROOT } from './processes';

export const WEAPP_DIST = join(ROOT, 'miniprogram', 'dist', 'weapp');
/**
 * Where the tests and the benchmarks package the prod template: a folder (and an esbuild work
 * folder) of their own, so a `serverless offline` or `npm run package` running beside them cannot
 * mix its files into what they measure (a full test run once read a bundle at three times its size).
 */
export const PACKAGE_DIR = join(ROOT, '.serverless-prod');

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

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

/**
 * WeChat's own code-quality scan (DevTools 代码质量) over the weapp build, by `miniprogram-ci`'s
 * `checkCodeQuality`, in a child process (the tool keeps handles open). It reads no key, but its
 * Project wants a key file's path: an empty one stands in.
 */
export function codeQualityScan(): QualityItem[] {
  const key = join(mkdtempSync(join(tmpdir(), 'mp-quality-')), 'no-key');
  writeFileSync(key, '');
  const script = `
    const ci = require('miniprogram-ci');
    const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: process.argv[1], privateKeyPath: process.argv[2], ignores: ['node_modules/**/*'] });
    ci.checkCodeQuality(project).then(
      (items) => { process.stdout.write('@@QUALITY@@' + JSON.stringify(items.map(({ name, success, text }) => ({ name, success, text })))); process.exit(0); },
      (err) => { console.error(err); process.exit(1); },
    );`;
  const r = spawnSync(process.execPath, ['-e', script, join(ROOT, 'miniprogram'), key], { cwd: join(ROOT, 'miniprogram'), encoding: 'utf8', timeout: 120_000 });
  const out = r.stdout.split('@@QUALITY@@')[1];
  if (r.status !== 0 || !out) throw new Error(`miniprogram-ci checkCodeQuality failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
  return JSON.parse(out) as QualityItem[];
}

export function packageProd(dir = PACKAGE_DIR, config = 'serverless.yml'): void {
  const r = spawnSync(bin('serverless'), ['package', '--stage', 'prod', '--package', dir, '--config', config], {
    cwd: ROOT,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', ESBUILD_WORK_FOLDER: `.esbuild-package${dir === PACKAGE_DIR ? '' : '-copy'}` },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`serverless package failed:\n${(r.stdout + r.stderr).slice(-4000)}`);
}

/** Where the copy with three times the routes is packaged. */
export const PACKAGE_3X_DIR = join(ROOT, '.serverless-3x');

/**
 * The prod package of a copy of serverless.yml with three times today's routes: beside each
 * `httpApi` route two generated ones on the same function (`GET /gigs/{id}` → `GET /gigs/{id}/g2`,
 * `GET /gigs/{id}/g3`), as the next capabilities will add theirs to the bounded contexts.
 * Returns the number of routes it declared.
 */
export function packageTripledRoutes(): number {
  const text = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  let routes = 0;
  const tripled = text.replace(/^(\s+- httpApi: ')([A-Z]+) (\/[^'+]*)'$/gm, (line, start: string, method: string, path: string) => {
    routes += 3;
    return [line, `${start}${method} ${path.replace(/\/$/, '')}/g2'`, `${start}${method} ${path.replace(/\/$/, '')}/g3'`].join('\n');
  });
  const config = 'serverless.tripled.yml';
  writeFileSync(join(ROOT, config), tripled);
  try {
    packageProd(PACKAGE_3X_DIR, config);
  } finally {
    rmSync(join(ROOT, config), { force: true });
  }
  return routes;
}

/** Uncompressed size of each function's bundle, read from its zip's central directory. */
export function lambdaBundleSizes(dir = PACKAGE_DIR): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.zip'))) sizes[name.replace(/\.zip$/, '')] = unzippedSize(readFileSync(join(dir, name)));
  return sizes;
}

/**
 * The sum of a zip's entries' uncompressed sizes, walking its central directory from the end
 * record (never searching the compressed data, where the signature can occur by chance).
 */
function unzippedSize(zip: Buffer): number {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('not a zip: bad central directory');
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
