// Browser benchmark of the release build (run by `cargo xtask bench`, never in CI).
//
// Serves dist/ on 127.0.0.1 twice, as two kinds of clinic web server would: one sending the
// build's precompressed Brotli copies (gzip for the rest), one with gzip only. On each it loads
// the widget N times, each in a fresh browser context with the cache disabled, under a
// throttled mobile profile set through the Chrome DevTools Protocol:
//   CPU 4x slowdown, 150 ms latency, 200 000 B/s (1.6 Mbit/s) down, 93 750 B/s (750 kbit/s) up,
//   390x844 viewport at DPR 3, touch.
// Per load it records:
//   - time from navigation start to the first interactive screen: a MutationObserver installed
//     before any page script records performance.now() when the Start button is in the DOM,
//     rendered and enabled (and logs it, so the benchmark waits without polling the page);
//   - time to the first question when Start is tapped the moment the app's Start works (its
//     part of the module, loaded after the welcome screen, may still be on its way);
//   - bytes transferred by the first interactive screen and by the first question: sums of
//     encodedDataLength over Network.loadingFinished;
//   - JS heap used: Performance.getMetrics JSHeapUsedSize once the page has loaded.
// and prints medians (with min and max) as a Markdown table.
//
// Then, on the Brotli server, the repeat visit of an installed tablet: one browser context
// visits once (the service worker installs and precaches the build), then opens the widget N
// more times, each in a new tab at 4x CPU slowdown, served by the service worker. Each tab stays
// open --dwell ms (default 6000) after its first screen is interactive, as on a tablet where a
// patient reads the welcome screen: Chrome stores the module's compiled code next to its cached
// response only a few seconds into a visit (after the module has been used and tiered up, from
// the second compilation of a response on), and a later visit loads that code instead of
// compiling again. So the first visits after an install compile the module, and the later
// ones start from the stored code; the first one is also reported on its own. Per visit it
// records the time to the first interactive screen, when the page came from the service
// worker, when the wasm module was requested and its response arrived, and when its
// compilation (`WebAssembly.compileStreaming`, or `instantiateStreaming`, both of which need
// the cached response's `application/wasm`) started and ended, and checks that every response
// came from the service worker and that the module was compiled while streaming.
// The same repeat visits of two floor pages follow, copies of the build in which only the
// widget's code differs: one whose page is a static heading, sentence and Start button (the
// build's stylesheets, no script but the service worker's registration), and one whose module
// is a Yew app that shows just that (bench/yew-floor, built like the widget). They tell how much
// of the time a new tab takes before any code can run, and before a Yew app can show anything,
// on this machine and browser.
// --repeat-only measures just the repeat visits.
//
// Usage: node bench/browser.mjs [--dist dist] [--runs 7] [--dwell 6000] [--repeat-only]
//          [--chromium /usr/bin/chromium]

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { writeServiceWorker } from '../pwa/precache.mjs';
import { buildModule, swapModule } from './module-swap.mjs';
import { startServer } from '../tests/e2e/support/static-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.mjs';
import { answer, pressNext } from './steps.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const dist = arg('--dist', 'dist');
const runs = Number(arg('--runs', '7'));
const dwellMs = Number(arg('--dwell', '6000'));
const repeatOnly = process.argv.includes('--repeat-only');
const executablePath = arg('--chromium', CHROMIUM_PATH);
const PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downBytesPerSec: 200_000,
  upBytesPerSec: 93_750,
  viewport: { width: 390, height: 844 },
};
const LOAD_TIMEOUT_MS = 120_000;

/** What the probe logs once the first screen is usable. */
const READY_MESSAGE = 'skin-consult bench: interactive';

