// The clinic configuration from a same-origin URL, and reviewed catalog overrides, on the
// example clinic site (examples/clinic-site/direct-url.html reads clinic.json):
//
// - the file's clinic name and colours are applied, the page's inline configuration wins
//   field by field (its disclaimer);
// - the file's reviewed override changes the plan on the results page, and the card says the
//   interval was set by the clinic and who reviewed it (in English and Turkish, and in print);
// - a configuration URL that answers 404 still gives a working widget with neutral wording
//   ("Your clinic", never the demo clinic), no contact buttons and, in debug mode, a notice
//   naming the problem;
// - an inline configuration that is not JSON does the same, and tells the site owner through
//   console.error;
// - a URL on another site is refused before any request is made.

import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import { type Page } from '@playwright/test';
import { TYPICAL_PATIENT, seedSavedProgress } from './pages/questionnaire-page';

const URL_PAGE = '/examples/clinic-site/direct-url.html';
const EXAMPLE_HTML = readFileSync('examples/clinic-site/direct-url.html', 'utf8');

/**
 * The example page with another configuration URL and inline configuration, served by the
 * test itself on the widget's origin.
 */
async function variantPage(page: Page, configUrl: string, inline: unknown): Promise<string> {
  const url = '/examples/clinic-site/test-config-url.html';
  const html = EXAMPLE_HTML.replace(/data-config-url="[^"]*"/, `data-config-url="${configUrl}"`).replace(
    /(<script type="application\/json" id="skin-consult-config">)[\s\S]*?(<\/script>)/,
    `$1${JSON.stringify(inline)}$2`,
  );
  await page.route(`**${url}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

test('the configuration from a same-origin URL is applied, under the inline one', async ({ page, traffic }) => {
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto(URL_PAGE);
  const widget = page.locator('#skin-consult');
  await expect(widget.locator('.sc-brand')).toHaveText('Example Skin Studio (demo)');
  const seeResults = widget.getByRole('button', { name: 'See my results' });
  await expect(seeResults).toHaveCSS('background-color', 'rgb(34, 68, 102)');
  expect(traffic.requests.map((u) => new URL(u).pathname)).toContain('/examples/clinic-site/clinic.json');

  await seeResults.click();
  await expect(widget.locator('.sc-results')).toBeVisible();
  // The page's inline disclaimer wins over the file (which has none); nothing is in debug mode.
  await expect(widget.locator('.sc-clinic-disclaimer')).toContainText('this sentence from the page itself');
  await expect(widget.locator('[data-config-errors]')).toHaveCount(0);
});

test('a reviewed override changes the interval, and the card names the reviewer', async ({ page, traffic }) => {
  void traffic;
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto(URL_PAGE);
  const widget = page.locator('#skin-consult');
  await widget.getByRole('button', { name: 'See my results' }).click();
  const card = widget.locator('.sc-card[data-procedure="medical-skin-care"]');
  await expect(card).toHaveAttribute('data-status', 'suggested');
  // How often is on the card; session, downtime and comfort are under its "Details".
  const facts = card;
  // The catalog says "every 2 weeks for 3 sessions, then once a month" for this patient.
  await expect(facts).toContainText('Every 3 weeks for 4 sessions, then every 6 weeks');
  await expect(facts).not.toContainText('once a month');
  const reviewed = facts.locator('.sc-clinic-set');
  await expect(reviewed).toHaveCount(2); // how often, session length
  await expect(reviewed.first()).toHaveText('Set by the clinic, reviewed by Dr. A. Example.');
  await expect(facts).toContainText('About 1 hour');
  // The clinic's explanation replaces the catalog's, which spoke of 2 weeks.
  await expect(card.locator('.sc-reasons')).toContainText('4 sessions 3 weeks apart');
  await expect(card.locator('.sc-reasons')).not.toContainText('2 weeks apart');
  // A procedure the clinic did not change says nothing of the kind.
  await expect(widget.locator('.sc-card:not([data-procedure="medical-skin-care"]) .sc-clinic-set')).toHaveCount(0);

  // The reviewer is on the printed page too.
  await page.emulateMedia({ media: 'print' });
  await expect(reviewed.first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await widget.getByRole('combobox').selectOption('tr');
  await expect(reviewed.first()).toHaveText('Klinik tarafından belirlendi, Dr. A. Example tarafından gözden geçirildi.');
  await expect(facts).toContainText('Yaklaşık 1 saat');
});

/** Opens the review with saved answers and goes to the results' booking section. */
async function bookingOf(page: Page) {
  const widget = page.locator('#skin-consult');
  await widget.getByRole('button', { name: 'See my results' }).click();
  const booking = widget.locator('.sc-booking');
  await expect(booking).toBeVisible();
  return booking;
}

test('a configuration URL that fails leaves a working widget with neutral wording and a debug notice', async ({ page }) => {
  // No `traffic` fixture: the 404 is the point of this test. Everything else is checked here.
  const failed: string[] = [];
  const errors: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  const url = await variantPage(page, '/examples/clinic-site/missing.json', { debug: true });
  await page.goto(url);
  const widget = page.locator('#skin-consult');
  const start = widget.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeVisible();
  await expect(widget.locator('.sc-brand')).toHaveText('Your clinic');
  const notice = widget.locator('[data-config-errors]');
  await expect(notice).toHaveAttribute('data-config-errors', '1');
  await expect(notice).toContainText('data-config-url: /examples/clinic-site/missing.json could not be loaded (HTTP 404)');
  // The patient can go on.
  await start.click();
  await expect(widget.locator('form')).toBeVisible();
  expect(failed).toEqual(['/examples/clinic-site/missing.json']);
  expect(errors).toEqual([]);
});

test('a configuration URL on another site is refused without a request', async ({ page, traffic }) => {
  // `traffic` fails the test on any request to another origin.
  const url = await variantPage(page, 'https://elsewhere.example/clinic.json', { debug: true });
  await page.goto(url);
  const widget = page.locator('#skin-consult');
  await expect(widget.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await expect(widget.locator('.sc-brand')).toHaveText('Your clinic');
  await expect(widget.locator('[data-config-errors]')).toContainText(
    'data-config-url: https://elsewhere.example/clinic.json is not on this site',
  );
  expect(traffic.requests.filter((u) => u.includes('elsewhere'))).toEqual([]);
  // The clinic's details never arrived: the site owner is told on the console (and only that).
  expect(traffic.consoleErrors).toEqual([expect.stringContaining('data-config-url: https://elsewhere.example/clinic.json is not on this site')]);
  traffic.consoleErrors.splice(0);
});

test('an inline configuration that is not JSON never shows the demo clinic and reports to the console', async ({
  page,
}) => {
  // No `traffic` fixture: the console error is the point of this test. It is checked here.
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const url = '/examples/clinic-site/test-broken-inline.html';
  const html = EXAMPLE_HTML.replace(/ data-config-url="[^"]*"/, '').replace(
    /(<script type="application\/json" id="skin-consult-config">)[\s\S]*?(<\/script>)/,
    '$1{"clinic": {"name": "Ada Skin", "phone": "+90 232 000 00 00",}$2',
  );
  await page.route(`**${url}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto(url);
  const widget = page.locator('#skin-consult');
  await expect(widget.locator('.sc-brand')).toHaveText('Your clinic');
  const booking = await bookingOf(page);
  await expect(booking).toContainText('Bring these results to your consultation at your clinic.');
  await expect(booking.locator('[data-booking]')).toHaveCount(0);
  await expect(widget).not.toContainText('Lumen');
  await expect(widget).not.toContainText('555');
  await expect.poll(() => consoleErrors.join('\n')).toContain('skin-consult configuration: (document): is not valid JSON');
  expect(pageErrors).toEqual([]);

  await widget.getByRole('combobox').selectOption('tr');
  await expect(widget.locator('.sc-brand')).toHaveText('Kliniğiniz');
  await expect(booking).toContainText('Bu sonuçları kliniğinizdeki muayenenize getirin.');
});

