// Where the time of "Next pressed → next question" goes: a CPU profile and a trace summary of
// the answer-to-screen steps that `bench/browser.mjs` times, at the same 4x CPU slowdown.
//
// The release bundle's wasm has no function names, so the profile runs on a copy of a release
// build whose wasm and JS glue are rebuilt with names kept (same optimisation level):
//
//   1. a normal release build in --dist (e.g. `trunk build --release --dist target/perf-dist`);
//   2. this script, unless --no-build, then runs (bench/module-swap.mjs)
//        cargo build --release --target wasm32-unknown-unknown --bin skin-consult
//        wasm-bindgen --keep-debug --target web --no-typescript --out-name named ...
//        wasm-opt -Oz -g <index.html's data-wasm-opt-params>      (name section kept)
//      into <out>/named/, copies --dist to <out>/dist/, puts the named .wasm and .js in place
//      of the release ones (same file names) and rewrites their integrity hashes in index.html.
//      The service worker is blocked (its precache list names the release files' hashes).
//   3. it serves <out>/dist on 127.0.0.1 (the benchmark's server, without gzip), presses Start,
//      and for each of --steps questions answers it as the benchmark does, then records one
//      CPU profile (Profiler.start/stop, sampling every --interval µs) from just before Next is
//      pressed until the frame after the next question is in the DOM. It prints the functions
//      with the most self time summed over all steps, the steps' timings (inflated by the
//      profiler), and, from a separate pass with a Chromium trace, the time spent in style,
//      layout, paint and script per step (forced layouts are those with a JS stack).
//   --measure-only skips the profile and just times the steps as the benchmark does (without
//   its first-load runs), --rounds times over, and adds each step's main-thread CPU time from a
//   light trace (less sensitive to other load on the machine than the wall-clock times).
//   --ab <other dist> measures a second build too, alternating rounds between the two.
//
// Usage: node bench/profile-next.mjs --dist target/perf-dist [--out target/perf-profile]
//          [--no-build] [--steps 12] [--interval 50] [--top 40] [--rounds 1] [--measure-only]
//          [--ab other-dist] [--filter text] (only functions whose name contains text, e.g. "skin_consult")

import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../tests/e2e/support/static-server.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/support/chromium.mjs';
import { buildModule, swapModule } from './module-swap.mjs';
import { answer, pressNext } from './steps.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}
const flag = (name) => process.argv.includes(name);

const dist = arg('--dist', 'target/perf-dist');
const out = resolve(arg('--out', 'target/perf-profile'));
const steps = Number(arg('--steps', '12'));
const interval = Number(arg('--interval', '50'));
const top = Number(arg('--top', '40'));
const rounds = Number(arg('--rounds', '1'));
const filter = arg('--filter', '');
const measureOnly = flag('--measure-only');
const other = arg('--ab', undefined);
const CPU_SLOWDOWN = 4;

// ---------------------------------------------------------------------------------------------
// The page: a release build, with named wasm unless only measuring.

function prepareNamedDist() {
  const named = join(out, 'named');
  const page = join(out, 'dist');
  const module = { js: join(named, 'named.js'), wasm: join(named, 'named_bg.opt.wasm') };
  if (!flag('--no-build')) {
    buildModule({ pkg: 'skin-consult', bin: 'skin-consult', outDir: named, name: 'named', keepNames: true });
  }
  rmSync(page, { recursive: true, force: true });
  cpSync(dist, page, { recursive: true });
  swapModule(page, module);
  return page;
}

// ---------------------------------------------------------------------------------------------
// The steps, as bench/browser.mjs takes them.

async function openConsultation(browser, url) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  return { context, page, cdp };
}

// ---------------------------------------------------------------------------------------------
// Summaries.

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function timings(label, samples, cpu = [], each = true) {
  const r = stats(samples.map((s) => s.rendered));
  const p = stats(samples.map((s) => s.painted));
  const c = cpu.length ? stats(cpu) : undefined;
  console.log(
    `${label}: rendered median ${r.median.toFixed(1)} ms (${r.min.toFixed(1)}–${r.max.toFixed(1)}), ` +
      `painted median ${p.median.toFixed(1)} ms (${p.min.toFixed(1)}–${p.max.toFixed(1)})` +
      (c ? `, main-thread CPU median ${c.median.toFixed(1)} ms (${c.min.toFixed(1)}–${c.max.toFixed(1)})` : '') +
      (each ? `\n  ${samples.map((s) => `${s.rendered.toFixed(1)}/${s.painted.toFixed(1)}`).join(', ')}` : ''),
  );
}

/** The renderer main thread's CPU time (ms) in each step: thread clock from mark to mark. */
function stepCpu(events) {
  return stepWindows(events, 'tts').map(([a, b]) => (b - a) / 1000);
}

/** [start, end] (trace µs) of each step, from the marks pressNext sets. */
function stepWindows(events, clock = 'ts') {
  const marks = events.filter((e) => e.name === 'sc-next-start' || e.name === 'sc-next-end').sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i].name === 'sc-next-start' && marks[i + 1].name === 'sc-next-end') windows.push([marks[i][clock], marks[i + 1][clock]]);
  }
  return windows;
}

function frameName(frame) {
  const name = frame.functionName || '(anonymous)';
  if (frame.url.startsWith('wasm://')) return `[wasm] ${name}`;
  if (!frame.url) return name;
  const file = frame.url.split('/').pop();
  return `${name} (${file}:${frame.lineNumber + 1})`;
}