// Runs in the page before any of its scripts: records when the first screen becomes usable, and
// says so on the console.
function readyProbe(readyMessage) {
  // `painted`: the welcome screen written into the page before the code arrives (its Start is
  // kept for the app); otherwise the app's own screen.
  const startShown = (painted) => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent.trim() !== 'Start' || button.disabled) continue;
      if (Boolean(button.closest('[data-sc-prepaint]')) !== painted) continue;
      const box = button.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (window.__scPaintedAt === undefined && startShown(true)) {
      window.__scPaintedAt = performance.now();
    }
    if (window.__scInteractiveAt === undefined && startShown(false)) {
      window.__scInteractiveAt = performance.now();
      observer.disconnect();
      console.debug(readyMessage);
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * Opens `url` in `page` and resolves once the probe reports the first screen usable. It listens
 * for the probe's console message instead of polling the page (`waitForFunction`): polling
 * injects Playwright's own script into the page, which costs the page tens of milliseconds at 4x
 * slowdown, in the middle of its start-up when the `load` event comes before the first screen.
 */
async function openUntilInteractive(page, url) {
  const ready = page.waitForEvent('console', {
    predicate: (message) => message.text() === READY_MESSAGE,
    timeout: LOAD_TIMEOUT_MS,
  });
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await ready;
}

// Runs in the page before any of its scripts: records when the wasm module is compiled, by
// whichever streaming call the loader uses (`compileStreaming`, or `instantiateStreaming`).
function wasmProbe() {
  for (const name of ['compileStreaming', 'instantiateStreaming']) {
    const streaming = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      const start = performance.now();
      return streaming.apply(this, args).then((result) => {
        window.__scWasm ??= { start, end: performance.now() };
        return result;
      });
    };
  }
}

/** A fresh browser context with the benchmark's phone screen. */
function mobileContext(browser) {
  return browser.newContext({ viewport: PROFILE.viewport, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
}

async function measureOnce(browser, url) {
  const context = await mobileContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downBytesPerSec,
      uploadThroughput: PROFILE.upBytesPerSec,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    await cdp.send('Performance.enable');
    await page.addInitScript(readyProbe, READY_MESSAGE);

    await openUntilInteractive(page, url);
    const interactiveMs = await page.evaluate(() => window.__scInteractiveAt);
    const paintedMs = await page.evaluate(() => window.__scPaintedAt ?? window.__scInteractiveAt);
    const bytesAtInteractive = bytes;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (heap === undefined) throw new Error('Performance.getMetrics returned no JSHeapUsedSize');
    // A patient who taps Start the moment it works: when is the first question on screen (its
    // part of the module may still be on its way), and what had been transferred by then.
    const questionMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = [...document.querySelectorAll('button')].find(
            (b) => b.textContent.trim() === 'Start' && !b.closest('[data-sc-prepaint]'),
          );
          start.click();
          const check = () =>
            document.querySelector('[data-question]') ? resolve(performance.now()) : requestAnimationFrame(check);
          check();
        }),
    );
    return { interactiveMs, paintedMs, questionMs, bytes: bytesAtInteractive, bytesAtQuestion: bytes, heap };
  } finally {
    await context.close();
  }
}

/** Registers the copy's service worker, as the widget does once its first screen is shown. */
const FLOOR_SCRIPT = '<script type="module" src="floor.js"></script>';

/**
 * A temporary copy of `dist` whose index.html `page` rewrites (it must add FLOOR_SCRIPT) and
 * whose service worker is written anew for it; returns the copy's folder.
 */
function floorCopy(name, page, prepare = () => {}) {
  const folder = mkdtempSync(join(tmpdir(), `skin-consult-${name}-`));
  cpSync(dist, folder, { recursive: true });
  prepare(folder);
  const index = join(folder, 'index.html');
  const html = page(readFileSync(index, 'utf8'));
  if (!html.includes(FLOOR_SCRIPT)) {
    throw new Error(`${name}: the build's index.html no longer has the loader script the floor page replaces`);
  }
  writeFileSync(index, html);
  writeFileSync(join(folder, 'floor.js'), "navigator.serviceWorker.register('./sw.js', { scope: './' });\n");
  writeServiceWorker(folder);
  return folder;
}

/** The static floor page: no widget code at all. */
function staticFloor() {
  return floorCopy('static-floor', (html) => {
    const welcome = '<section><h1>Skin consultation</h1><p>Answer a few questions.</p><button type="button">Start</button></section>';
    const page = html
      .replace(/<script type="module"[^>]*><\/script>/, FLOOR_SCRIPT)
      .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
      .replace(/<noscript>[\s\S]*?<\/noscript>/, welcome);
    if (!page.includes(welcome)) throw new Error("static floor: the build's index.html has no <noscript> to replace");
    return page;
  });
}

/** The Yew floor: the build with bench/yew-floor's module in place of the widget's. */
function yewFloor() {
  const module = buildModule({
    pkg: 'skin-consult-yew-floor',
    bin: 'skin-consult-yew-floor',
    outDir: 'target/yew-floor',
    name: 'yew-floor',
  });
  return floorCopy(
    'yew-floor',
    (html) => html.replace('</head>', `${FLOOR_SCRIPT}</head>`),
    (folder) => swapModule(folder, module),
  );
}

