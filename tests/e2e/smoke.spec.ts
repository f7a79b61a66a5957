// Smoke test of the release build: the first screen loads cleanly, offline-safe and
// accessible. (The `traffic` fixture also re-checks console, requests and origins after
// every test.)

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { test, expect } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DIST } from './support/deployment';

test('first screen loads, is keyboard-reachable and accessible, and stays on its origin', async ({
  consult,
  traffic,
  page,
  baseURL,
  request,
}) => {
  const origin = new URL(baseURL!).origin;
  await consult.goto();

  await expect(consult.heading).toBeVisible();
  await expect(page).toHaveTitle(/\S/);

  // A keyboard user reaches Start with Tab.
  const presses = await consult.tabTo(consult.startButton);
  await expect(consult.startButton).toBeFocused();
  expect(presses).toBeLessThanOrEqual(3);

  await expectNoAxeViolations(page, 'first screen');
  await consult.screenshot('first-screen');

  // The app and the module it loads were really fetched from this origin; the parts loaded
  // later (the questionnaire and the results, chunks of the module) are fetched once each
  // after the welcome screen is painted, without a tap.
  const mainModule = await page.locator('link[rel="preload"][href$="_bg.wasm"]').getAttribute('href');
  const isMain = (url: string) => url.endsWith(`/${mainModule!.replace(/^\.?\//, '')}`);
  await expect
    .poll(() => traffic.requests.filter((url) => url.endsWith('.wasm') && !isMain(url)).length)
    .toBeGreaterThanOrEqual(2);
  const wasm = traffic.requests.filter((url) => url.endsWith('.wasm'));
  expect(wasm.filter(isMain), 'the main module is requested once').toHaveLength(1);
  expect(new Set(wasm).size, 'each chunk is requested once').toBe(wasm.length);
  for (const url of wasm) expect(traffic.contentTypes.get(url)).toBe('application/wasm');
  expect(traffic.requests.some((url) => url.endsWith('.js'))).toBe(true);

  // The icon the page declares exists (headless Chromium does not fetch icons by itself).
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon, 'index.html declares an icon').toBeTruthy();
  const iconResponse = await request.get(new URL(icon!, baseURL).href);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()['content-type']).toBe('image/svg+xml');

  // Nothing failed, nothing went elsewhere, nothing was logged as an error.
  traffic.expectClean(origin);
  expect(traffic.requests.length).toBeGreaterThan(2);
});

test('the module, glue and styles ship Brotli copies that decode to the same bytes, and the browser gets them', async ({
  consult,
  page,
}) => {
  const names = readdirSync(DIST);
  const copies = names.filter((name) => name.endsWith('.br'));
  for (const ext of ['.wasm', '.js', '.css']) {
    expect(copies.some((name) => name.endsWith(`${ext}.br`)), `a Brotli copy of a ${ext} file`).toBe(true);
  }
  for (const copy of copies) {
    const original = copy.slice(0, -'.br'.length);
    expect(names, `${copy} has its original`).toContain(original);
    expect(brotliDecompressSync(readFileSync(join(DIST, copy))).equals(readFileSync(join(DIST, original))), copy).toBe(
      true,
    );
  }
  // index.html may be edited by a clinic after the build, so it never gets a copy that could go stale.
  expect(copies).not.toContain('index.html.br');

  const encodings = new Map<string, string>();
  page.on('response', (response) => {
    if (/\.(wasm|js|css)$/.test(new URL(response.url()).pathname)) {
      encodings.set(new URL(response.url()).pathname.slice(1), response.headers()['content-encoding'] ?? 'none');
    }
  });
  await consult.goto();
  await expect(consult.startButton).toBeEnabled();
  const wasm = [...encodings.keys()].find((path) => path.endsWith('.wasm'));
  expect(wasm, 'the module was loaded').toBeTruthy();
  expect(encodings.get(wasm!), 'the module came Brotli-encoded').toBe('br');
});

test('a server that sends the module with another Content-Type still gets a working widget', async ({
  consult,
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-type': 'application/octet-stream' };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ response, headers });
  });
  await consult.goto();
  await consult.start();
  await expect(page.locator('[data-question]')).toBeVisible();
  expect(warnings.some((w) => w.includes('application/wasm')), 'a warning about the Content-Type').toBe(true);
});

test('unknown paths are real 404s, not the app', async ({ request }) => {
  const response = await request.get('/no-such-file.js');
  expect(response.status()).toBe(404);
});
