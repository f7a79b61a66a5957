// Offline tablet mode from a folder of the clinic's site (README: "Serve the release build ...
// from a folder URL ending in /"): the release build served under /clinic/consult/ by a
// server that answers 404 to everything outside that folder. The manifest, the service
// worker's scope and cache, and an offline reload all stay inside the folder.
//
// Every test also gets the shared `traffic` checks (no console error, no failed request, no
// request to another origin): a URL written from the site root would be a 404 here.

import { test as base, expect, TYPICAL_PATIENT } from './pages/questionnaire-page';
import {
  buildFiles,
  deployedVersion,
  deploymentTest,
  precached,
  reloadOffline,
  waitForServiceWorker,
} from './support/deployment';

const FOLDER = '/clinic/consult/';
const test = deploymentTest(base, { base: FOLDER });

test('the manifest, the service worker and its cache resolve inside the folder', async ({
  questionnaire: q,
  page,
  deployment,
  traffic,
}) => {
  expect(deployment.url.endsWith(FOLDER)).toBe(true);
  await page.goto(deployment.url);
  await expect(q.startButton).toBeEnabled();

  // Chromium's own manifest parser: start URL, scope and id are the folder.
  const cdp = await page.context().newCDPSession(page);
  const { url, errors, manifest } = await cdp.send('Page.getAppManifest');
  expect(url).toBe(`${deployment.url}manifest.webmanifest`);
  expect(errors, 'manifest parse errors').toEqual([]);
  expect(manifest).toMatchObject({ startUrl: deployment.url, scope: deployment.url, id: deployment.url });
  // Nothing keeps Chromium from offering to install it (test browsers run in an incognito-like
  // profile, where nothing is ever installable; that reason aside).
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const reasons = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  expect(reasons, 'reasons Chromium would not offer to install it').toEqual([]);

  // The service worker registers for the folder and precaches every file of the build there.
  await waitForServiceWorker(page);
  const registration = await page.evaluate(async () => {
    const ready = await navigator.serviceWorker.ready;
    return { scope: ready.scope, script: ready.active!.scriptURL };
  });
  expect(registration).toEqual({ scope: deployment.url, script: `${deployment.url}sw.js` });
  const files = buildFiles(deployment.dir).filter((file) => file !== 'sw.js');
  const expected = files.map((file) => new URL(file, deployment.url).href);
  expect(expected.length).toBeGreaterThan(5);
  expect(await precached(page)).toEqual({
    [`skin-consult:${deployment.url}:${deployedVersion(deployment.dir)}`]: expected,
  });

  // Nothing was asked for outside the folder.
  expect(traffic.requests.length).toBeGreaterThan(3);
  expect(traffic.requests.filter((request) => !request.startsWith(deployment.url))).toEqual([]);
});

test('with the network off, the folder reloads and runs the whole consultation from the cache', async ({
  questionnaire: q,
  page,
  context,
  deployment,
}) => {
  await page.goto(deployment.url);
  await expect(q.startButton).toBeEnabled();
  await waitForServiceWorker(page);

  const responses = await reloadOffline(page, context);
  await expect(q.startButton).toBeEnabled();
  await q.complete(TYPICAL_PATIENT);
  await q.results();
  await expect(q.card('hydrafacial')).toHaveAttribute('data-status', 'suggested');

  // The installed kiosk address (the folder's index.html with ?kiosk=1) opens offline too.
  await page.goto(`${deployment.url}index.html?kiosk=1`);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
  await expect(q.startButton).toBeEnabled();

  expect(responses.map((r) => r.url)).toEqual(
    expect.arrayContaining([deployment.url, expect.stringMatching(/\.wasm$/), `${deployment.url}index.html?kiosk=1`]),
  );
  expect(responses.filter((r) => !r.fromServiceWorker), 'responses from the network').toEqual([]);
  expect(responses.filter((r) => !r.url.startsWith(deployment.url)), 'outside the folder').toEqual([]);
});
