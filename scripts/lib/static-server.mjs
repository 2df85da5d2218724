// A small static server for the built app (dist/) on loopback, with an optional route that
// serves local input files to the harness page by index: /__input/<n>.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.task': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.y4m': 'application/octet-stream',
};

export const mimeType = (path) => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

function send(response, path) {
  const { size } = statSync(path);
  response.writeHead(200, { 'content-type': mimeType(path), 'content-length': size, 'cache-control': 'no-store' });
  createReadStream(path).pipe(response);
}

/** Starts serving `root` on 127.0.0.1 (a free port unless `port` is given); `inputs` are absolute file paths. */
export function startStaticServer(root, inputs = [], port = 0) {
  const rootDir = resolve(root);
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    const input = /^\/__input\/(\d+)$/.exec(pathname);
    if (input) {
      const path = inputs[Number(input[1])];
      return path && existsSync(path) ? send(response, path) : response.writeHead(404).end();
    }
    const path = normalize(join(rootDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    if (!path.startsWith(rootDir + sep) || !existsSync(path) || !statSync(path).isFile()) {
      return response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    send(response, path);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
