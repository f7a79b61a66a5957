// The crash screen: a panic (forced with `?sc-debug=panic`) replaces the widget with a
// friendly screen instead of a blank or frozen page, and its "Start over" link clears the
// saved progress that may have caused it.
//
// The shared `traffic` fixture fails every test that logs a console error or throws an
// uncaught exception. A panic does both, on purpose: the release build aborts on a panic, so
// the module ends with a WebAssembly trap, which reaches the page as one uncaught
// `RuntimeError: unreachable`, and the crash screen's script logs one console error (the
// panic message where the panic hook still runs, as in a stable-toolchain build; the trap in
// the test command's release build, which aborts at once). This spec checks that those are
// the only ones, then removes them from the record so the fixture's checks (no other error,
// no failed or foreign request) still apply to everything else.

import { test, expect, type Traffic } from './support/fixtures';
import type { Page } from '@playwright/test';

const STORAGE_KEY = 'skin-consult.progress';

/** Saved progress of a patient at the third question (age 31, oily skin), as the app writes it. */
const SAVED_PROGRESS =
  '{"v":1,"answers":"sc1;age=31;skin_type=oily;k=1e63986c","step":"q:concerns"}';

/** The message logged for the forced panic: the panic's own, or the trap it ended in. */
const PANIC_LOG = /^skin-consult stopped: (.*panic requested with \?sc-debug=panic|RuntimeError: unreachable$)/s;

/** Puts `value` in saved progress before the first page load only (not on later loads). */
async function seedSavedProgressOnce(page: Page, value: string) {
  await page.addInitScript(
    ({ key, value }) => {
      if (location.protocol === 'about:' || sessionStorage.getItem('e2e-seeded')) return;
      sessionStorage.setItem('e2e-seeded', '1');
      localStorage.setItem(key, value);
    },
    { key: STORAGE_KEY, value },
  );
}

function savedProgress(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/**
 * Waits for the forced panic's console error and trap, checks they are the only errors, then
 * takes them off the record.
 */
async function expectOnlyThePanicReported(traffic: Traffic) {
  await expect.poll(() => traffic.pageErrors, 'uncaught exceptions').toEqual(['unreachable']);
  expect(traffic.consoleErrors, 'console errors').toHaveLength(1);
  expect(traffic.consoleErrors[0]).toMatch(PANIC_LOG);
  traffic.consoleErrors.splice(0);
  traffic.pageErrors.splice(0);
}

test('a panic shows the crash screen; "Start over" clears saved progress and opens the welcome screen', async ({
  consult,
  traffic,
  page,
}) => {
  await seedSavedProgressOnce(page, SAVED_PROGRESS);
  await page.goto('/?sc-debug=panic');

  const crash = consult.root.locator('[data-outcome=crash]');
  await expect(crash).toBeVisible();
  await expect(crash).toHaveAttribute('role', 'alert');
  await expect(crash.getByRole('heading', { level: 1 })).not.toBeEmpty();
  const startOver = crash.getByRole('link', { name: 'Start over' });
  await expect(startOver).toBeVisible();
  await expect(startOver).toHaveAttribute('href', '?sc-reset=1');
  // Nothing of the widget is left behind the crash screen.
  await expect(consult.root.locator('.sc-app')).toHaveCount(1);
  await expect(consult.startButton).toHaveCount(0);
  // The progress is still there: only "Start over" removes it.
  expect(await savedProgress(page)).toBe(SAVED_PROGRESS);
  await expectOnlyThePanicReported(traffic);

  await startOver.click();

  // The welcome screen, fresh: without the reset the seeded progress would have been resumed
  // at its question with a "resumed" notice.
  await expect(consult.startButton).toBeVisible();
  await expect(consult.root.locator('[data-outcome=crash]')).toHaveCount(0);
  await expect(consult.root.locator('.sc-notice')).toHaveCount(0);
  expect(await savedProgress(page)).toBeNull();
  // The reset parameter is gone from the address bar, so a reload does not reset again.
  await expect.poll(() => new URL(page.url()).search).toBe('');
  // (The fixture checks that starting over logged no error and threw nothing.)
});
