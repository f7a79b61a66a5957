// The configurator page (configure.html): a clinic sets the widget up without writing JSON.
//
// - name, colours, offered treatments (one renamed) and Turkish as the starting language,
//   exported as clinic.json (exactly tests/fixtures/configurator-export.json, which
//   tests/configurator_export.rs holds to the schema and the reader), are what the widget shows
//   when a clinic's page reads that file;
// - prices: checked as typed, exported only for offered treatments done in sessions, opened
//   again from the file, and (once the widget reads prices) shown on the cards and the plan;
// - the preview shows the welcome screen, the first question or a sample patient's results,
//   in each offered language; display names per language; naming prescription medicines is
//   off by default, with its warning;
// - errors come from the widget's own reader, by its paths, next to the fields, as one types;
// - a brand colour too light for its text is refused with its contrast ratio and the nearest
//   colour that passes;
// - a hostile clinic.json (markup in a name, javascript: links, unknown settings) is loaded
//   only where the widget would accept it, runs nothing, and lists the rest by path; a deeply
//   nested or 5 MB file loads nothing and says why;
// - the preview never touches a patient's saved progress, and preview.html opened alone is the
//   plain widget;
// - axe-core finds nothing at laptop and tablet sizes, with every section open (names, the
//   prescription-medicine warning, prices with an error, an import report, clinic.json shown);
// - the page and its preview work offline once the service worker has the build.
//
// Every test also fails on a console error, a failed request or a request to another origin
// (the `traffic` fixture).

import { test, expect } from './support/fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { ConfigurePage } from './pages/configure-page';
import { TYPICAL_PATIENT, STORAGE_KEY, savedProgress, seedSavedProgress } from './pages/questionnaire-page';
import { waitForServiceWorker } from './support/deployment';
import { contrastRatio } from '../../configure/contrast.js';
import { DIST, buildFiles } from './support/deployment';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const URL_PAGE = '/examples/clinic-site/direct-url.html';

/**
 * What the page exports for the scripted session of `buildClinic`: the widget's schema and
 * reader accept exactly this file (tests/configurator_export.rs), so it cannot drift from what
 * the page writes. The same session with the prices of the prices test exports the second file.
 */
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const EXPORT_FIXTURE = fixture('configurator-export.json');
const PRICED_FIXTURE = fixture('configurator-export-prices.json');

/** A clinic's session: name, contacts, a brand colour, two treatments (one renamed), Turkish first. */
async function buildClinic(configure: ConfigurePage) {
  await configure.goto();
  await configure.field('Clinic name').fill('Ada Skin Studio (test)');
  await configure.field('Phone').fill('+90 232 000 00 00');
  await configure.field('Booking page').fill('https://ada-skin.example/book');
  await configure.setColor('primary', '#224466');
  await configure.offerOnly(['medical-skin-care', 'chemical-peel']);
  await configure.nameField('chemical-peel', 'en').fill('Ada glow peel');
  await configure.nameField('chemical-peel', 'tr').fill('Ada ışıltı peelingi');
  await configure.field('Language a patient starts in').selectOption('tr');
  await configure.field('Country (two-letter code)').fill('TR');
  await configure.waitForCheck();
}

/** A clinic's page reading `text` as its clinic.json, with a patient at the review step. */
async function openClinicPage(page: Page, context: BrowserContext, text: string) {
  // Routed for the whole context: the preview has registered the service worker, whose
  // requests a page route would not see.
  await context.route('**/examples/clinic-site/clinic.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: text }),
  );
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto(URL_PAGE);
  const widget = page.locator('#skin-consult .sc-app');
  await expect(widget.locator('.sc-brand')).toHaveText('Ada Skin Studio (test)');
  await expect(widget).toHaveAttribute('lang', 'tr');
  const seeResults = widget.getByRole('button', { name: 'Sonuçlarımı göster' });
  await expect(seeResults).toHaveCSS('background-color', 'rgb(34, 68, 102)');
  await seeResults.click();
  await expect(widget.locator('.sc-results')).toBeVisible();
  // Only the treatments offered, under the clinic's names.
  const shown = await widget.locator('.sc-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-procedure')));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((id) => id === 'medical-skin-care' || id === 'chemical-peel'), shown.join(', ')).toBe(true);
  await expect(widget.locator('.sc-card[data-procedure="hydrafacial"]')).toHaveCount(0);
  await expect(widget.locator('.sc-card[data-procedure="chemical-peel"] h3')).toHaveText('Ada ışıltı peelingi');
  return widget;
}

