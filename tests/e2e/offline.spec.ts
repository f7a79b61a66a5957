// Offline tablet mode: the web app manifest, the service worker's precache of every file of
// the build, a full consultation with the network off, and the update path (a rebuilt
// version is offered on the welcome screen, never during a questionnaire).
//
// Every test also gets the shared `traffic` checks: no console error, no uncaught exception,
// no failed request and no request to another origin.

import { test, expect, TYPICAL_PATIENT } from './pages/questionnaire-page';
import { PREFETCHED_CHUNK } from './support/fixtures';
import {
  DIST,
  buildFiles,
  deployedVersion,
  deploymentTest,
  findNewVersion,
  precached,
  publishNewVersion,
  reloadOffline,
  waitForServiceWorker,
} from './support/deployment';

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): string {
  expect(png.subarray(1, 4).toString('latin1'), 'a PNG signature').toBe('PNG');
  return `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
}

test('the web app manifest is linked, valid and installable from any folder', async ({
  consult,
  page,
  request,
  baseURL,
}) => {
  await consult.goto();
  const link = page.locator('head link[rel="manifest"]');
  await expect(link).toHaveCount(1);
  const href = (await link.getAttribute('href'))!;
  expect(href, 'a relative link, so a sub-path deployment works').not.toMatch(/^(\/|https?:)/);
  await expect(page.locator('head meta[name="theme-color"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);

  const response = await request.get(new URL(href, baseURL).href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: expect.stringMatching(/\S/),
    short_name: expect.stringMatching(/^.{1,12}$/),
    display: 'standalone',
    start_url: './',
    scope: './',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });

  // Every icon exists with the declared size; browsers ask for 192 and 512, and a maskable one.
  const manifestUrl = new URL(href, baseURL);
  for (const icon of manifest.icons) {
    const iconResponse = await request.get(new URL(icon.src, manifestUrl).href);
    expect(iconResponse.status(), icon.src).toBe(200);
    expect(iconResponse.headers()['content-type'], icon.src).toBe(icon.type);
    if (icon.type === 'image/png') expect(pngSize(await iconResponse.body()), icon.src).toBe(icon.sizes);
  }
  const pngSizes = manifest.icons.filter((i: { type: string }) => i.type === 'image/png').map((i: { sizes: string }) => i.sizes);
  expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);

  // Chromium's own manifest parser finds nothing wrong.
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.url).toBe(manifestUrl.href);
  expect(parsed.errors, 'manifest parse errors').toEqual([]);
});

test('opened with ?kiosk=1 the page links the kiosk manifest, whose start URL opens kiosk mode', async ({
  questionnaire: q,
  page,
  request,
  baseURL,
}) => {
  const link = page.locator('head link[rel="manifest"]');
  const cdp = await page.context().newCDPSession(page);
  await page.goto('/?kiosk=1');
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
  await expect(link).toHaveAttribute('href', 'manifest-kiosk.webmanifest');

  // The browser's own view of the manifest it would install: the kiosk one, valid, the same
  // app but for its name and a start URL that turns kiosk mode on.
  const parsed = await cdp.send('Page.getAppManifest');
  const manifestUrl = new URL('manifest-kiosk.webmanifest', baseURL);
  expect(parsed.url).toBe(manifestUrl.href);
  expect(parsed.errors, 'manifest parse errors').toEqual([]);
  const kiosk = JSON.parse(parsed.data!);
  const normal = await (await request.get(new URL('manifest.webmanifest', baseURL).href)).json();
  expect(kiosk).toEqual({ ...normal, name: `${normal.name} (kiosk)`, start_url: './?kiosk=1' });

  // Opening the start URL, as the installed app does, starts kiosk mode.
  await page.goto(new URL(kiosk.start_url, manifestUrl).href);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);

  // Staff leaving kiosk mode on this page links the normal manifest again.
  await page.keyboard.press('Control+Alt+k');
  await page.getByRole('dialog', { name: 'Staff only' }).getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(q.root.locator('.sc-kiosk')).toHaveCount(0);
  await expect(link).toHaveAttribute('href', 'manifest.webmanifest');
  expect((await cdp.send('Page.getAppManifest')).url).toBe(new URL('manifest.webmanifest', baseURL).href);
});

test('the service worker installs and precaches every file of the build', async ({ consult, page, baseURL }) => {
  await consult.goto();
  await waitForServiceWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${baseURL}/`);

  const expected = buildFiles(DIST)
    .filter((file) => file !== 'sw.js')
    .map((file) => new URL(file, `${baseURL}/`).href);
  expect(expected.length).toBeGreaterThan(5);
  const caches = await precached(page);
  const names = Object.keys(caches);
  expect(names, 'one cache, of the current version').toHaveLength(1);
  const version = deployedVersion(DIST);
  expect(names[0]).toBe(`skin-consult:${baseURL}/:${version}`);
  expect(caches[names[0]]).toEqual(expected);
});