/** Adds a profile's self and total time (µs) per function to `table`. */
function addProfile(table, profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : profile.endTime - profile.startTime - timeDeltas.reduce((a, b) => a + b, 0);
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(dt, 0));
  }
  for (const [id, us] of self) {
    const seen = new Set();
    let node = id;
    let first = true;
    while (node !== undefined) {
      const name = frameName(nodes.get(node).callFrame);
      const row = table.get(name) ?? { self: 0, total: 0 };
      if (first) row.self += us;
      if (!seen.has(name)) row.total += us; // recursion counts once
      seen.add(name);
      table.set(name, row);
      first = false;
      node = parent.get(node);
    }
  }
}

/**
 * The DOM call that forced a style or layout update: the wasm-bindgen import on the stack
 * (`__wbg_focus_<hash>` → `focus`), past the glue's `handleError` wrapper; else the top frame.
 */
function forcingCall(stack) {
  for (const frame of stack) {
    const wbg = /^__wbg_(\w+?)_[0-9a-f]{16}$/.exec(frame.functionName);
    if (wbg) return wbg[1];
  }
  return stack.find((f) => f.functionName && f.functionName !== 'handleError')?.functionName ?? 'script';
}

/** Per step: the renderer main thread's time in script, style, layout and paint. */
function summariseTrace(events, windows) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main || e.pid !== main.pid || e.tid !== main.tid) continue;
    if (!windows.some(([a, b]) => e.ts >= a && e.ts <= b)) continue;
    let name = e.name;
    if ((name === 'Layout' || name === 'UpdateLayoutTree') && e.args?.beginData?.stackTrace?.length) {
      name += ` (forced by ${forcingCall(e.args.beginData.stackTrace)})`;
    }
    const row = byName.get(name) ?? { dur: 0, count: 0 };
    row.dur += e.dur ?? 0;
    row.count += 1;
    byName.set(name, row);
  }
  return byName;
}

// ---------------------------------------------------------------------------------------------

const root = measureOnly ? dist : prepareNamedDist();
const server = await startServer({ root });
const otherServer = other ? await startServer({ root: other }) : undefined;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const url = `${server.url}/`;
  if (measureOnly) {
    // Rounds alternate between the builds compared, so the machine's load hits them alike.
    const pages = [[dist, url]];
    if (other) pages.push([other, `${otherServer.url}/`]);
    const all = new Map(pages.map(([name]) => [name, { samples: [], cpu: [] }]));
    for (let round = 1; round <= rounds; round++) {
      for (const [name, pageUrl] of pages) {
        const { context, page } = await openConsultation(browser, pageUrl);
        await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
        const samples = [];
        for (let step = 0; step < steps; step++) {
          await answer(page);
          samples.push(await pressNext(page));
        }
        const trace = JSON.parse((await browser.stopTracing()).toString());
        await context.close();
        const cpu = stepCpu(trace.traceEvents ?? trace);
        timings(`round ${round}, ${name}`, samples, cpu);
        all.get(name).samples.push(...samples);
        all.get(name).cpu.push(...cpu);
      }
    }
    console.log('');
    for (const [name, { samples, cpu }] of all) timings(`all ${rounds} rounds, ${name}`, samples, cpu, false);
  } else {
    // 1. CPU profile of each step.
    const { context, page, cdp } = await openConsultation(browser, url);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval });
    const table = new Map();
    const samples = [];
    let wall = 0;
    for (let step = 0; step < steps; step++) {
      await answer(page);
      await cdp.send('Profiler.start');
      samples.push(await pressNext(page));
      const { profile } = await cdp.send('Profiler.stop');
      wall += profile.endTime - profile.startTime;
      addProfile(table, profile);
    }
    await context.close();
    timings('with the profiler on (inflated)', samples);
    const rows = [...table.entries()].filter(([name]) => name.includes(filter));
    const ms = (us) => (us / 1000).toFixed(1).padStart(7);
    console.log(`\nCPU profile, ${steps} steps, ${(wall / 1000).toFixed(0)} ms profiled (includes the profiler's own round trips)`);
    console.log('\nTop self time (ms, summed over the steps; self, total):');
    for (const [name, row] of rows.sort((a, b) => b[1].self - a[1].self).slice(0, top)) {
      console.log(`${ms(row.self)} ${ms(row.total)}  ${name}`);
    }
    console.log('\nTop total time (ms; self, total):');
    for (const [name, row] of rows.sort((a, b) => b[1].total - a[1].total).slice(0, top)) {
      console.log(`${ms(row.self)} ${ms(row.total)}  ${name}`);
    }

    // 2. A trace of the same steps: style, layout, paint.
    const traced = await openConsultation(browser, url);
    await browser.startTracing(traced.page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8.execute', 'blink.user_timing'],
    });
    const windows = [];
    for (let step = 0; step < steps; step++) {
      await answer(traced.page);
      await pressNext(traced.page);
    }
    const trace = JSON.parse((await browser.stopTracing()).toString());
    await traced.context.close();
    const events = trace.traceEvents ?? trace;
    windows.push(...stepWindows(events));
    const byName = summariseTrace(events, windows);
    console.log(`\nTrace, ${windows.length} steps: main-thread events (inclusive ms per step, count per step)`);
    const rowsT = [...byName.entries()].sort((a, b) => b[1].dur - a[1].dur).slice(0, 25);
    for (const [name, row] of rowsT) {
      console.log(`${(row.dur / 1000 / windows.length).toFixed(2).padStart(7)} ${(row.count / windows.length).toFixed(1).padStart(5)}  ${name}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await otherServer?.close();
}