/**
 * Repeat visits in new tabs of an installed build at `url`; `floor` names a floor page in the
 * log, and `hasModule` is false for the static one, which has no wasm module to check.
 */
async function measureRepeatVisits(browser, url, { floor = '', hasModule = true } = {}) {
  const context = await mobileContext(browser);
  try {
    const first = await context.newPage();
    await first.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: LOAD_TIMEOUT_MS,
    });
    await first.close();
    await context.addInitScript(readyProbe, READY_MESSAGE);
    await context.addInitScript(wasmProbe);
    const samples = [];
    for (let i = 1; i <= runs; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
      const network = [];
      page.on('response', (response) => {
        if (!response.fromServiceWorker()) network.push(response.url());
      });
      await openUntilInteractive(page, url);
      const sample = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource');
        const find = (suffix) => resources.find((e) => e.name.endsWith(suffix));
        return {
          interactiveMs: window.__scInteractiveAt,
          wasmStart: window.__scWasm?.start,
          wasmEnd: window.__scWasm?.end,
          htmlResponse: nav.responseEnd,
          wasmRequest: find('.wasm')?.startTime,
          wasmResponse: find('.wasm')?.responseEnd,
        };
      });
      if (network.length) throw new Error(`repeat visit went to the network: ${network.join(', ')}`);
      if (hasModule && sample.wasmEnd === undefined) {
        throw new Error('repeat visit: the wasm module was not compiled while streaming (compileStreaming or instantiateStreaming)');
      }
      samples.push(sample);
      const ms = (n) => (n === undefined ? '?' : n.toFixed(0));
      const wasm = hasModule
        ? `, wasm requested ${ms(sample.wasmRequest)}, response ${ms(sample.wasmResponse)}, ` +
          `compiled ${ms(sample.wasmStart)}–${ms(sample.wasmEnd)} ms`
        : '';
      console.log(
        `repeat visit${floor ? ` (${floor} floor)` : ''} ${i}/${runs}: interactive ${ms(sample.interactiveMs)} ms ` +
          `(service worker cache; page ${ms(sample.htmlResponse)}${wasm})`,
      );
      // Stay on the page as a patient would, long enough for Chrome to store the module's
      // compiled code next to the cached response; the next visit can then use it.
      if (dwellMs) await page.waitForTimeout(dwellMs);
      await page.close();
    }
    return samples;
  } finally {
    await context.close();
  }
}