test('with the network off, a reload still runs the whole consultation from the cache', async ({
  questionnaire: q,
  page,
  context,
}) => {
  await q.goto();
  await waitForServiceWorker(page);

  const responses = await reloadOffline(page, context);
  await expect(q.startButton).toBeEnabled();
  await q.complete(TYPICAL_PATIENT);
  await q.results();
  await expect(q.card('hydrafacial')).toHaveAttribute('data-status', 'suggested');
  await expect(q.root.locator('[data-qr] path')).toHaveAttribute('d', /\S/);

  // Everything the page loaded came from the service worker; nothing reached the network
  // (which is off: a request that bypassed the cache would have failed the traffic check).
  expect(responses.map((r) => r.url)).toEqual(expect.arrayContaining([expect.stringMatching(/\.wasm$/)]));
  expect(responses.filter((r) => !r.fromServiceWorker)).toEqual([]);
});

test('the page from the service worker is the built page without its module preload', async ({
  consult,
  page,
  request,
  baseURL,
}) => {
  await consult.goto();
  await waitForServiceWorker(page);
  // Chrome does not use a module's stored compiled code for a preloaded response, so the cached
  // page leaves the preload out (the loader fetches the module first thing instead).
  const preload = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\.wasm")[^>]*>/g;
  const built = await (await request.get(`${baseURL}/`)).text();
  expect(built, 'a first visit still preloads the module').toMatch(preload);
  const served = await page.evaluate(async () => (await fetch('./')).text());
  expect(served).toBe(built.replace(preload, ''));

  const wasm: { url: string; fromServiceWorker: boolean }[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasm.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
  });
  await page.reload();
  await expect(consult.startButton).toBeEnabled();
  await expect(page.locator('link[rel="preload"]')).toHaveCount(0);
  const main = wasm.filter((r) => !PREFETCHED_CHUNK.test(r.url));
  expect(main, 'the module is fetched once, from the service worker').toEqual([
    { url: expect.stringMatching(/\.wasm$/), fromServiceWorker: true },
  ]);
  // The parts loaded later come from the service worker too.
  await expect.poll(() => wasm.length).toBeGreaterThan(1);
  expect(wasm.every((r) => r.fromServiceWorker), JSON.stringify(wasm)).toBe(true);
});

/** A copy of the build on its own server, so a test can rebuild it. */
const updateTest = deploymentTest(test);

updateTest('a rebuilt version waits during a questionnaire and is offered on the welcome screen', async ({
  questionnaire: q,
  page,
  deployment,
}) => {
  const marker = page.locator('head meta[name="sc-e2e-build"]');
  const banner = q.root.locator('[data-update-ready]');
  await q.goto();
  await waitForServiceWorker(page);
  const [oldCache] = Object.keys(await precached(page));
  await q.start();
  await q.answerAndContinue('age', 28);
  await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');

  // A new build is deployed (here: index.html changes, as when a clinic edits its
  // configuration, and sw.js is regenerated), and the browser finds it.
  const version = publishNewVersion(deployment.dir);
  expect(oldCache.endsWith(`:${version}`)).toBe(false);
  await findNewVersion(page);

  // Mid-questionnaire nothing changes: no offer, same screen, same answers, old version.
  await expect(banner).toHaveCount(0);
  await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
  await expect(marker).toHaveCount(0);
  await q.back();
  await expect(q.numberInput).toHaveValue('28');
  await expect(banner).toHaveCount(0);

  // Back on the welcome screen (between patients) the new version is offered, and taken.
  await q.back();
  await expect(q.welcomeScreen).toBeVisible();
  await expect(banner).toContainText('A new version of the consultation is ready.');
  await q.button('Update now').click();
  await expect(marker).toHaveCount(1);
  await expect(q.startButton).toBeEnabled();
  await waitForServiceWorker(page);
  await expect
    .poll(async () => Object.keys(await precached(page)), { message: 'the old cache is deleted' })
    .toEqual([`skin-consult:${deployment.url}:${version}`]);
});
