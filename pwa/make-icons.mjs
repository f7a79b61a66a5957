// Renders the PNG icons of the web app manifest from their SVG sources with the test
// Chromium. Run once after changing an icon (`node pwa/make-icons.mjs`); the PNGs are
// committed, so builds never need this.

import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.mjs';

const dir = new URL('./icons/', import.meta.url);
const ICONS = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
  { svg: 'maskable.svg', png: 'apple-touch-icon-180.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const { svg, png, size } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = readFileSync(new URL(svg, dir), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
    await page.close();
    console.log(`${png} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
