// The parts loaded after the welcome screen (the questionnaire and the results, chunks of the
// module cut by build/split.mjs): a chunk that cannot be loaded, as when the network goes in
// the middle of a consultation, shows a message with "Try again" instead of a blank screen,
// keeps the answers, and loads on the next try.
//
// These tests make requests fail on purpose, so they use Playwright's own `test` (without the
// fixture that fails a test on any failed request) and check what matters themselves.

import { test, expect } from '@playwright/test';
import { QuestionnairePage, TYPICAL_PATIENT, savedProgress } from './pages/questionnaire-page';

const RESULTS_CHUNK = /\/split_results-[0-9a-f]{16}\.wasm$/;
const QUESTIONS_CHUNK = /\/split_questions-[0-9a-f]{16}\.wasm$/;

test('results that cannot be loaded say so, keep the answers, and load on "Try again"', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let offline = true;
  await page.route(RESULTS_CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  const q = new QuestionnairePage(page);
  await q.gotoSaved(TYPICAL_PATIENT, 'review');
  await q.seeResultsButton.click();

  const failed = q.root.locator('[data-part-failed]');
  await expect(failed.getByRole('alert')).toHaveText(/could not be loaded\. Your answers are kept/);
  await expect(q.resultsScreen).toHaveCount(0);
  // Nothing was lost: the saved progress still holds every answer.
  const saved = await page.evaluate(() => localStorage.getItem('skin-consult.progress'));
  expect(JSON.parse(saved!).answers).toBe(JSON.parse(savedProgress(TYPICAL_PATIENT, 'review')).answers);

  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(q.resultsScreen).toBeVisible();
  await expect(q.root.locator('[data-procedure]').first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test.describe('in Turkish', () => {
  test.use({ locale: 'tr-TR' });

  test('a question screen waits for its part with a status message, in the patient\'s language', async ({ page }) => {
    // Held back (not failed): the patient who taps Start before the part arrived sees "Loading…".
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(QUESTIONS_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    const q = new QuestionnairePage(page);
    await page.goto('/');
    await q.root.getByRole('button', { name: 'Başla', exact: true }).click();
    await expect(q.root.locator('[data-part-loading]').getByRole('status')).toHaveText('Yükleniyor…');
    release();
    await expect(q.questionForm).toBeVisible();
  });
});
