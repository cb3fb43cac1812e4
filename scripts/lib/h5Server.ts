// Serves the H5 build and forwards /api/* to the HTTP API, so the page and the API share an
// origin (no CORS) exactly as the weapp reaches the API through one whitelisted domain.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function startH5Server(options: { root: string; port: number; apiBase: string }): Promise<Server> {
  const api = new URL(options.apiBase);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      const upstream = request(
        {
          host: api.hostname,
          port: api.port,
          method: req.method,
          path: url.slice(4),
          headers: { ...req.headers, host: api.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'upstream_unavailable', message: '服务暂时不可用，请稍后再试' } }));
      });
      req.pipe(upstream);
      return;
    }
    if (!existsSync(join(options.root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The H5 build is missing: run npm run build:h5 (npm start builds it unless SKIP_H5_BUILD=1).');
      return;
    }
    const path = normalize(decodeURIComponent(url.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(options.root, path);
    if (!file.startsWith(options.root) || !existsSync(file) || statSync(file).isDirectory()) file = join(options.root, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
