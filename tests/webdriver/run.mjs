// The cross-engine layer: the same patient scenarios in every engine a patient may use, over
// W3C WebDriver, against the release build served on 127.0.0.1.
//
//   node tests/webdriver/run.mjs [--dist target/release-dist] [--engine firefox] [--engine webkit] [--only <text>]
//
// Engines run one after the other (see engines.mjs); each scenario runs in a clean browser
// state and must leave no console error, no uncaught exception, no crash screen and no request
// to another origin. Every wait polls a condition with a timeout, every WebDriver call has a
// timeout, and each scenario and engine has a time limit, so a stuck browser fails the run
// instead of hanging it. For each engine the last lines are
//
//   cross-engine <engine>: N passed, M failed
//
// (read by `cargo xtask test`); the exit status is non-zero when anything failed.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../e2e/support/static-server.mjs';
import { encodeAnswers } from '../e2e/support/share-link.mjs';
import { Driver, ENGINES, stopAll } from './engines.mjs';
import { Session, waitFor } from './webdriver.mjs';
import {
  QuestionnairePage,
  TYPICAL_PATIENT,
  UI,
  UNCONDITIONAL_QUESTIONS,
  catalog,
  catalogQuestion,
  persona,
} from './pages.mjs';

/** A scenario that has not finished in this time fails (and its browser is replaced). */
const SCENARIO_TIMEOUT_MS = 60_000;
/** An engine that has not finished all its scenarios in this time fails as a whole. */
const ENGINE_TIMEOUT_MS = 150_000;

const STATUSES = new Set(['suggested', 'caution', 'deferred', 'excluded']);
const PROCEDURES = new Set(catalog.procedures.map((p) => p.id));

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

/** Opens the results of `answers` directly, through a share link (setup, not the point). */
async function gotoResults(q, answers) {
  await q.open(`/#${encodeAnswers(answers)}`);
  await q.expectVisible(q.resultsScreen);
}

/** Checks the results contract: every card names a known procedure and a known status. */
async function expectResultsContract(q) {
  const statuses = await q.statuses();
  assert(Object.keys(statuses).length > 0, 'no result cards');
  for (const [procedure, status] of Object.entries(statuses)) {
    assert(PROCEDURES.has(procedure), `unknown procedure on a card: ${procedure}`);
    assert(STATUSES.has(status), `${procedure}: unknown status ${status}`);
  }
  return statuses;
}

// ---------------------------------------------------------------------------------------
// Scenarios: (context) => Promise<void>; context = { q, driver, dist, engine, newSession }
// ---------------------------------------------------------------------------------------

