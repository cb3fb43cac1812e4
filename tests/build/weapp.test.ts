// The real weapp build (what gets uploaded to WeChat), checked against WeChat's package limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeapp, codeQualityScan, weappPackageSizes, WEAPP_DIST } from '../../scripts/lib/sizes';

jest.setTimeout(240_000);

const KiB = 1024;
/** The main package (WeChat's hard limit is 2 MB): 500 KiB leaves room for what every role opens first (issue 30: 455 KiB). Raise it on purpose, not by drift. */
const MAIN_PACKAGE_BUDGET = 500 * KiB;

beforeAll(() => buildWeapp());

describe('weapp build', () => {
  it('lists every page of the app', () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8'));
    expect(app.pages).toEqual(['pages/index/index']);
    // Everything else loads when first opened, registration first among them.
    expect(app.subPackages.find((s: { root: string }) => s.root === 'registration')).toMatchObject({ pages: ['form/index', 'mine/index'] });
  });

  it(`keeps the main package within its ${MAIN_PACKAGE_BUDGET / KiB} KiB budget and every package under WeChat's 2 MB`, () => {
    const { main, subpackages, total } = weappPackageSizes();
    expect(main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
    for (const size of Object.values(subpackages)) expect(size).toBeLessThanOrEqual(2 * 1024 * KiB);
    expect(total).toBeLessThanOrEqual(30 * 1024 * KiB);
  });

  it('ships one language of zod messages, not all of them', () => {
    const vendors = readFileSync(join(WEAPP_DIST, 'vendors.js'), 'utf8');
    expect(vendors).not.toContain('Ongeldige invoer'); // Dutch: the locale index was not swapped
  });

  it('speaks Chinese in its form errors: zod’s zh-CN messages and our plainer words are in the build', () => {
    const code = ['vendors.js', 'common.js', 'app.js'].map((f) => readFileSync(join(WEAPP_DIST, f), 'utf8')).join('\n');
    expect(code).toContain('此项为必填项');
    expect(code).toContain('请从列表中选择');
  });

  it('loads components lazily and preloads what the home page opens next', () => {
    const app = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8'));
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    const roots = app.subPackages.map((s: { root: string }) => s.root.replace(/\/$/, ''));
    expect(app.preloadRule['pages/index/index'].packages).toEqual(expect.arrayContaining(['registration', 'jobs']));
    for (const rule of Object.values(app.preloadRule) as { packages: string[] }[]) for (const p of rule.packages) expect(roots).toContain(p);
    const project = JSON.parse(readFileSync(join(WEAPP_DIST, '..', '..', 'project.config.json'), 'utf8'));
    expect(project.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  });

  it('passes every item of WeChat’s own code-quality scan (the DevTools 代码质量 panel, run by miniprogram-ci)', () => {
    const results = codeQualityScan();
    // The eleven items of miniprogram-ci 2.1's scan; a new one must be looked at, not skipped.
    expect(results.map((r) => r.name).sort()).toEqual(
      [
        'CONTAINS_OTHER_PKG_COMPONENTS',
        'CONTAINS_OTHER_PKG_JS',
        'CONTAINS_UNUSED_CODES',
        'CONTAINS_UNUSED_COMPONENTS',
        'CONTAINS_UNUSED_PLUGINS',
        'IMAGE_AND_AUDIO_LIMIT',
        'JS_COMPRESS_OPEN',
        'LAZYCODE_LOADING_OPEN',
        'PACKAGE_SIZE_LIMIT',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
      ].sort(),
    );
    expect(results.filter((r) => !r.success).map((r) => `${r.name}: ${r.text}`)).toEqual([]);
  });

  it('calls the API over https, as WeChat requires', () => {
    const code = readFileSync(join(WEAPP_DIST, 'common.js'), 'utf8') + readFileSync(join(WEAPP_DIST, 'app.js'), 'utf8');
    expect(code).toMatch(/https:\/\/api\.[\w.-]+/);
    expect(code).not.toContain('"/api"');
  });
});
