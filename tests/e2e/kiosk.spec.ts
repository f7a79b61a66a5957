// Kiosk mode (`?kiosk=1`, or `"kiosk": {"enabled": true}` in the configuration): nothing is
// stored, the idle timer asks "Are you still there?" and then wipes everything for the next
// patient, links and printing are replaced by the QR code, staff leave with a long press (and
// the clinic's exit code), and a new version is taken by itself between patients, never
// during one.
//
// Time is Playwright's fake clock (`page.clock`): the widget's timers are the page's
// setTimeout/setInterval, so the test moves time forward instead of waiting.

import type { Page } from '@playwright/test';
import {
  test,
  expect,
  encodeAnswers,
  savedProgress,
  TYPICAL_PATIENT,
  type QuestionnairePage,
} from './pages/questionnaire-page';
import {
  askForUpdate,
  deploymentTest,
  findNewVersion,
  precached,
  publishNewVersion,
  versionWaiting,
  waitForServiceWorker,
} from './support/deployment';

const IDLE_MS = 90_000; // the default kiosk.idle_seconds
const WARNING_MS = 30_000; // the countdown of "Are you still there?"

async function openKiosk(q: QuestionnairePage, path = '/?kiosk=1') {
  await q.page.clock.install();
  await q.page.goto(path);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
}

/** The keys in localStorage (the test harness's own sessionStorage marker aside). */
async function storage(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage));
}

test('after the idle time the answers are wiped and the next patient starts clean', async ({
  questionnaire: q,
  page,
}) => {
  await openKiosk(q);
  await expect(q.startButton).toBeEnabled();
  await q.start();
  await q.answerAndContinue('age', 31);
  await q.answerAndContinue('skin_type', 'oily');
  await q.answer('concerns', ['acne']);
  expect(await storage(page), 'kiosk mode stores nothing').toEqual([]);

  // "Are you still there?": an alert dialog that takes focus; a touch keeps everything.
  const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
  const stillHere = dialog.getByRole('button', { name: "I'm still here" });
  await page.clock.runFor(IDLE_MS - 1_000);
  await expect(dialog).toHaveCount(0);
  await page.clock.runFor(1_000);
  await expect(dialog).toBeVisible();
  await expect(stillHere).toBeFocused();
  await expect(dialog.locator('.sc-kiosk-countdown')).toHaveText('30');
  await page.clock.runFor(10_000);
  await expect(dialog.locator('.sc-kiosk-countdown')).toHaveText('20');
  await expect(dialog.locator('[aria-live="polite"]')).toHaveText('Your answers will be cleared in 20 seconds.');
  await stillHere.click();
  await expect(dialog).toHaveCount(0);
  await expect(q.choice('acne')).toBeChecked();

  // Nobody answers: after the countdown everything is gone.
  await page.clock.runFor(IDLE_MS);
  await expect(dialog).toBeVisible();
  await page.clock.runFor(WARNING_MS);
  await expect(dialog).toHaveCount(0);
  await expect(q.welcomeScreen).toBeVisible();
  await expect(q.heading).toBeFocused();
  const html = await q.root.evaluate((root) => (root.shadowRoot ?? root).innerHTML);
  for (const trace of ['data-question', 'value="31"', 'oily', 'sc-review', 'sc-results']) {
    expect(html, `no ${trace} left in the DOM`).not.toContain(trace);
  }
  expect(await storage(page)).toEqual([]);

  // The next patient starts from nothing.
  await q.start();
  await expect(q.questionForm).toHaveAttribute('data-question', 'age');
  await expect(q.numberInput).toHaveValue('');
  await q.answerAndContinue('age', 45);
  await expect(q.choice('oily')).not.toBeChecked();
});

