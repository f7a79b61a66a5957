// Release post-build step: writes a Brotli copy (`<file>.br`, quality 11) beside each
// content-hashed asset of the build — the wasm module, the JS glue, the stylesheets — so a
// clinic's server can send it as is (nginx `brotli_static on`, Caddy `file_server { precompressed br }`,
// Apache with a rewrite rule). Brotli at its best quality is about 18 % smaller than gzip -9
// here, and compressing once at build time costs the server nothing per request.
//
// Only files whose name carries Trunk's content hash are compressed: their content never
// changes under the same name, so a copy can never go stale. index.html and sw.js are left
// alone because a clinic may edit index.html and then rewrite sw.js (see pwa/precache.mjs).
//
// A `.br` copy is an encoding of a file, not a file of the build: the service worker's
// precache list leaves them out (see `isEncodedCopy`).
//
//   node build/precompress.mjs <build folder>

import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The suffix of a precompressed copy. */
export const BROTLI_SUFFIX = '.br';

/** A Trunk output name with its 16-hex-digit content hash, e.g. `app-73098e62aa5c78bb.css`. */
const HASHED_ASSET = /-[0-9a-f]{16}(?:_bg)?\.(?:wasm|js|css)$/;

/** `true` for a precompressed copy of another file of the build. */
export function isEncodedCopy(path) {
  return path.endsWith(BROTLI_SUFFIX);
}

/** `true` for a file of the build that gets a Brotli copy. */
export function isPrecompressed(name) {
  return HASHED_ASSET.test(name);
}

/**
 * Writes `<file>.br` beside every hashed asset at the top of `dir` (Trunk puts them there) and
 * checks that each copy decodes to the original bytes. Returns `[name, raw, brotli]` rows.
 */
export function precompress(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isPrecompressed(entry.name))
    .map(({ name }) => {
      const body = readFileSync(join(dir, name));
      const encoded = brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      });
      if (!brotliDecompressSync(encoded).equals(body)) throw new Error(`precompress: ${name} does not round-trip`);
      writeFileSync(join(dir, name + BROTLI_SUFFIX), encoded);
      return [name, body.length, encoded.length];
    });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node build/precompress.mjs <build folder>');
    process.exit(2);
  }
  for (const [name, raw, br] of precompress(dir)) console.log(`precompress: ${name} ${raw} B -> ${br} B (br)`);
}
