// Post-build step: writes sw.js (from pwa/sw-template.js) into the build with the list of
// every file of the build, each with its SHA-384 hash, and a version derived from all of
// them. Trunk runs it through build/post-build.mjs; it can also be run on a finished build,
// e.g. after a clinic pasted its configuration into index.html or renamed the app in
// manifest.webmanifest (run this way, it first rewrites the kiosk manifest from it):
//
//   node pwa/precache.mjs dist
//
// Paths are relative to sw.js, so a build served from a sub-path works unchanged. For the same
// reason it first makes the build's own URLs in its HTML files relative: Trunk writes them from
// the site root (`/app-….css`, `/skin-consult-loader.js`), which fails when the build is served
// from a folder such as `/consult/`.
//
// Brotli copies of files (`x.wasm.br`, see build/precompress.mjs) are encodings the server
// picks, not files of the build: they are not listed.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEncodedCopy } from '../build/precompress.mjs';
import { writeKioskManifest } from './kiosk-manifest.mjs';

const SW = 'sw.js';

/** Every file under `dir` but encoded copies, as paths relative to it with `/` separators, sorted. */
export function files(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return files(path, root);
      return entry.isFile() && !isEncodedCopy(entry.name) ? [relative(root, path).split(sep).join('/')] : [];
    })
    .sort();
}

/**
 * Rewrites `href="/x"` and `src="/x"` to `href="x"` and `src="x"` in the HTML files of the build
 * in `dir`, for every `x` that is a file of the build (other root URLs are left alone). Idempotent.
 * Returns the number of URLs rewritten.
 */
export function relativeLinks(dir) {
  const all = new Set(files(dir));
  let rewritten = 0;
  for (const path of all) {
    if (!path.endsWith('.html')) continue;
    const depth = path.split('/').length - 1;
    const before = readFileSync(join(dir, path), 'utf8');
    const after = before.replace(/(\s(?:href|src)=")\/([^"/?#][^"?#]*)"/g, (whole, attribute, target) => {
      if (!all.has(target)) return whole;
      rewritten += 1;
      return `${attribute}${'../'.repeat(depth)}${target}"`;
    });
    if (after !== before) writeFileSync(join(dir, path), after);
  }
  return rewritten;
}

/** The precache list and version of the build in `dir`. */
export function precacheList(dir) {
  const entries = files(dir)
    .filter((path) => path !== SW)
    .map((path) => {
      const digest = createHash('sha384').update(readFileSync(join(dir, path))).digest('base64');
      return { path, digest };
    });
  const version = createHash('sha256')
    .update(entries.map((e) => `${e.path} ${e.digest}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
  // HTML is left unchecked: a clinic may paste its configuration into index.html.
  const list = entries.map(({ path, digest }) => [path, path.endsWith('.html') ? '' : `sha384-${digest}`]);
  return { version, list };
}

/** Makes the build's own links relative, then writes `dir`/sw.js; returns the version. */
export function writeServiceWorker(dir) {
  relativeLinks(dir);
  const { version, list } = precacheList(dir);
  const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
  const json = JSON.stringify(list, null, 1).replace(/\n\s*/g, ' ');
  const source = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', json);
  if (source.includes('__VERSION__') || source.includes('__FILES__')) {
    throw new Error('pwa/sw-template.js lost its __VERSION__ or __FILES__ placeholder');
  }
  writeFileSync(join(dir, SW), source);
  return { version, count: list.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node pwa/precache.mjs <build folder>');
    process.exit(2);
  }
  writeKioskManifest(dir);
  const { version, count } = writeServiceWorker(dir);
  console.log(`sw.js: version ${version}, ${count} files precached`);
}
