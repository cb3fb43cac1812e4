// esbuild plugins for the Lambda bundles (serverless-esbuild `plugins`).
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

// zod reaches its locales through one index that pulls in every language (~260 KB minified);
// only English (zod's default) and Chinese are used, so the index is swapped for a two-language one.
const onlyChineseZodLocales = {
  name: 'only-chinese-zod-locales',
  setup(build) {
    build.onResolve({ filter: /locales[\\/]index\.c?js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.resolveDir) ? { path: path.join(__dirname, 'zodLocales.js') } : undefined,
    );
  },
};

// The division dataset (functions/src/areas/areas.json, ~106 KB) ships brotli-compressed inside the
// bundle (a fifth smaller than gzip) and is inflated on its first use (dataset.ts requires it then,
// about a millisecond), not on a cold start; tests and tsx read the JSON as is.
let packedAreas;
const gzippedAreas = {
  name: 'gzipped-areas',
  setup(build) {
    build.onLoad({ filter: /[\\/]areas[\\/]areas\.json$/ }, (args) => {
      // Compressed once per process (and again if the file changes), not once per function:
      // brotli at its best takes ~0.2 s.
      const mtime = fs.statSync(args.path).mtimeMs;
      if (packedAreas?.mtime !== mtime) {
        packedAreas = { mtime, packed: zlib.brotliCompressSync(fs.readFileSync(args.path), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64') };
      }
      const { packed } = packedAreas;
      return {
        contents: `module.exports = JSON.parse(require('node:zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));`,
        loader: 'js',
      };
    });
  },
};

// GET /openapi.json's document is built once, when the bundle is built (with tsx, from the
// contracts), and ships brotli-compressed like the areas: the platform function no longer carries
// every contract's schema, so it does not grow with each new route.
const prebuiltOpenApi = {
  name: 'prebuilt-openapi',
  setup(build) {
    build.onLoad({ filter: /[\\/]health[\\/]openapiDocument\.ts$/ }, () => {
      const root = path.join(__dirname, '..', '..');
      let json;
      try {
        json = require('node:child_process').execFileSync(
          path.join(root, 'node_modules', '.bin', 'tsx'),
          ['-e', "process.stdout.write(JSON.stringify(require('./shared/src/index.ts').buildOpenApiDocument()))"],
          { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
        );
      } catch (err) {
        return { errors: [{ text: `building the OpenAPI document failed: ${String(err.stderr || err.message).slice(0, 2000)}` }] };
      }
      const packed = zlib.brotliCompressSync(Buffer.from(json, 'utf8'), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
      return {
        // Inflated on first use (GET /openapi.json, or a path no route matches), not at import.
        contents: `let d; exports.openApiDocument = () => (d ??= JSON.parse(require('node:zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8')));`,
        loader: 'js',
      };
    });
  },
};

module.exports = [onlyChineseZodLocales, gzippedAreas, prebuiltOpenApi];