const SCENARIOS = [
  [
    'a typical patient completes the consultation and gets the results',
    async ({ q }) => {
      await q.goto();
      await q.start();
      const visited = await q.answerAll(TYPICAL_PATIENT);
      assert(visited.includes('acne_severity'), `the acne question was not asked: ${visited}`);
      await q.review();
      await q.results();
      const statuses = await expectResultsContract(q);
      // What the catalog rules give this patient (as in tests/e2e/consultation.spec.ts).
      const expected = {
        'medical-skin-care': 'suggested',
        hydrafacial: 'suggested',
        'chemical-peel': 'suggested',
        'retinoid-home-care': 'suggested',
        'botulinum-toxin': 'excluded',
        'dermal-filler': 'excluded',
        'laser-resurfacing': 'excluded',
      };
      for (const [procedure, status] of Object.entries(expected)) {
        assertEqual(statuses[procedure], status, procedure);
      }
      await q.expectVisible(q.disclaimer);
    },
  ],
  [
    'a red-flag answer gives a referral and no procedure',
    async ({ q }) => {
      const { answers, expect } = persona('changing-mole');
      await q.goto();
      await q.start();
      await q.answerAll({ ...TYPICAL_PATIENT, ...answers });
      await q.review();
      await q.results();
      await q.expectVisible(q.referral);
      const flags = await q.session.execute(
        `return [...document.querySelectorAll(arguments[0])].map((el) => el.getAttribute('data-flag')).sort();`,
        `${q.referral} [data-flag]`,
      );
      assertEqual(flags, [...expect.referral].sort(), 'referral flags');
      await q.expectCount(q.cards, 0);
      await q.expectVisible(q.disclaimer);
    },
  ],
  [
    'Back keeps earlier answers and a changed answer drops its branch',
    async ({ q }) => {
      await q.goto();
      await q.start();
      await q.answerAndContinue('age', 28);
      await q.answerAndContinue('skin_type', 'combination');
      await q.answerAndContinue('concerns', ['acne']);
      await q.expectQuestion('acne_severity');

      await q.back();
      await q.expectAnswer('concerns', ['acne']);
      await q.answerAndContinue('concerns', ['dullness']);
      // Without acne, the acne question is skipped.
      await q.expectQuestion('warning_signs');
      await q.expectText(q.progress, `Question 4 of ${UNCONDITIONAL_QUESTIONS}`);

      await q.back();
      await q.back();
      await q.expectAnswer('skin_type', 'combination');
      await q.back();
      await q.expectAnswer('age', 28);
    },
  ],
  [
    'a reload resumes at the same question with the answers kept',
    async ({ q }) => {
      await q.goto();
      await q.start();
      await q.answerAndContinue('age', 31);
      await q.answerAndContinue('skin_type', 'oily');
      await q.answerAndContinue('concerns', ['acne', 'blackheads_pores']);
      await q.expectQuestion('acne_severity');
      const progress = (await (await q.find(q.progress)).text()).trim();

      await q.reload();
      await q.expectVisible(q.notice('resumed'));
      await q.expectQuestion('acne_severity');
      await q.expectText(q.progress, progress);

      await q.back();
      await q.expectAnswer('concerns', ['acne', 'blackheads_pores']);
      await q.back();
      await q.expectAnswer('skin_type', 'oily');
      await q.back();
      await q.expectAnswer('age', 31);
    },
  ],
  [
    'a share link opened in a fresh browser shows the same results',
    async ({ q, newSession }) => {
      await gotoResults(q, TYPICAL_PATIENT);
      const expected = await expectResultsContract(q);
      const link = await (await q.find(q.shareLink)).property('value');
      assert(new URL(link).origin === q.baseURL, `share link on another origin: ${link}`);
      assert(/^#sc1;/.test(new URL(link).hash), `not a share link: ${link}`);

      // A new session: a new browser with an empty profile, as on someone else's phone.
      const other = await newSession();
      await other.session.navigate(link);
      await other.installErrorProbe();
      await other.expectVisible(other.resultsScreen);
      assertEqual(await other.statuses(), expected, 'statuses in the fresh browser');
      await other.expectCount('#skin-consult .sc-notice', 0);
      // The answers leave the address bar once read.
      await waitFor(async () => !(await other.session.url()).includes('#'), { message: 'the fragment to be cleared' });
    },
  ],
  [
    'the calendar file is an iCalendar download',
    async ({ q, driver }) => {
      await gotoResults(q, TYPICAL_PATIENT);
      // The app builds the file in the page and clicks a download link to a blob: record the
      // link, let the click through where the browser saves it (Firefox: into the session's
      // download folder), and read the blob back in the page.
      await q.session.execute(
        `
        window.__scDownloads = [];
        window.__scBlobs = {};
        const create = URL.createObjectURL;
        URL.createObjectURL = function (blob) {
          const url = create.call(URL, blob);
          window.__scBlobs[url] = blob;
          return url;
        };
        const click = HTMLAnchorElement.prototype.click;
        const passThrough = arguments[0];
        HTMLAnchorElement.prototype.click = function () {
          const blob = window.__scBlobs[this.href];
          window.__scDownloads.push({ href: this.href, download: this.download, type: blob ? blob.type : null });
          if (passThrough) click.call(this);
        };
        `,
        driver.engine.savesDownloads,
      );
      await (await q.button(UI.en.plan_download)).click();
      const [link] = await waitFor(() => q.session.execute('return window.__scDownloads.length && window.__scDownloads;'), {
        message: 'the download link',
      });
      assertEqual(link.download, 'treatment-plan.ics', 'file name');
      assert(link.href.startsWith('blob:'), `not a blob: ${link.href}`);
      assert(/^text\/calendar\b/.test(link.type ?? ''), `blob type: ${link.type}`);
      const text = await q.session.executeAsync(
        `const done = arguments[arguments.length - 1];
         window.__scBlobs[arguments[0]].text().then(done, (e) => done('unreadable blob: ' + e));`,
        link.href,
      );
      const expectCalendar = (ics, where) => {
        assert(/^BEGIN:VCALENDAR\r?\n/.test(ics), `${where}: does not start with BEGIN:VCALENDAR: ${ics.slice(0, 80)}`);
        assert(/\r?\nEND:VCALENDAR\r?\n?$/.test(ics), `${where}: does not end with END:VCALENDAR`);
        assert(/\r?\nVERSION:2\.0\r?\n/.test(ics), `${where}: no VERSION:2.0`);
        assert(/\r?\nBEGIN:VEVENT\r?\n/.test(ics), `${where}: no event`);
      };
      expectCalendar(text, 'the blob');
      if (driver.engine.savesDownloads) {
        const file = join(driver.downloads, 'treatment-plan.ics');
        await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes('END:VCALENDAR'), {
          message: `the download in the browser's download folder (${readdirSync(driver.downloads)})`,
        });
        assertEqual(readFileSync(file, 'utf8'), text, 'the saved file');
      }
    },
  ],
  [
    'switching to Türkçe keeps the question and the answers',
    async ({ q }) => {
      await q.goto();
      await q.start();
      await q.answerAndContinue('age', 28);
      await q.answer('skin_type', 'combination');
      await q.expectText(q.questionHeading, catalogQuestion('skin_type').prompt.en);

      await (await q.find(`${q.languageSelect} option[value="tr"]`)).click();
      await q.expectText(q.questionHeading, catalogQuestion('skin_type').prompt.tr);
      await q.expectAnswer('skin_type', 'combination');
      await q.expectText(q.progress, `Soru 2 / ${UNCONDITIONAL_QUESTIONS}`);
      await q.expectAttribute('html', 'lang', 'tr');

      // The answers given before are still there, in Turkish.
      await (await q.button(UI.tr.back)).click();
      await q.expectQuestion('age');
      await q.expectText(q.questionHeading, catalogQuestion('age').prompt.tr);
      await q.expectAnswer('age', 28);
    },
  ],
  [
    'with the server gone, a new visit runs the consultation from the service worker',
    async ({ q, dist }) => {
      // A server (an origin) of its own, stopped halfway.
      const server = await startServer({ root: dist, encoding: 'br' });
      const offline = new QuestionnairePage(q.session, server.url);
      try {
        await offline.goto();
        await waitFor(() => q.session.execute('return navigator.serviceWorker.controller !== null;'), {
          timeoutMs: 20_000,
          message: 'the service worker to control the page',
        });
        await offline.start();
        await offline.answerAndContinue('age', 28);
      } finally {
        await within(10_000, 'stopping the server', server.close());
      }
      // A new visit, not a reload: Firefox's WebDriver reload bypasses the service worker, as
      // a forced reload does.
      await offline.open('/');
      await offline.expectVisible(offline.notice('resumed'));
      await offline.expectQuestion('skin_type');
      await offline.answerAll(TYPICAL_PATIENT);
      await offline.review();
      await offline.results();
      await expectResultsContract(offline);
    },
  ],
];

