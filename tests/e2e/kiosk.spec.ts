// Kiosk mode (`?kiosk=1`, or `"kiosk": {"enabled": true}` in the configuration): nothing is
// stored, the idle timer asks "Are you still there?" and then wipes everything for the next
// patient, links are replaced by the QR code, and staff leave with a long press.
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