test('prices, when the clinic gives them, are on the cards and add up to an estimate, in the patient\'s language', async ({
  page,
  traffic,
}) => {
  void traffic;
  const prices = {
    currency: 'TRY',
    procedures: { 'medical-skin-care': { from: 2500 }, hydrafacial: { from: 3000, to: 4500 } },
  };
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto(await variantPage(page, '/examples/clinic-site/clinic.json', { prices }));
  const widget = page.locator('#skin-consult');
  await widget.getByRole('button', { name: 'See my results' }).click();
  const facial = widget.locator('.sc-card[data-procedure="medical-skin-care"]');
  await expect(facial.locator('[data-price]')).toHaveText('From TRY 2,500 a session');
  // Procedures without a price say nothing about one.
  const unpriced = widget.locator('.sc-card[data-status="suggested"]:not([data-procedure="medical-skin-care"]):not([data-procedure="hydrafacial"])');
  await expect(unpriced.first()).toBeVisible();
  await expect(unpriced.locator('[data-price]')).toHaveCount(0);
  const estimate = widget.locator('[data-plan-estimate]');
  await expect(estimate).toContainText(/Estimated cost of these visits: TRY\s\d{1,3}(,\d{3})+/);
  await expect(estimate).toContainText('not a quote');

  // In Turkish the same prices are written the Turkish way (the saved progress now opens the results).
  await page.goto(await variantPage(page, '/examples/clinic-site/clinic.json', { prices, languages: { default: 'tr' } }));
  await expect(widget.getByRole('heading', { name: 'Sonuçlarınız', level: 1 })).toBeVisible();
  await expect(facial.locator('[data-price]')).toHaveText('Seans ücreti: ₺2.500 ve üzeri');
  await expect(estimate).toContainText(/Bu ziyaretlerin tahmini tutarı: ₺\d{1,3}(\.\d{3})+/);
});