test('a clinic set up in the configurator is what the widget shows', async ({ page, context, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await buildClinic(configure);

  // The preview shows the draft, in the starting language.
  const preview = configure.preview.locator('.sc-app');
  await expect(preview.locator('.sc-brand')).toHaveText('Ada Skin Studio (test)');
  await expect(preview).toHaveAttribute('lang', 'tr');
  await expect(preview.getByRole('button', { name: 'Başla', exact: true })).toHaveCSS('background-color', 'rgb(34, 68, 102)');
  await expect(configure.form.locator('.cfg-error')).toHaveCount(0);
  // The preview can show each offered language.
  await page.getByLabel('Language', { exact: true }).selectOption('en');
  await configure.waitForCheck();
  await expect(preview).toHaveAttribute('lang', 'en');
  await expect(preview.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

  // The file is the fixture the schema and the reader are checked against.
  const { text } = await configure.download();
  expect(JSON.parse(text)).toEqual(EXPORT_FIXTURE);

  await openClinicPage(page, context, text);
});

test('prices: set in the configurator, exported, opened again, and shown by the widget', async ({
  page,
  context,
  traffic,
}) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await buildClinic(configure);
  // Off by default: no price field, no prices in the file.
  const currency = configure.field('Currency');
  await expect(currency).toBeHidden();
  await expect(page.locator('#prices-warning')).toContainText('restrict prices in advertising health services');

  await configure.showPrices('try');
  await expect(currency).toHaveValue('TRY');
  // A row per offered treatment done in sessions: a cream used at home has no price.
  await page.getByRole('checkbox', { name: 'Retinoid cream (home care)' }).check();
  await expect(configure.priceField('medical-skin-care', 'from')).toBeVisible();
  await expect(page.locator('[id^="price-retinoid-home-care"]')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Retinoid cream (home care)' }).uncheck();
  // A treatment no longer offered keeps its price on the page but not in the file.
  const hydrafacial = page.getByRole('checkbox', { name: 'HydraFacial', exact: true });
  await hydrafacial.check();
  await configure.priceField('hydrafacial', 'from').fill('1800');
  await hydrafacial.uncheck();

  await configure.priceField('medical-skin-care', 'from').fill('2500');
  await configure.priceField('chemical-peel', 'from').fill('3000');
  await configure.priceField('chemical-peel', 'to').fill('2000');
  await expect(configure.errorAt('prices.procedures.chemical-peel.to')).toHaveText(
    'prices.procedures.chemical-peel.to: must not be below "from"; only "from" is shown',
  );
  await configure.priceField('chemical-peel', 'to').fill('4500');
  await expect(configure.errorAt('prices.procedures.chemical-peel.to')).toHaveCount(0);
  await configure.field('Currency').fill('TL');
  await expect(configure.errorAt('prices.currency')).toContainText('must be an ISO 4217 currency code');
  expect((await configure.exported()).prices).toBeUndefined();
  await configure.field('Currency').fill('TRY');
  await expect(configure.errorAt('prices.currency')).toHaveCount(0);
  await configure.waitForCheck();

  const { text } = await configure.download();
  expect(JSON.parse(text)).toEqual(PRICED_FIXTURE);

  // Opened again, the file fills the section as it was.
  await configure.goto();
  await configure.open('clinic.json', text);
  await expect(configure.importReport).toContainText('clinic.json');
  await configure.waitForCheck();
  await expect(page.getByRole('checkbox', { name: 'Show prices' })).toBeChecked();
  await expect(currency).toHaveValue('TRY');
  await expect(configure.priceField('chemical-peel', 'to')).toHaveValue('4500');
  await expect(configure.nameField('chemical-peel', 'tr')).toHaveValue('Ada ışıltı peelingi');
  expect(await configure.exported()).toEqual(PRICED_FIXTURE);

  // The widget with the file: no problem reported, a price on the suggested card and an
  // estimate for the year on the plan, formatted for the patient's language.
  await expect(configure.errorAt('prices')).toHaveCount(0);
  const widget = await openClinicPage(page, context, text);
  const format = (n: number) => page.evaluate((n) => new Intl.NumberFormat('tr').format(n), n);
  const price = widget.locator('.sc-card[data-procedure="chemical-peel"] [data-price]');
  await expect(price).toContainText(await format(3000));
  await expect(price).toContainText('₺');
  await expect(widget.locator('[data-plan-estimate]')).toContainText('₺');
});

test("the preview shows the welcome screen, the first question or a sample patient's results, in each language", async ({
  page,
  traffic,
}) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  await configure.field('Clinic name').fill('Ada Skin Studio (test)');
  await configure.field('Booking page').fill('https://ada-skin.example/book');
  await configure.waitForCheck();
  const preview = configure.preview.locator('.sc-app');
  await expect(preview.locator('.sc-welcome')).toBeVisible();

  // The sample patient's results (the widget opens its share link), with the clinic's booking.
  await configure.previewScreen('results');
  await expect(preview.locator('.sc-results')).toBeVisible();
  await expect(preview.locator('.sc-card[data-status="suggested"]').first()).toBeVisible();
  await expect(preview.locator('.sc-booking a[data-booking="web"]')).toHaveAttribute('href', 'https://ada-skin.example/book');
  // In each offered language, and still on the results after a change to the form.
  await page.getByLabel('Language', { exact: true }).selectOption('tr');
  await configure.waitForCheck();
  await expect(preview).toHaveAttribute('lang', 'tr');
  await expect(preview.locator('.sc-results')).toBeVisible();
  await configure.field('Clinic name').fill('Ada Skin Studio (test 2)');
  await configure.waitForCheck();
  await expect(preview.locator('.sc-brand')).toHaveText('Ada Skin Studio (test 2)');
  await expect(preview.locator('.sc-results')).toBeVisible();
  // A treatment the clinic does not offer is not among the sample's cards.
  await configure.offerOnly(['medical-skin-care', 'chemical-peel', 'botulinum-toxin']);
  await configure.waitForCheck();
  const shown = await preview.locator('.sc-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-procedure')));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((id) => ['medical-skin-care', 'chemical-peel', 'botulinum-toxin'].includes(id!)), shown.join(', ')).toBe(true);

  // The first question (the widget opens a saved-progress record in the frame's own storage).
  await configure.previewScreen('question');
  await expect(preview.locator('form[data-question]')).toBeVisible();
  await expect(preview.locator('form[data-question] input[type="number"]')).toBeVisible();
  // Nothing answered yet, so no "welcome back" notice.
  await expect(preview.getByText('Welcome back')).toHaveCount(0);
  await configure.previewScreen('welcome');
  await expect(preview.locator('.sc-welcome')).toBeVisible();
  // Nothing of it is kept on this device.
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
});

