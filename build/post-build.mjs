// Trunk's post-build hook (see Trunk.toml): the steps that turn Trunk's output into the
// shipped build, in order, in Trunk's staging folder (TRUNK_STAGING_DIR). Trunk starts all
// hooks of a stage at once, so the order lives here rather than in several hooks.
//
// 0. build/split.mjs cuts the release module into the main module and its lazily loaded
//    chunks (the questionnaire, the results), replacing Trunk's glue and module;
// 1. embed/build/csp-loader.mjs replaces Trunk's inline start-up script with an external
//    loader, so the widget runs under a strict Content-Security-Policy;
// 2. build/prepaint.mjs paints the welcome screen into index.html from the app's strings, so
//    the first screen shows before the code has arrived;
// 3. pwa/kiosk-manifest.mjs writes the kiosk variant of the web app manifest (its start URL
//    turns kiosk mode on), before the precache list is made so it is on it;
// 4. build/configure-data.mjs copies the configurator page (configure.html) and writes its
//    data (procedures and languages from the catalog), its copy of the theme and its preview
//    page (preview.html, from the finished index.html), before the precache list is made;
// 5. pwa/precache.mjs makes the build's links relative and writes sw.js with every file of
//    the build and its hash (offline tablet mode);
// 6. build/precompress.mjs writes Brotli copies of the hashed assets (release builds only:
//    `trunk serve` rebuilds stay fast).

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeKioskManifest } from '../pwa/kiosk-manifest.mjs';
import { writeServiceWorker } from '../pwa/precache.mjs';
import { writePrepaint } from './prepaint.mjs';
import { precompress } from './precompress.mjs';
import { writeConfigureData } from './configure-data.mjs';
import { splitBuild } from './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (Trunk runs this as its post_build hook)');
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === 'release') {
  const chunks = splitBuild(dir);
  if (chunks) console.log(`split: ${chunks.map(([name, bytes]) => `${name} (${bytes.length} B)`).join(', ')}`);
}
execFileSync(process.execPath, [fileURLToPath(new URL('../embed/build/csp-loader.mjs', import.meta.url))], {
  stdio: 'inherit',
});
console.log(`prepaint: welcome screen in ${writePrepaint(dir)} languages`);
writeKioskManifest(dir);
writeConfigureData(dir);
const { version, count } = writeServiceWorker(dir);
console.log(`sw.js: version ${version}, ${count} files precached`);
if (process.env.TRUNK_PROFILE === 'release') {
  const rows = precompress(dir);
  const [raw, br] = rows.reduce(([r, b], [, raw, brotli]) => [r + raw, b + brotli], [0, 0]);
  console.log(`precompress: ${rows.length} Brotli copies, ${raw} B -> ${br} B`);
}
