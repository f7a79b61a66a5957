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
//     rendered and enabled;
//   - bytes transferred: sum of encodedDataLength over Network.loadingFinished;
//   - JS heap used: Performance.getMetrics JSHeapUsedSize once the page has loaded.
// and prints medians (with min and max) as a Markdown table.
//
// Then, on the Brotli server, the repeat visit of an installed tablet: one browser context
// visits once (the service
// worker installs and precaches the build), then opens the widget N more times, each in a new
// tab at 4x CPU slowdown, served by the service worker. Per visit it records the time to the
// first interactive screen, when the wasm module's response arrived and when its compilation
// (`WebAssembly.instantiateStreaming`, which needs the cached response's `application/wasm`)
// started and ended, and checks that every response came from the service worker and that
// the module was compiled while streaming.
//
// Usage: node bench/browser.mjs [--dist dist] [--runs 7] [--chromium /usr/bin/chromium]

import { chromium } from '@playwright/test';
import { startServer } from '../tests/e2e/support/static-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.mjs';
import { answer, pressNext } from './steps.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const dist = arg('--dist', 'dist');
const runs = Number(arg('--runs', '7'));
const executablePath = arg('--chromium', CHROMIUM_PATH);
const PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downBytesPerSec: 200_000,
  upBytesPerSec: 93_750,
  viewport: { width: 390, height: 844 },
};
const LOAD_TIMEOUT_MS = 120_000;

// Runs in the page before any of its scripts: records when the first screen becomes usable.
function readyProbe() {
  const isReady = () => {
    for (const button of document.querySelectorAll('button')) {
      if (button.textContent.trim() !== 'Start' || button.disabled) continue;
      const box = button.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => {
    if (window.__scInteractiveAt === undefined && isReady()) {
      window.__scInteractiveAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

// Runs in the page before any of its scripts: records when the wasm module is compiled.
function wasmProbe() {
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (...args) {
    const start = performance.now();
    return streaming.apply(this, args).then((result) => {
      window.__scWasm = { start, end: performance.now() };
      return result;
    });
  };
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
    await page.addInitScript(readyProbe);

    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => window.__scInteractiveAt !== undefined, null, {
      timeout: LOAD_TIMEOUT_MS,
    });
    const interactiveMs = await page.evaluate(() => window.__scInteractiveAt);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (heap === undefined) throw new Error('Performance.getMetrics returned no JSHeapUsedSize');
    return { interactiveMs, bytes, heap };
  } finally {
    await context.close();
  }
}

async function measureRepeatVisits(browser, url) {
  const context = await mobileContext(browser);
  try {
    const first = await context.newPage();
    await first.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: LOAD_TIMEOUT_MS,
    });
    await first.close();
    await context.addInitScript(readyProbe);
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
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await page.waitForFunction(() => window.__scInteractiveAt !== undefined, null, {
        timeout: LOAD_TIMEOUT_MS,
      });
      const { interactiveMs, wasm, wasmResponse } = await page.evaluate(() => ({
        interactiveMs: window.__scInteractiveAt,
        wasm: window.__scWasm,
        wasmResponse: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd,
      }));
      if (network.length) throw new Error(`repeat visit went to the network: ${network.join(', ')}`);
      if (!wasm) throw new Error('repeat visit: the wasm module was not compiled with instantiateStreaming');
      samples.push({ interactiveMs, wasmResponse, wasmStart: wasm.start, wasmEnd: wasm.end });
      console.log(
        `repeat visit ${i}/${runs}: interactive ${interactiveMs.toFixed(0)} ms (service worker cache; ` +
          `wasm response ${wasmResponse.toFixed(0)} ms, compiled ${wasm.start.toFixed(0)}–${wasm.end.toFixed(0)} ms)`,
      );
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
        `${sample.bytes} B transferred, JS heap ${(sample.heap / 1024).toFixed(0)} KB`,
    );
  }
  return samples;
}