test('procedures: names per language, and naming prescription medicines only with its warning', async ({ page, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  const pom = configure.form.getByRole('checkbox', { name: /^Name prescription-only medicines/ });
  await expect(pom).not.toBeChecked();
  await expect(pom).toHaveAccessibleDescription(/not allowed in the UK .* or in Turkey/);
  await configure.offerOnly(['hydrafacial', 'botulinum-toxin']);
  // A name field per offered treatment and language; the others are gone.
  await expect(page.locator('#cfg-names input')).toHaveCount(4);
  await configure.nameField('hydrafacial', 'en').fill('Aqua facial');
  await configure.nameField('hydrafacial', 'tr').fill('Su yüz bakımı');
  await configure.nameField('botulinum-toxin', 'tr').fill('Kırışıklık görüşmesi');
  await pom.check();
  await configure.waitForCheck();
  expect((await configure.exported()).procedures).toEqual({
    offered: ['hydrafacial', 'botulinum-toxin'],
    names: { hydrafacial: { en: 'Aqua facial', tr: 'Su yüz bakımı' }, 'botulinum-toxin': { tr: 'Kırışıklık görüşmesi' } },
    name_prescription_medicines: true,
  });
  await expect(configure.form.locator('.cfg-error')).toHaveCount(0);
  // The preview uses the names, in its language.
  await page.getByLabel('Language', { exact: true }).selectOption('tr');
  await configure.previewScreen('results');
  await expect(configure.preview.locator('.sc-card[data-procedure="hydrafacial"] h3')).toHaveText('Su yüz bakımı');
  // A language no longer offered drops its names from the file.
  await page.getByRole('checkbox', { name: 'English' }).uncheck();
  await expect(page.locator('#cfg-names input')).toHaveCount(2);
  expect((await configure.exported()).procedures).toMatchObject({
    names: { hydrafacial: { tr: 'Su yüz bakımı' }, 'botulinum-toxin': { tr: 'Kırışıklık görüşmesi' } },
  });

  // An opened file's names, as one text for every language or per language, fill the fields.
  await configure.open(
    'names.json',
    JSON.stringify({
      procedures: {
        offered: ['hydrafacial', 'chemical-peel'],
        names: { hydrafacial: 'Aqua facial', 'chemical-peel': { tr: 'Peeling', en: '' }, 'no-such': 'x' },
      },
    }),
  );
  await expect(configure.importReport.locator('[data-error-path]')).toHaveText([
    /^procedures\.names\.chemical-peel\.en: /,
    /^procedures\.names\.no-such: names an unknown procedure/,
  ]);
  await configure.waitForCheck();
  await expect(configure.nameField('hydrafacial', 'en')).toHaveValue('Aqua facial');
  await expect(configure.nameField('hydrafacial', 'tr')).toHaveValue('Aqua facial');
  await expect(configure.nameField('chemical-peel', 'tr')).toHaveValue('Peeling');
  await expect(configure.nameField('chemical-peel', 'en')).toHaveValue('');
  await expect(pom).not.toBeChecked();
  expect((await configure.exported()).procedures).toEqual({
    offered: ['hydrafacial', 'chemical-peel'],
    names: { hydrafacial: { en: 'Aqua facial', tr: 'Aqua facial' }, 'chemical-peel': { tr: 'Peeling' } },
  });
});

test('the preview needs a frame of the same site: opened alone, preview.html is the plain widget', async ({
  page,
  traffic,
}) => {
  void traffic;
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await page.goto('/preview.html');
  // Saved progress is read as usual (a preview would start fresh), and no debug box appears.
  const widget = page.locator('#skin-consult');
  await expect(widget.getByRole('button', { name: 'See my results' })).toBeVisible();
  await expect(widget.locator('[data-config-errors]')).toHaveCount(0);
});

test('languages: none ticked, or a starting language that is not offered, is said next to the field', async ({
  page,
  traffic,
}) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  await page.getByRole('checkbox', { name: 'English' }).uncheck();
  await configure.field('Language a patient starts in').selectOption('en');
  await expect(configure.errorAt('languages.default')).toContainText('is not among the offered languages');
  await page.getByRole('checkbox', { name: 'Türkçe' }).uncheck();
  await expect(configure.errorAt('languages.offered')).toContainText('tick at least one language');
  await page.getByRole('checkbox', { name: 'English' }).check();
  await expect(configure.form.locator('.cfg-error')).toHaveCount(0);
  await configure.waitForCheck();
});