test('an idle welcome screen is left alone, and progress from normal use is never shown', async ({
  questionnaire: q,
  page,
}) => {
  await q.seedStorage(savedProgress(TYPICAL_PATIENT, 'review'));
  await openKiosk(q);
  await expect(q.welcomeScreen).toBeVisible();
  await expect(q.notice('resumed')).toHaveCount(0);
  expect(await storage(page)).toEqual([]);
  await page.clock.runFor(IDLE_MS * 3);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(q.welcomeScreen).toBeVisible();
});

test('results open no links on the tablet: booking goes through the QR code', async ({
  questionnaire: q,
  page,
  context,
}) => {
  const LINKS = 'a[target="_blank"], a[href^="tel:"], a[href^="mailto:"], a[href*="wa.me"]';
  const links = q.root.locator(LINKS);
  // Normal mode, for comparison (in another tab): the demo clinic's contacts are links.
  const normal = await context.newPage();
  await normal.goto(`/#${encodeAnswers(TYPICAL_PATIENT)}`);
  await expect(normal.locator('#skin-consult .sc-results')).toBeVisible();
  expect(await normal.locator('#skin-consult').locator(LINKS).count()).toBeGreaterThan(0);
  await expect(normal.locator('#skin-consult input[data-share-link]')).toHaveCount(1);
  await normal.waitForLoadState('load');
  await normal.close();

  await openKiosk(q, `/?kiosk=1#${encodeAnswers(TYPICAL_PATIENT)}`);
  await expect(q.resultsScreen).toBeVisible();
  await expect(links).toHaveCount(0);
  // No link of any kind (https:, tel:, mailto:, WhatsApp), and no contact shown as a link-like
  // control either: the booking section only points to the QR code.
  await expect(q.root.locator('a, [href]')).toHaveCount(0);
  await expect(q.root.locator('[data-booking]')).toHaveCount(0);
  await expect(q.shareLink).toHaveCount(0);
  await expect(q.button('Copy link')).toHaveCount(0);
  await expect(q.root.locator('[data-kiosk-booking]')).toContainText('scan the QR code');
  const qr = q.root.locator('[data-qr]');
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width, 'the QR code is shown large').toBeGreaterThan(250);
  expect(await storage(page)).toEqual([]);
});

