// Trunk post-build hook: makes the release build run under `script-src 'self'`.
//
// Trunk writes an inline `<script type="module">` that starts the app; a strict
// Content-Security-Policy (no 'unsafe-inline') blocks it. This hook replaces it with
// `skin-consult-loader.js`, an external module with a stable name that
//
// - first of all fetches and compiles the WebAssembly module (`WebAssembly.compileStreaming`)
//   and starts importing the wasm-bindgen glue, so the module compiles while the glue and the
//   stylesheets load. If streaming compilation fails (e.g. a server that sends the module with
//   another Content-Type than `application/wasm`), the glue is given the module's URL instead
//   and loads it its own way, as before (with a warning about the Content-Type);
// - on a clinic's page (direct mount: the mount element `#skin-consult` has no `data-sc-page`),
//   attaches an open shadow root to the mount element and links the widget's stylesheets
//   inside it (with their Subresource Integrity hashes), so the host page's styles and the
//   widget's styles cannot reach each other (the widget's own page, also used in the iframe
//   mode, links them in its head as usual);
// - then starts the module with the glue. Every URL is relative to the loader itself, so the
//   widget works from any folder of the clinic's site.
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
const wasm = new URL('./${wasm}', import.meta.url);
const module = WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm);
const glue = import('./${glue}');

const mount = document.getElementById('skin-consult');
if (mount && !mount.hasAttribute('data-sc-page') && !mount.shadowRoot) {
  const shadow = mount.attachShadow({ mode: 'open' });
  const styles = ${JSON.stringify(styles)};
  await Promise.all(
    styles.map(([href, integrity]) => new Promise((done) => {
      const el = document.createElement('link');
      el.rel = 'stylesheet';
      el.href = new URL(href, import.meta.url);
      if (integrity) el.integrity = integrity;
      el.onload = el.onerror = done;
      shadow.append(el);
    })),
  );
}
const { default: init } = await glue;
await init({ module_or_path: await module });
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
