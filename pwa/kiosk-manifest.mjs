// The kiosk manifest: a copy of the build's web app manifest whose start URL turns kiosk mode
// on (`./?kiosk=1`). The widget links it instead of the normal one when its page is opened
// with `?kiosk=1`, so a tablet installed from that address opens in kiosk mode every time
// (a manifest's start URL, not the address it was installed from, is what an installed app
// opens). Like the normal one it sets no `id`, so the app's identity is its start URL: the
// kiosk app and the normal one are two apps.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The normal manifest's file name, and the kiosk manifest's. */
export const MANIFEST = 'manifest.webmanifest';
export const KIOSK_MANIFEST = 'manifest-kiosk.webmanifest';

/** The kiosk variant of a parsed manifest. */
export function kioskManifest(manifest) {
  return {
    ...manifest,
    name: `${manifest.name} (kiosk)`,
    start_url: './?kiosk=1',
  };
}

/** Writes `dir`/manifest-kiosk.webmanifest from `dir`/manifest.webmanifest. */
export function writeKioskManifest(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  writeFileSync(join(dir, KIOSK_MANIFEST), `${JSON.stringify(kioskManifest(manifest), null, 2)}\n`);
}