test("errors come from the widget's reader, by path, next to the field, as one types", async ({ page, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  await configure.field('Clinic name').fill('Ada Skin Studio (test)');
  await configure.field('Booking page').fill('http://example.org/book');
  await configure.field(/^Idle time/).fill('5');
  await configure.waitForCheck();
  const booking = configure.errorAt('clinic.booking_url');
  await expect(booking).toHaveText('clinic.booking_url: must be an https: address; the default is used');
  await expect(configure.errorAt('kiosk.idle_seconds')).toHaveText(
    'kiosk.idle_seconds: must be a whole number from 15 to 3600; 90 is used',
  );
  // The field says it is invalid, and the error is its description.
  const input = configure.field('Booking page');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(/must be an https: address/);
  // The preview shows the widget as patients see it: no debug box.
  await expect(configure.preview.locator('[data-config-errors]')).toHaveCount(0);

  await input.fill('https://example.org/book');
  await configure.waitForCheck();
  await expect(booking).toHaveCount(0);
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(configure.errorAt('kiosk.idle_seconds')).toHaveCount(1);
});

test('a brand colour too light for its text is refused with its ratio and a passing colour', async ({ page, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  await configure.setColor('primary', '#7fd1c8');
  const error = configure.errorAt('theme.colors.primary');
  const expected = contrastRatio('#7fd1c8', '#ffffff');
  expect(expected).toBeLessThan(4.5);
  await expect(error).toContainText(`contrast ${expected.toFixed(2)}:1 with on primary`);
  await expect(error).toContainText('is below 4.5:1; not used');
  await configure.waitForCheck();
  // Refused: the export and the preview keep the widget's own colour.
  await expect(page.locator('#cfg-json')).not.toContainText('theme');
  await expect(configure.preview.getByRole('button', { name: 'Start', exact: true })).toHaveCSS(
    'background-color',
    'rgb(47, 111, 106)',
  );

  const use = configure.form.getByRole('button', { name: /^Use #[0-9a-f]{6}$/ });
  const suggestion = (await use.textContent())!.slice(4);
  expect(contrastRatio(suggestion, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  // Keyboard: the suggestion is a button like any other.
  await use.focus();
  await page.keyboard.press('Enter');
  await expect(error).toHaveCount(0);
  await expect(page.locator('#color-primary')).toHaveValue(suggestion);
  await configure.waitForCheck();
  expect(JSON.parse((await page.locator('#cfg-json').textContent())!).theme.colors.primary).toBe(suggestion);
});

test('a hostile clinic.json loads only what the widget accepts and runs nothing', async ({ page, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await seedSavedProgress(page, TYPICAL_PATIENT, 'review');
  await configure.goto();
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  expect(saved).toBe(savedProgress(TYPICAL_PATIENT, 'review'));

  const hostile = {
    clinic: {
      name: 'Clinic <img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>',
      phone: '+90 232 000 00 00',
      booking_url: 'javascript:window.__xss=3',
      fax: '+90 232 000 00 01',
    },
    theme: { colors: { primary: 'red;background:url(https://evil.example/x)', text: '#111111' } },
    languages: { offered: ['tr', '<b>xx</b>'] },
    procedures: { offered: ['hydrafacial', 'javascript:alert(1)'] },
    kiosk: { idle_seconds: '<script>' },
    disclaimer: '<svg onload="window.__xss = 4">',
    '<img src=x onerror="window.__xss=5">': true,
  };
  // A key that would reach a prototype if it were set by path (written into the text: an
  // object literal cannot hold it as its own key).
  const text = JSON.stringify(hostile).replace(/}$/, ',"catalog":{"procedures":{"__proto__":{"polluted":1}}}}');
  await configure.open('hostile.json', text);
  const report = configure.importReport;
  await expect(report).toContainText('Not loaded from hostile.json');
  const paths = report.locator('[data-error-path]');
  await expect(paths).toHaveText([
    /^clinic\.booking_url: /,
    /^theme\.colors\.primary: must be a hex colour/,
    /^languages\.offered\[1\]: /,
    /^procedures\.offered\[1\]: unknown procedure/,
    /^kiosk\.idle_seconds: /,
    /^catalog\.procedures\.__proto__: /,
    /^clinic\.fax: is not a known setting/,
    /^<img src=x onerror="window.__xss=5">: is not a known setting/,
    /^catalog\.procedures\.__proto__\.polluted: cannot be changed/,
  ]);
  await configure.waitForCheck();
  // What the widget accepts is loaded, as text.
  await expect(configure.field('Clinic name')).toHaveValue(hostile.clinic.name);
  await expect(configure.field('Phone')).toHaveValue('+90 232 000 00 00');
  await expect(configure.field('Booking page')).toHaveValue('');
  await expect(page.locator('#color-text')).toHaveValue('#111111');
  await expect(page.locator('#color-primary-default')).toBeChecked();
  await expect(page.locator('#cfg-languages input:checked')).toHaveCount(1);
  await expect(page.locator('#cfg-languages input[value=tr]')).toBeChecked();
  await expect(page.locator('#cfg-procedures input:checked')).toHaveCount(1);
  await expect(page.locator('#cfg-procedures input[value=hydrafacial]')).toBeChecked();
  const exported = JSON.parse((await page.locator('#cfg-json').textContent())!);
  expect(exported.disclaimer).toBe(hostile.disclaimer);
  expect(exported.clinic).toEqual({ name: hostile.clinic.name, phone: '+90 232 000 00 00' });
  await expect(configure.form.locator('.cfg-error')).toHaveCount(0);
  // The preview shows the name as text.
  await expect(configure.preview.locator('.sc-brand')).toHaveText(hostile.clinic.name);

  // Nothing ran, in the page or in the preview, and no element came from the file.
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
  expect(exported.catalog).toBeUndefined();
  const frame = page.frame({ url: /preview\.html/ })!;
  expect(await frame.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img, svg, script:not([src])').count()).toBe(0);
  await expect(configure.preview.locator('.sc-app img, .sc-app svg, .sc-app script')).toHaveCount(0);

  // The patient's saved progress on this device is untouched by the previews.
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBe(saved);
});

test('a deeply nested or 5 MB clinic.json loads nothing and says why', async ({ page, traffic }) => {
  void traffic;
  const configure = new ConfigurePage(page);
  await configure.goto();
  await configure.field('Clinic name').fill('Ada Skin Studio (test)');
  await configure.waitForCheck();

  const deep = `{"clinic": {"name": "Deep"}, "disclaimer": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  await configure.open('deep.json', deep);
  await expect(configure.importReport.locator('[data-error-path]')).toHaveText([/^\(document\): /]);
  await expect(configure.field('Clinic name')).toHaveValue('Ada Skin Studio (test)');

  const huge = JSON.stringify({ clinic: { name: 'Huge' }, disclaimer: 'x'.repeat(5 * 1024 * 1024) });
  await configure.open('huge.json', huge);
  await expect(configure.importReport.locator('[data-error-path]')).toHaveText([
    /^\(document\): is larger than 65536 bytes/,
  ]);
  await expect(configure.field('Clinic name')).toHaveValue('Ada Skin Studio (test)');
  await configure.waitForCheck();
  await expect(configure.preview.locator('.sc-brand')).toHaveText('Ada Skin Studio (test)');
});

for (const [size, viewport] of [
  ['laptop', { width: 1280, height: 800 }],
  ['tablet', { width: 768, height: 1024 }],
] as const) {
  test(`the configurator has no axe-core violation at ${size} size`, async ({ page, traffic }) => {
    void traffic;
    await page.setViewportSize(viewport);
    const configure = new ConfigurePage(page);
    await configure.goto();
    // With an error and a refused colour on screen, and the tablet preview.
    await configure.field('Booking page').fill('http://example.org/book');
    await configure.setColor('primary', '#7fd1c8');
    await page.getByRole('radio', { name: 'Tablet' }).check();
    await configure.waitForCheck();
    await expect(configure.errorAt('clinic.booking_url')).toHaveCount(1);
    await expectNoAxeViolations(page, `configurator (${size})`);
    // Every section open: an import report, names, the prescription-medicine warning, prices
    // with an error, and the sample patient's results in the preview.
    await configure.open('clinic.json', JSON.stringify({ clinic: { name: 'Ada Skin Studio (test)', fax: '1' } }));
    await expect(configure.importReport).toContainText('Not loaded from clinic.json');
    await configure.waitForCheck();
    await configure.nameField('hydrafacial', 'tr').fill('Su yüz bakımı');
    await configure.form.getByRole('checkbox', { name: /^Name prescription-only medicines/ }).check();
    await configure.showPrices('TRY');
    await configure.priceField('hydrafacial', 'from').fill('2500');
    await configure.priceField('chemical-peel', 'from').fill('-1');
    await expect(configure.errorAt('prices.procedures.chemical-peel.from')).toHaveCount(1);
    await configure.previewScreen('results');
    await page.locator('#cfg-json').locator('xpath=..').locator('summary').click();
    await expectNoAxeViolations(page, `configurator, every section (${size})`);
  });
}

test('the configurator is precached and works offline', async ({ page, context, traffic }) => {
  void traffic;
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const configure = new ConfigurePage(page);
  await configure.goto();
  await configure.field('Clinic name').fill('Ada Skin Studio (test)');
  await configure.waitForCheck();
  await expect(configure.preview.locator('.sc-brand')).toHaveText('Ada Skin Studio (test)');
});

test("the widget's first visit carries nothing of the configurator", () => {
  // The size budget (xtask/src/size.rs) counts index.html and what it references.
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  expect(index).not.toMatch(/configure|preview/);
  const files = buildFiles(DIST);
  expect(files).toEqual(expect.arrayContaining(['configure.html', 'preview.html', 'configure/configure.js', 'configure/data.json']));
  // The preview page is index.html with one script first, right after the policy.
  const preview = readFileSync(join(DIST, 'preview.html'), 'utf8');
  expect(preview.replace(/\n\s*<script src="configure\/preview\.js"><\/script>/, '')).toBe(index);
  const own = preview.indexOf('<script src="configure/preview.js">');
  expect(own).toBeGreaterThan(preview.indexOf('http-equiv="Content-Security-Policy"'));
  expect(preview.indexOf('<script')).toBe(own);
});