const server = await startServer({ root: dist, encoding: 'br' });
const gzipServer = await startServer({ root: dist, encoding: 'gzip' });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
try {
  const samples = await measureFirstVisits(browser, server, 'Brotli server');
  const gzipSamples = await measureFirstVisits(browser, gzipServer, 'gzip-only server');
  const visits = await measureRepeatVisits(browser, `${server.url}/`);
  const repeat = stats(visits.map((v) => v.interactiveMs));
  const repeatWasm = stats(visits.map((v) => v.wasmEnd));
  const repeatApp = stats(visits.map((v) => v.interactiveMs - v.wasmEnd));
  const answers = await measureAnswerToNextScreen(browser, `${server.url}/`);
  const rendered = stats(answers.map((a) => a.rendered));
  const painted = stats(answers.map((a) => a.painted));
  const t = stats(samples.map((s) => s.interactiveMs));
  const b = stats(samples.map((s) => s.bytes));
  const tg = stats(gzipSamples.map((s) => s.interactiveMs));
  const bg = stats(gzipSamples.map((s) => s.bytes));
  const h = stats(samples.map((s) => s.heap / 1024));
  const kb = (n) => (n / 1024).toFixed(1);
  console.log('');
  console.log(`Date: ${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()}`);
  console.log(
    `Profile: ${PROFILE.viewport.width}x${PROFILE.viewport.height} mobile viewport, CPU ${PROFILE.cpuSlowdown}x slowdown, ` +
      `${PROFILE.latencyMs} ms latency, 1.6 Mbit/s down / 750 kbit/s up, cache disabled, ` +
      `median of ${runs} fresh loads per server`,
  );
  console.log('');
  console.log('| Metric | Median | Min | Max |');
  console.log('|---|---:|---:|---:|');
  console.log(`| Navigation → first interactive screen (Start enabled), Brotli server | ${t.median.toFixed(0)} ms | ${t.min.toFixed(0)} ms | ${t.max.toFixed(0)} ms |`);
  console.log(`| … gzip-only server | ${tg.median.toFixed(0)} ms | ${tg.min.toFixed(0)} ms | ${tg.max.toFixed(0)} ms |`);
  console.log(`| Bytes transferred, Brotli server | ${kb(b.median)} KB | ${kb(b.min)} KB | ${kb(b.max)} KB |`);
  console.log(`| … gzip-only server | ${kb(bg.median)} KB | ${kb(bg.min)} KB | ${kb(bg.max)} KB |`);
  console.log(`| JS heap used after load | ${h.median.toFixed(0)} KB | ${h.min.toFixed(0)} KB | ${h.max.toFixed(0)} KB |`);
  console.log(`| Next pressed → next question in the DOM (CPU ${PROFILE.cpuSlowdown}x, 12 steps) | ${rendered.median.toFixed(1)} ms | ${rendered.min.toFixed(1)} ms | ${rendered.max.toFixed(1)} ms |`);
  console.log(`| Next pressed → next question painted (includes the wait for the next frame) | ${painted.median.toFixed(1)} ms | ${painted.min.toFixed(1)} ms | ${painted.max.toFixed(1)} ms |`);
  console.log(`| Repeat visit from the service worker cache → first interactive screen (CPU 4x) | ${repeat.median.toFixed(0)} ms | ${repeat.min.toFixed(0)} ms | ${repeat.max.toFixed(0)} ms |`);
  console.log(`| … of which: navigation → wasm compiled (streaming, from the cache) | ${repeatWasm.median.toFixed(0)} ms | ${repeatWasm.min.toFixed(0)} ms | ${repeatWasm.max.toFixed(0)} ms |`);
  console.log(`| … of which: wasm compiled → first interactive screen (the app starting) | ${repeatApp.median.toFixed(0)} ms | ${repeatApp.min.toFixed(0)} ms | ${repeatApp.max.toFixed(0)} ms |`);
} finally {
  await browser.close();
  await server.close();
  await gzipServer.close();
}
