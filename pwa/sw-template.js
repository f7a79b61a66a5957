// skin-consult service worker, generated at build time by pwa/precache.mjs from
// pwa/sw-template.js. Do not edit the generated sw.js: rebuild (or run
// `node pwa/precache.mjs <dist folder>` after editing index.html by hand).
//
// - install: precaches every file of the build (checked against its SHA-384 hash, except
//   HTML, which a clinic may edit to add its configuration) into a cache named after the
//   version; the previous version keeps serving until the page asks to switch. The page is
//   stored without its preload of the wasm module, which would keep Chrome from using the
//   module's compiled code it stores with the cached response;
// - activate: deletes this widget's caches of other versions (same scope only);
// - fetch: offline-first. Same-origin GETs of precached files come from the cache; the
//   widget's own page (the scope URL, index.html, with any query) is the cached index.html;
//   everything else goes to the network untouched.
// - message {type: 'SKIP_WAITING'}: the page (on its welcome screen, between patients)
//   activates the waiting version.

const VERSION = '__VERSION__';
/** [path relative to this file, integrity or ""] for every file of the build. */
const FILES = __FILES__;

const PREFIX = `skin-consult:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', self.registration.scope).href;
const SCOPE = self.registration.scope;

let opened;
/** This version's cache, opened once per start of the worker, not for every request. */
function cache() {
  opened ??= caches.open(CACHE).catch((error) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** `response`, a page of the build, without its preload of the wasm module. */
async function withoutModulePreload(response) {
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  const html = (await response.text()).replace(/<link\b(?=[^>]*\brel="preload")(?=[^>]*\.wasm")[^>]*>/g, '');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    cache().then((cache) =>
      Promise.all(
        FILES.map(async ([path, integrity]) => {
          const url = new URL(path, self.location).href;
          if (await cache.match(url)) return;
          const response = await fetch(new Request(url, { cache: 'no-cache', integrity }));
          if (!response.ok) throw new Error(`precache: ${url}: HTTP ${response.status}`);
          await cache.put(url, path.endsWith('.html') ? await withoutModulePreload(response) : response);
        }),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname;
  const key = bare === SCOPE || bare === INDEX ? INDEX : bare;
  event.respondWith(
    cache()
      .then((cache) => cache.match(key))
      .then((cached) => cached || fetch(request)),
  );
});
