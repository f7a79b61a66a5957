// Smoke test of the release build: the first screen loads cleanly, offline-safe and
// accessible. (The `traffic` fixture also re-checks console, requests and origins after
// every test.)

import { test, expect } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';

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

  // The app and the module it loads were really fetched from this origin.
  const wasm = traffic.requests.filter((url) => url.endsWith('.wasm'));
  expect(wasm, 'the .wasm module is requested once').toHaveLength(1);
  expect(traffic.contentTypes.get(wasm[0])).toBe('application/wasm');
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

test('unknown paths are real 404s, not the app', async ({ request }) => {
  const response = await request.get('/no-such-file.js');
  expect(response.status()).toBe(404);
});
