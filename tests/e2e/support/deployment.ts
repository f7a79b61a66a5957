// A copy of the build under test on its own static server, for tests that change what is
// deployed (a new version, a clinic's configuration pasted into index.html) or where it is
// deployed (a folder of the clinic's site instead of the site root).
//
// `deploymentTest(options)` extends a spec's `test` with a `deployment` fixture and points
// `baseURL` at it (origin and folder), so the shared traffic checks (no failed request, no
// other origin) watch the deployment. Pages are opened with `deployment.url`, not '/'.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page, type TestType } from '@playwright/test';
import { startServer } from './static-server.mjs';
import { files, writeServiceWorker } from '../../../pwa/precache.mjs';

/** The build under test (what Playwright's web server serves). */
export const DIST = process.env.E2E_DIST ?? 'dist';

/** Every file of a build folder (not its Brotli copies), relative, with `/` separators, sorted. */
export function buildFiles(dir: string): string[] {
  return files(dir);
}

/** A deployed copy of the build. */
export interface Deployment {
  /** Its folder on disk (the test may change it, then call `publish`). */
  dir: string;
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** The URL of the folder the build is served from, ending in `/`. */
  url: string;
}

/** Where and what to deploy. */
export interface DeploymentOptions {
  /** The URL path of the folder, starting and ending with `/` (default: the site root). */
  base?: string;
  /** A clinic configuration, pasted into index.html as a clinic would. */
  config?: unknown;
}

/**
 * Puts `config` into the deployment's index.html as the widget's configuration and
 * regenerates sw.js (as README asks after editing index.html). Returns the new version.
 */
export function pasteConfig(dir: string, config: unknown): string {
  const json = JSON.stringify(config);
  return editIndex(dir, (html) =>
    html.replace('<body>', `<body><script type="application/json" id="skin-consult-config">${json}</script>`),
  );
}

/**
 * Deploys a new version: index.html gains `<meta name="sc-e2e-build" content="N">` (a page
 * of the new version can be told from the old one) and sw.js is regenerated. Returns the
 * new version.
 */
export function publishNewVersion(dir: string, build = 2): string {
  return editIndex(dir, (html) => html.replace('<head>', `<head><meta name="sc-e2e-build" content="${build}">`));
}

function editIndex(dir: string, edit: (html: string) => string): string {
  const index = join(dir, 'index.html');
  const before = readFileSync(index, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('index.html did not change');
  writeFileSync(index, after);
  return writeServiceWorker(dir).version;
}

/** The version written into a deployment's sw.js. */
export function deployedVersion(dir: string): string {
  return readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = "([0-9a-f]+)"/)![1];
}

/** `test` with a `deployment` fixture (a fresh copy per test) and `baseURL` pointing at it. */
export function deploymentTest<T extends TestType<any, any>>(test: T, options: DeploymentOptions = {}) {
  const base = options.base ?? '/';
  return test.extend<{ deployment: Deployment }>({
    deployment: async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'sc-deployment-'));
      cpSync(DIST, dir, { recursive: true });
      if (options.config !== undefined) pasteConfig(dir, options.config);
      const server = await startServer({ root: dir, base, encoding: 'br' });
      await use({ dir, origin: server.url, url: `${server.url}${base}` });
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
    baseURL: async ({ deployment }, use) => use(deployment.url),
  });
}

/** Waits until the service worker controls the page (it claims the page once activated). */
export async function waitForServiceWorker(page: Page) {
  // Polled from the test, not in the page: a test may have replaced the page's timers.
  await pollInPage(page, () => navigator.serviceWorker.controller !== null);
}

/** One response the page received, and whether the service worker gave it. */
export interface SeenResponse {
  url: string;
  fromServiceWorker: boolean;
}

/**
 * Takes the browser context offline and reloads the page; returns the list that collects
 * every response the page receives from then on (it keeps filling as the test goes on).
 */
export async function reloadOffline(page: Page, context: BrowserContext): Promise<SeenResponse[]> {
  await context.setOffline(true);
  const responses: SeenResponse[] = [];
  page.on('response', (response) =>
    responses.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() }),
  );
  await page.reload();
  return responses;
}

/** Asks the browser to look for a new version now (as the widget does hourly and between patients). */
export async function askForUpdate(page: Page) {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
}

/** Whether a new version is installed and waits behind the one in control. */
export async function versionWaiting(page: Page): Promise<boolean> {
  return page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
}

/** Asks for a new version and waits until it is installed and waiting. */
export async function findNewVersion(page: Page) {
  await askForUpdate(page);
  await pollInPage(page, async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
}

/** The widget's caches and the URLs each holds. */
export async function precached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith('skin-consult:')) continue;
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** Waits until `check`, run in the page, returns true. */
async function pollInPage(page: Page, check: () => boolean | Promise<boolean>) {
  await expect.poll(() => page.evaluate(check), { timeout: 20_000 }).toBe(true);
}