// ---------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------

function args(name) {
  const out = [];
  for (let i = 2; i < process.argv.length; i++) if (process.argv[i] === name) out.push(process.argv[i + 1]);
  return out;
}

/** Rejects with a timeout error unless `promise` settles within `ms`. */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** How long a new session may take before its browser is given up and started again. */
const NEW_SESSION_TIMEOUT_MS = 30_000;

/**
 * Starts a driver of engine `name` and a session in it, once more from scratch if the session
 * does not come up (WebKitWebDriver has been seen not to answer a new-session request once in
 * a while; a second start has always answered). Returns { driver, page }.
 */
async function openBrowser(name, baseURL) {
  for (let attempt = 1; ; attempt++) {
    const driver = await Driver.start(name);
    try {
      const session = await Session.create(driver.base, driver.capabilities(), NEW_SESSION_TIMEOUT_MS);
      await session.setTimeouts({ script: 20_000, pageLoad: 30_000, implicit: 0 });
      return { driver, page: new QuestionnairePage(session, baseURL) };
    } catch (e) {
      const output = driver.output.slice(-15).join('\n      | ');
      await driver.stop();
      if (attempt === 2) throw new Error(`${e.message}\n      | ${output}`);
      console.log(`    (no session: ${e.message}; starting ${name} again)\n      | ${output}`);
    }
  }
}