/** Time from pressing Next to the frame that shows the next question, for the first questions. */
async function measureAnswerToNextScreen(browser, url) {
  const context = await mobileContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const samples = [];
    for (let step = 0; step < 12; step++) {
      await answer(page);
      const ms = await pressNext(page);
      samples.push(ms);
    }
    console.log(
      `answer → next question (CPU ${PROFILE.cpuSlowdown}x), rendered / painted: ` +
        samples.map((s) => `${s.rendered.toFixed(1)}/${s.painted.toFixed(1)}`).join(', ') +
        ' ms',
    );
    return samples;
  } finally {
    await context.close();
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** N fresh first visits to `server`; logs each and returns the samples. */
async function measureFirstVisits(browser, server, label) {
  const samples = [];
  for (let i = 1; i <= runs; i++) {
    const sample = await measureOnce(browser, `${server.url}/`);
    samples.push(sample);
    console.log(
      `first visit (${label}) ${i}/${runs}: interactive ${sample.interactiveMs.toFixed(0)} ms, ` +
        `first question ${sample.questionMs.toFixed(0)} ms, ${sample.bytes} B transferred ` +
        `(${sample.bytesAtQuestion} B by the first question), JS heap ${(sample.heap / 1024).toFixed(0)} KB`,
    );
  }
  return samples;
}

function row(label, { median, min, max }, unit = 'ms', digits = 0) {
  const f = (n) => `${n.toFixed(digits)} ${unit}`;
  console.log(`| ${label} | ${f(median)} | ${f(min)} | ${f(max)} |`);
}

function repeatRows(visits, floors) {
  const of = (f) => stats(visits.map(f));
  row(`Repeat visit from the service worker cache → first interactive screen (CPU 4x, ${visits.length} visits)`, of((v) => v.interactiveMs));
  console.log(`| … the first visit after the install (the module is compiled, no stored code yet) | ${visits[0].interactiveMs.toFixed(0)} ms | | |`);
  row('… of which: navigation → page from the service worker', of((v) => v.htmlResponse));
  row('… of which: navigation → wasm compiled (streaming, from the cache)', of((v) => v.wasmEnd));
  row('… of which: wasm compiled → first interactive screen (the app starting)', of((v) => v.interactiveMs - v.wasmEnd));
  const floor = (label, samples) => row(label, stats(samples.map((v) => v.interactiveMs)));
  floor('Floor: the same visits to a static page with only a Start button (no code)', floors.static);
  floor('Floor: the same visits to a Yew app with only that screen (bench/yew-floor)', floors.yew);
}

/** Repeat visits of the build and of its two floor pages (see the top of this file). */
async function measureRepeatAndFloors(browser, server) {
  const visits = await measureRepeatVisits(browser, `${server.url}/`);
  const floors = {};
  for (const [floor, build, hasModule] of [['static', staticFloor, false], ['yew', yewFloor, true]]) {
    const folder = build();
    const floorServer = await startServer({ root: folder, encoding: 'br' });
    try {
      floors[floor] = await measureRepeatVisits(browser, `${floorServer.url}/`, { floor, hasModule });
    } finally {
      await floorServer.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return { visits, floors };
}

function header(browser, what) {
  console.log('');
  console.log(`Date: ${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()}`);
  console.log(what);
  console.log('');
  console.log('| Metric | Median | Min | Max |');
  console.log('|---|---:|---:|---:|');
}

const server = await startServer({ root: dist, encoding: 'br' });
const gzipServer = await startServer({ root: dist, encoding: 'gzip' });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
try {
  if (repeatOnly) {
    const { visits, floors } = await measureRepeatAndFloors(browser, server);
    header(browser, `Repeat visits only: ${runs} visits, each tab kept open ${dwellMs} ms`);
    repeatRows(visits, floors);
  } else {
    const samples = await measureFirstVisits(browser, server, 'Brotli server');
    const gzipSamples = await measureFirstVisits(browser, gzipServer, 'gzip-only server');
    const { visits, floors } = await measureRepeatAndFloors(browser, server);
    const answers = await measureAnswerToNextScreen(browser, `${server.url}/`);
    const rendered = stats(answers.map((a) => a.rendered));
    const painted = stats(answers.map((a) => a.painted));
    const t = stats(samples.map((s) => s.interactiveMs));
    const b = stats(samples.map((s) => s.bytes));
    const tg = stats(gzipSamples.map((s) => s.interactiveMs));
    const bg = stats(gzipSamples.map((s) => s.bytes));
    const h = stats(samples.map((s) => s.heap / 1024));
    header(
      browser,
      `Profile: ${PROFILE.viewport.width}x${PROFILE.viewport.height} mobile viewport, CPU ${PROFILE.cpuSlowdown}x slowdown, ` +
        `${PROFILE.latencyMs} ms latency, 1.6 Mbit/s down / 750 kbit/s up, cache disabled, ` +
        `median of ${runs} fresh loads per server; repeat visits: each tab kept open ${dwellMs} ms`,
    );
    row('Navigation → welcome screen painted before the code (Start kept), Brotli server', stats(samples.map((s) => s.paintedMs)));
    row('Navigation → first interactive screen (the app\'s Start enabled), Brotli server', t);
    row('… gzip-only server', tg);
    row('Navigation → first question on screen, Start tapped as soon as it works, Brotli server', stats(samples.map((s) => s.questionMs)));
    row('… gzip-only server', stats(gzipSamples.map((s) => s.questionMs)));
    const kb = (values) => { const x = stats(values); return { median: x.median / 1024, min: x.min / 1024, max: x.max / 1024 }; };
    row('Bytes by the first question, Brotli server', kb(samples.map((s) => s.bytesAtQuestion)), 'KB', 1);
    row('… gzip-only server', kb(gzipSamples.map((s) => s.bytesAtQuestion)), 'KB', 1);
    row('Bytes by the first interactive screen, Brotli server', { median: b.median / 1024, min: b.min / 1024, max: b.max / 1024 }, 'KB', 1);
    row('… gzip-only server', { median: bg.median / 1024, min: bg.min / 1024, max: bg.max / 1024 }, 'KB', 1);
    row('JS heap used after load', h, 'KB');
    row(`Next pressed → next question in the DOM (CPU ${PROFILE.cpuSlowdown}x, 12 steps)`, rendered, 'ms', 1);
    row('Next pressed → next question painted (includes the wait for the next frame)', painted, 'ms', 1);
    repeatRows(visits, floors);
  }
} finally {
  await browser.close();
  await server.close();
  await gzipServer.close();
}
