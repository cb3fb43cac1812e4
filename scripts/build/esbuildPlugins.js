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

// The division dataset (functions/src/areas/areas.json, ~106 KB) ships gzip-compressed inside the
// bundle and is inflated once at cold start (about a millisecond); tests and tsx read the JSON as is.
const gzippedAreas = {
  name: 'gzipped-areas',
  setup(build) {
    build.onLoad({ filter: /[\\/]areas[\\/]areas\.json$/ }, (args) => {
      const packed = zlib.gzipSync(fs.readFileSync(args.path), { level: 9 }).toString('base64');
      return {
        contents: `module.exports = JSON.parse(require('node:zlib').gunzipSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));`,
        loader: 'js',
      };
    });
  },
};

module.exports = [onlyChineseZodLocales, gzippedAreas];
