// A configuration URL that never answers: after 10 seconds the widget gives up, ends the
// request (it does not go on downloading in the background) and still opens for the patient.
// The page's clock is Playwright's, so the 10 seconds pass at once.

import { test, expect } from '@playwright/test';

test('a configuration file that never answers is aborted after 10 seconds', async ({ page }) => {
  await page.clock.install();
  let requested = false;
  await page.route('**/examples/clinic-site/clinic.json', () => {
    requested = true; // never fulfilled: the server "hangs"
  });
  const aborted = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/clinic.json'));
  await page.goto('/examples/clinic-site/direct-url.html');
  await expect.poll(() => requested).toBe(true);
  await page.clock.runFor(10_500);
  const failure = (await aborted).failure()?.errorText ?? '';
  expect(failure).toMatch(/abort/i);
  await expect(page.locator('#skin-consult').getByRole('button', { name: 'Start', exact: true })).toBeVisible();
});