test('staff leave kiosk mode with a 3-second press on the clinic name', async ({ questionnaire: q, page }) => {
  await openKiosk(q, '/?kiosk=1&lang=x');
  await expect(q.startButton).toBeEnabled();
  const brand = q.root.locator('.sc-brand');
  const dialog = page.getByRole('dialog', { name: 'Staff only' });

  // A short press (a patient's tap) does nothing.
  await brand.dispatchEvent('pointerdown');
  await page.clock.runFor(2_000);
  await brand.dispatchEvent('pointerup');
  await page.clock.runFor(5_000);
  await expect(dialog).toHaveCount(0);

  // Cancel keeps kiosk mode.
  await brand.dispatchEvent('pointerdown');
  await page.clock.runFor(3_000);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(q.root.locator('.sc-kiosk')).toHaveCount(1);

  // Staff with a keyboard: Ctrl+Alt+K opens the same dialog.
  await page.keyboard.press('Control+Alt+k');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await q.start();
  await q.answerAndContinue('age', 52);
  await brand.dispatchEvent('pointerdown');
  await page.clock.runFor(3_000);
  await dialog.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(q.root.locator('.sc-kiosk')).toHaveCount(0);
  await expect(q.welcomeScreen).toBeVisible();
  expect(new URL(page.url()).search).toBe('?lang=x');
  // No idle timer any more.
  await page.clock.runFor(IDLE_MS * 2);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('results offer no Print button on the tablet (no paper with health data left behind)', async ({
  questionnaire: q,
}) => {
  await openKiosk(q, `/?kiosk=1#${encodeAnswers(TYPICAL_PATIENT)}`);
  await expect(q.resultsScreen).toBeVisible();
  // The results' other actions are there; Print is not.
  await expect(q.button('Change my answers')).toBeVisible();
  expect(await q.button('Print').count(), 'Print buttons').toBe(0);
});

// -- The staff exit with the clinic's code ---------------------------------------------------

const EXIT_CODE = '2468';
const codeTest = deploymentTest(test, { config: { kiosk: { enabled: true, exit_code: EXIT_CODE } } });

codeTest('with an exit code, staff leave kiosk mode only after typing it', async ({ questionnaire: q, page }) => {
  await openKiosk(q, '/'); // kiosk mode from the configuration alone
  await q.start();
  await q.answerAndContinue('age', 52);
  await q.answer('skin_type', 'oily');
  const brand = q.root.locator('.sc-brand');
  const dialog = page.getByRole('dialog', { name: 'Staff only' });
  const code = dialog.getByLabel('Staff code');
  const leave = dialog.getByRole('button', { name: 'Leave kiosk mode' });
  const wrong = dialog.getByRole('alert');

  // A long press opens the dialog with the code field focused; the code is not shown.
  await brand.dispatchEvent('pointerdown');
  await page.clock.runFor(3_000);
  await expect(dialog).toBeVisible();
  await expect(code).toBeFocused();
  await expect(code).toHaveAttribute('type', 'password');

  // No code, then a wrong one (Enter submits, as a tablet keyboard's Go key does): refused.
  await leave.click();
  await expect(wrong).toHaveText('That code is not right.');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await code.fill('1357');
  await expect(wrong).toHaveCount(0);
  await code.press('Enter');
  await expect(wrong).toHaveText('That code is not right.');
  await code.fill(`${EXIT_CODE}0`);
  await leave.click();
  await expect(wrong).toBeVisible();
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);

  // Cancel: still kiosk mode, and the patient's answers are untouched.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
  await expect(q.choice('oily')).toBeChecked();

  // Ctrl+Alt+K opens the same dialog, empty again; the right code leaves kiosk mode.
  await page.keyboard.press('Control+Alt+k');
  await expect(code).toBeFocused();
  await expect(code).toHaveValue('');
  await expect(wrong).toHaveCount(0);
  await code.fill(EXIT_CODE);
  await code.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(q.root.locator('.sc-app')).toHaveCount(1);
  await expect(q.root.locator('.sc-kiosk')).toHaveCount(0);
  await expect(q.welcomeScreen).toBeVisible();
  // The answers went with kiosk mode, and the idle timer too.
  await q.start();
  await expect(q.numberInput).toHaveValue('');
  await page.clock.runFor(IDLE_MS * 2);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

codeTest('after five wrong codes the staff exit refuses every code for a minute', async ({ questionnaire: q, page }) => {
  await openKiosk(q, '/');
  const dialog = page.getByRole('dialog', { name: 'Staff only' });
  const code = dialog.getByLabel('Staff code');
  const message = dialog.getByRole('alert');
  const tryCode = async (typed: string) => {
    await code.fill(typed);
    await code.press('Enter');
  };
  await page.keyboard.press('Control+Alt+k');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await tryCode(`${attempt}${attempt}${attempt}${attempt}`);
    await expect(message).toHaveText('That code is not right.');
  }
  // Closing and reopening the dialog does not reset the count.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('Control+Alt+k');
  await tryCode('5555');
  const locked = 'Too many wrong codes. Wait a minute, then try again.';
  await expect(message).toHaveText(locked);
  await tryCode(EXIT_CODE);
  await expect(message).toHaveText(locked);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);

  await page.clock.runFor(60_000);
  await tryCode(EXIT_CODE);
  await expect(dialog).toHaveCount(0);
  await expect(q.root.locator('.sc-kiosk')).toHaveCount(0);
});

// -- Updates between patients ----------------------------------------------------------------

const updateTest = deploymentTest(test);

updateTest('a new version waits while a patient answers, and is taken by itself after the wipe', async ({
  questionnaire: q,
  page,
  deployment,
}) => {
  const marker = page.locator('head meta[name="sc-e2e-build"]');
  const banner = q.root.locator('[data-update-ready]');
  const idle = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await openKiosk(q);
  await expect(q.startButton).toBeEnabled();
  await waitForServiceWorker(page);
  await q.start();
  await q.answerAndContinue('age', 31);
  await q.answer('skin_type', 'oily');

  // A new version is deployed and found while the patient answers.
  const version = publishNewVersion(deployment.dir);
  await findNewVersion(page);

  // It waits: the patient keeps answering, the idle warning comes and goes, nothing reloads.
  await page.clock.runFor(IDLE_MS);
  await expect(idle).toBeVisible();
  await idle.getByRole('button', { name: "I'm still here" }).click();
  await q.next();
  await q.answer('concerns', ['acne']);
  await q.back();
  await expect(q.choice('oily')).toBeChecked();
  await expect(marker).toHaveCount(0);
  await expect(banner).toHaveCount(0);
  expect(await versionWaiting(page), 'the new version still waits').toBe(true);

  // Nobody answers: the answers are wiped, and on the welcome screen (between patients) the
  // new version takes over without anyone pressing anything.
  await page.clock.runFor(IDLE_MS);
  await expect(idle).toBeVisible();
  await page.clock.runFor(WARNING_MS);
  await expect(marker).toHaveCount(1);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
  await expect(q.welcomeScreen).toBeVisible();
  await expect(q.startButton).toBeEnabled();
  await expect(banner).toHaveCount(0);
  expect(await storage(page)).toEqual([]);
  await waitForServiceWorker(page);
  await expect
    .poll(async () => Object.keys(await precached(page)), { message: 'only the new version is cached' })
    .toEqual([`skin-consult:${deployment.url}:${version}`]);
});

updateTest('a language picked on the welcome screen holds the new version back until the wipe', async ({
  questionnaire: q,
  page,
  deployment,
}) => {
  const marker = page.locator('head meta[name="sc-e2e-build"]');
  const idle = page.getByRole('alertdialog');
  await openKiosk(q);
  await expect(q.startButton).toBeEnabled();
  await waitForServiceWorker(page);
  // The next patient picks Turkish, then a new version is found: it waits for them.
  await q.languageSelect.selectOption('tr');
  publishNewVersion(deployment.dir);
  await findNewVersion(page);
  await expect(q.root.locator('.sc-app')).toHaveAttribute('lang', 'tr');
  await expect(marker).toHaveCount(0);
  expect(await versionWaiting(page), 'the new version still waits').toBe(true);

  // Nobody starts: the idle time resets the language without a warning (there are no answers
  // to keep), and then the new version takes over.
  await page.clock.runFor(IDLE_MS);
  await expect(marker).toHaveCount(1);
  await expect(idle).toHaveCount(0);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveAttribute('lang', 'en');
  await expect(q.startButton).toBeEnabled();
});

updateTest('on the welcome screen a new version is taken at once, with no banner to press', async ({
  questionnaire: q,
  page,
  deployment,
}) => {
  // Records in this tab whether "A new version is ready" was ever shown (across the reload).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const root = document.getElementById('skin-consult');
      if ((root?.shadowRoot ?? root)?.querySelector('[data-update-ready]')) sessionStorage.setItem('e2e-banner', '1');
    }).observe(document, { childList: true, subtree: true });
  });
  const marker = page.locator('head meta[name="sc-e2e-build"]');
  await page.goto('/?kiosk=1');
  await expect(q.startButton).toBeEnabled();
  await waitForServiceWorker(page);
  await expect(marker).toHaveCount(0);

  publishNewVersion(deployment.dir);
  await askForUpdate(page);
  await expect(marker).toHaveCount(1);
  await expect(q.root.locator('.sc-app.sc-kiosk')).toHaveCount(1);
  await expect(q.startButton).toBeEnabled();
  expect(new URL(page.url()).search).toBe('?kiosk=1');
  expect(await page.evaluate(() => sessionStorage.getItem('e2e-banner')), 'the banner never showed').toBeNull();
});