/** Ends the session and stops its driver (and browser). */
async function closeBrowser({ driver, page }) {
  await page.session.delete().catch(() => {});
  await driver.stop();
}

/** Runs every scenario in one engine; returns { passed, failed }. */
async function runEngine(name, baseURL, dist, only) {
  const counts = { passed: 0, failed: 0 };
  const scenarios = SCENARIOS.filter(([title]) => !only || title.includes(only));
  console.log(`\n==> cross-engine: ${ENGINES[name]?.label ?? name}`);
  let browser;
  try {
    browser = await openBrowser(name, baseURL);
    const { capabilities } = browser.page.session;
    console.log(`    ${capabilities.browserName} ${capabilities.browserVersion}`);
    for (const [title, scenario] of scenarios) {
      const started = Date.now();
      const { driver, page: q } = browser;
      const mark = driver.mark();
      // More browsers a scenario opens (each with its own driver: geckodriver serves one
      // session at a time).
      const others = [];
      const newSession = async () => {
        const other = await openBrowser(name, baseURL);
        others.push(other);
        return other.page;
      };
      try {
        await q.clearStorage();
        await within(SCENARIO_TIMEOUT_MS, 'the scenario', scenario({ q, driver, dist, engine: name, newSession }));
        // What every scenario must leave behind: no error and no request to another origin.
        const problems = [];
        for (const { page, driver: d, since } of [{ page: q, driver, since: mark }, ...others.map((o) => ({ ...o, since: 0 }))]) {
          problems.push(...(await page.pageErrors()));
          problems.push(...(await page.foreignRequests()).map((url) => `request to another origin: ${url}`));
          problems.push(...d.errorsSince(since).map((line) => `browser output: ${line}`));
        }
        if (problems.length) throw new Error(`the page was not clean:\n      ${problems.join('\n      ')}`);
        counts.passed++;
        console.log(`  ok    ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        counts.failed++;
        console.log(`  FAIL  ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)\n      ${e.message}`);
        // A fresh browser for the next scenario, in case this one is stuck.
        await closeBrowser(browser);
        browser = undefined;
        browser = await openBrowser(name, baseURL);
      } finally {
        await Promise.all(others.map(closeBrowser));
      }
    }
  } catch (e) {
    const left = scenarios.length - counts.passed - counts.failed;
    counts.failed += Math.max(left, 1);
    console.log(`  FAIL  ${name}: ${e.message}`);
  } finally {
    if (browser) await closeBrowser(browser);
  }
  return counts;
}

async function main() {
  const dist = args('--dist')[0] ?? 'dist';
  const engines = args('--engine').length ? args('--engine') : Object.keys(ENGINES);
  const only = args('--only')[0];
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`cross-engine: ${dist}/index.html not found; build first (trunk build --release)`);
    process.exit(2);
  }
  const server = await startServer({ root: dist, encoding: 'br' });
  const results = {};
  try {
    for (const name of engines) {
      results[name] = await within(ENGINE_TIMEOUT_MS, `the ${name} engine`, runEngine(name, server.url, dist, only)).catch((e) => {
        console.log(`  FAIL  ${e.message}`);
        return { passed: 0, failed: SCENARIOS.length };
      });
      await stopAll();
    }
  } finally {
    await server.close();
  }
  console.log('');
  for (const [name, { passed, failed }] of Object.entries(results)) {
    console.log(`cross-engine ${name}: ${passed} passed, ${failed} failed`);
  }
  const failed = Object.values(results).some((r) => r.failed > 0 || r.passed === 0);
  // Exit at once: a stuck browser call must not keep the process alive.
  process.exit(failed ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => stopAll().finally(() => process.exit(1)));
}

await main();
