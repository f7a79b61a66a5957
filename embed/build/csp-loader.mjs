// Trunk post-build hook: makes the release build run under `script-src 'self'`.
//
// Trunk writes an inline `<script type="module">` that starts the app; a strict
// Content-Security-Policy (no 'unsafe-inline') blocks it. This hook replaces it with
// `skin-consult-loader.js`, an external module with a stable name that
//
// - on a clinic's page (direct mount: the mount element `#skin-consult` has no `data-sc-page`),
//   attaches an open shadow root to the mount element and links the widget's stylesheets
//   inside it (with their Subresource Integrity hashes), so the host page's styles and the
//   widget's styles cannot reach each other (the widget's own page, also used in the iframe
//   mode, links them in its head as usual);
// - imports the wasm-bindgen glue and starts the WebAssembly module, both by URLs relative to
//   the loader itself, so the widget works from any folder of the clinic's site.
//
// The loader itself gets an `integrity` attribute in index.html. A host page (direct mount)
// includes the same file: <script type="module" src="/consult/skin-consult-loader.js">.
//
// Runs with TRUNK_STAGING_DIR set (Trunk's staging folder, later moved to the dist folder).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOADER = 'skin-consult-loader.js';
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-loader: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(1);
}

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = html.match(/<script type="module"[^>]*>([\s\S]*?)<\/script>/);
if (!inline) fail('no inline module script in index.html');
const glue = inline[1].match(/from '\/?([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\/?([^']+\.wasm)'/)?.[1];
if (!glue || !wasm) fail('cannot find the glue or the wasm file in the inline loader');

const styles = [...html.matchAll(/<link rel="stylesheet" href="\/?([^"]+\.css)"(?: integrity="([^"]+)")?\/?>/g)].map(
  ([, href, integrity]) => [href, integrity ?? ''],
);

const loader = `// skin-consult loader, written at build time (see embed/build/csp-loader.mjs).
import init from './${glue}';

const STYLES = ${JSON.stringify(styles)};

function link([href, integrity]) {
  const el = document.createElement('link');
  el.rel = 'stylesheet';
  el.href = new URL(href, import.meta.url).href;
  if (integrity) el.integrity = integrity;
  return el;
}

function loaded(el) {
  return new Promise((done) => {
    el.addEventListener('load', done, { once: true });
    el.addEventListener('error', done, { once: true });
  });
}

const mount = document.getElementById('skin-consult');
const waits = [];
if (mount && !mount.hasAttribute('data-sc-page') && !mount.shadowRoot) {
  const shadow = mount.attachShadow({ mode: 'open' });
  for (const style of STYLES) {
    const el = link(style);
    waits.push(loaded(el));
    shadow.append(el);
  }
}
await Promise.all(waits);
await init({ module_or_path: new URL('./${wasm}', import.meta.url) });
`;
writeFileSync(join(staging, LOADER), loader);
const sri = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
html = html.replace(inline[0], `<script type="module" src="/${LOADER}" integrity="${sri}"></script>`);
writeFileSync(indexPath, html);
console.log(`csp-loader: wrote ${LOADER} (${glue}, ${wasm}, ${styles.length} stylesheets)`);

function fail(why) {
  console.error(`csp-loader: ${why}`);
  process.exit(1);
}
