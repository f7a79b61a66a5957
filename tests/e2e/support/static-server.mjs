// A tiny static file server for the release build (dist/), bound to 127.0.0.1 only.
//
// - correct Content-Type for everything Trunk emits (`.wasm` is `application/wasm`, which
//   `WebAssembly.instantiateStreaming` requires);
// - real 404s for missing files, 405 for methods other than GET/HEAD, no directory listings,
//   no access outside the served folder;
// - optional compression, as a clinic's web server would do it: with `encoding: 'gzip'`,
//   gzip level 9 (cached per file) when the client accepts it; with `encoding: 'br'`, in
//   addition the build's precompressed Brotli copy (`x.wasm.br`, see build/precompress.mjs)
//   when there is one and the client accepts Brotli. The end-to-end tests and the benchmark
//   serve the release build with `br`; the benchmark also measures a gzip-only server.
//
// - optional extra folder under a URL prefix (`--mount /examples/=examples`), so the example
//   clinic site is served on the same origin as the widget, like a clinic would host it;
// - optional sub-path (`--base /clinic/consult/`): the root folder is served under that path
//   only, and everything outside it is a 404, as when a clinic puts the build in a folder of
//   its site.
//
// CLI: node tests/e2e/support/static-server.mjs --root dist [--port 4173] [--encoding gzip|br] [--mount /prefix/=folder] [--base /sub/path/]

import { createServer } from 'node:http';
import { access, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Content types by file extension. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt']);

/**
 * Starts serving `root` (under the URL path `base`, `/` unless given; it must end with `/`).
 * Resolves to `{ url, port, close() }` once listening; `url` is the origin, without `base`.
 * @param {{ root: string, host?: string, port?: number, encoding?: 'gzip' | 'br', mount?: [string, string], base?: string }} options
 */
export async function startServer({ root, host = '127.0.0.1', port = 0, encoding, mount, base: urlBase = '/' }) {
  if (!urlBase.startsWith('/') || !urlBase.endsWith('/')) throw new Error(`base must start and end with "/": ${urlBase}`);
  if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'br') throw new Error(`unknown encoding: ${encoding}`);
  const rootBase = resolve(root);
  const gzipCache = new Map(); // path -> { mtimeMs, body }

  const server = createServer(async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return notFound(res, req);
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    let base = rootBase;
    if (mount && pathname.startsWith(mount[0])) {
      base = resolve(mount[1]);
      pathname = pathname.slice(mount[0].length - 1);
    } else if (pathname.startsWith(urlBase)) {
      pathname = pathname.slice(urlBase.length - 1);
    } else {
      return notFound(res, req);
    }
    const file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) return notFound(res, req);

    let info;
    try {
      info = await stat(file);
    } catch {
      return notFound(res, req);
    }
    if (!info.isFile()) return notFound(res, req);

    const ext = extname(file).toLowerCase();
    const headers = { 'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream' };
    let body = await readFile(file);
    const accepted = req.headers['accept-encoding'] ?? '';
    if (encoding && COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      if (encoding === 'br' && /\bbr\b/.test(accepted) && (await exists(file + '.br'))) {
        body = await readFile(file + '.br');
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accepted)) {
        let cached = gzipCache.get(file);
        if (!cached || cached.mtimeMs !== info.mtimeMs) {
          cached = { mtimeMs: info.mtimeMs, body: gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }) };
          gzipCache.set(file, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

async function exists(file) {
  return access(file).then(
    () => true,
    () => false,
  );
}

function notFound(res, req) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(req.method === 'HEAD' ? undefined : 'not found\n');
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = arg('--root', 'dist');
  const port = Number(arg('--port', '4173'));
  const encoding = arg('--encoding', undefined);
  const mountArg = arg('--mount', '');
  const mount = mountArg.includes('=') ? mountArg.split('=', 2) : undefined;
  const base = arg('--base', '/');
  try {
    await stat(join(root, 'index.html'));
  } catch {
    console.error(`static-server: ${root}/index.html not found; build first (trunk build --release)`);
    process.exit(1);
  }
  const server = await startServer({ root, port, encoding, mount, base });
  console.log(`static-server: serving ${root} on ${server.url}${base}${encoding ? ` (${encoding})` : ''}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => server.close().then(() => process.exit(0)));
  }
}
