// Results a patient can take in at a glance (issue 20): the best fit first, a summary with the
// next step on the first screen, details on demand, collapsed groups, and a print that shows
// every detail on at most two A4 pages.

import { expectNoAxeViolations } from './support/axe';
import { test, expect, persona, TYPICAL_PATIENT, type Answers } from './pages/questionnaire-page';
import { ResultsPage } from './pages/results-page';

/** 45, frown lines + sun spots + fine lines, a few days of downtime; frown lines matter most. */
const LINES_AND_SPOTS: Answers = {
  ...TYPICAL_PATIENT,
  age: 45,
  skin_type: 'normal',
  concerns: ['expression_lines', 'pigmentation', 'fine_lines'],
  toxin_recent: false,
  downtime: 'few_days',
  main_concern: 'expression_lines',
};
delete LINES_AND_SPOTS.acne_severity;

/** No particular problem: keeps the skin healthy. */
const ROUTINE: Answers = persona('healthy-25').answers;

/** Acne scars, nothing else: a scar treatment should come first. */
const ACNE_SCARS: Answers = { ...TYPICAL_PATIENT, concerns: ['acne_scars'], downtime: 'weeks' };
delete ACNE_SCARS.acne_severity;
delete ACNE_SCARS.main_concern;

/** Blackheads and pores matter most. */
const PORES_FIRST: Answers = { ...TYPICAL_PATIENT, main_concern: 'blackheads_pores' };

const PATIENTS: { name: string; answers: Answers; concern: string; best: string[] }[] = [
  { name: 'lines and spots', answers: LINES_AND_SPOTS, concern: 'expression_lines', best: ['botulinum-toxin'] },
  { name: 'routine', answers: ROUTINE, concern: 'routine_care', best: ['medical-skin-care', 'hydrafacial'] },
  { name: 'pores first', answers: PORES_FIRST, concern: 'blackheads_pores', best: ['medical-skin-care', 'hydrafacial'] },
  // The scar treatments of the catalog: microneedling and laser resurfacing (primary for scars).
  { name: 'acne scars', answers: ACNE_SCARS, concern: 'acne_scars', best: ['microneedling', 'laser-resurfacing'] },
];

const VIEWPORTS = { phone: { width: 390, height: 844 }, tablet: { width: 1180, height: 820 } };

/** A4 with the stylesheet's 12 mm margins, in CSS pixels (96 per inch). */
const A4_PRINTABLE = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor(((297 - 24) / 25.4) * 96) };

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`results at a glance on the ${size} (${viewport.width}x${viewport.height})`, () => {
    test.use({ viewport });

    for (const patient of PATIENTS) {
      test(`${patient.name}: the best fit first, the summary and the next step on the first screen`, async ({
        questionnaire: q,
      }) => {
        await q.gotoResults(patient.answers);
        const r = new ResultsPage(q);
        await q.settle();

        // The summary names the best fit for the main concern, and the cards start with it.
        const line = r.summaryLine(patient.concern);
        await expect(line).toBeVisible();
        expect(patient.best).toContain(await line.getAttribute('data-best'));
        const first = await r.firstSuggestion();
        expect(patient.best, `first card of ${JSON.stringify(await r.cardOrder())}`).toContain(first);
        await expect(r.cards.first()).toHaveAttribute('data-procedure', first!);
        await expect(r.cards.first()).toHaveAttribute('data-status', 'suggested');
        await expect(r.nextStep).toHaveAttribute('data-next', 'summary_next_book');
        await expect(r.summary).toContainText(/\d{4}/); // the plan's first date

        // Summary and the first call to action within the first screen, without scrolling.
        expect(await r.page.evaluate(() => window.scrollY)).toBe(0);
        await expect(r.firstCallToAction).toBeVisible();
        expect(await r.bottomOf(r.summary)).toBeLessThanOrEqual(viewport.height);
        expect(await r.bottomOf(r.firstCallToAction)).toBeLessThanOrEqual(viewport.height);

        // Details collapsed: the other groups show a count, and the page stays short.
        await r.expectCollapsed();
        for (const group of await r.groups.all()) {
          const status = await group.getAttribute('data-group');
          const count = await r.cards.and(q.root.locator(`[data-status="${status}"]`)).count();
          await expect(group.locator('summary [data-count]')).toHaveAttribute('data-count', String(count));
          await expect(group.locator('article').first()).toBeHidden();
        }
        if (size === 'phone') {
          // The goal: the whole results page, details collapsed, within four screens.
          const total = await r.pageHeight();
          console.log(`${patient.name}: results page ${total} px on the phone`);
          expect(total, 'results page height').toBeLessThanOrEqual(3400);
        }
      });
    }

    test('axe-core finds nothing with the details collapsed and expanded', async ({ questionnaire: q, page }) => {
      await q.gotoResults(LINES_AND_SPOTS);
      const r = new ResultsPage(q);
      await q.settle();
      await expectNoAxeViolations(page, `results collapsed (${size})`);
      await r.expandAll();
      await expect(r.cards.locator('.sc-side-effects li').first()).toBeVisible();
      await expectNoAxeViolations(page, `results expanded (${size})`);
    });
  });
}

test('details open with the keyboard, one tap each', async ({ questionnaire: q, page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await q.gotoResults(LINES_AND_SPOTS);
  const r = new ResultsPage(q);
  const card = r.cards.first();
  const details = card.locator('details');
  await expect(details).not.toHaveAttribute('open', '');
  await card.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  for (const part of ['.sc-reasons li', '.sc-facts dd', '.sc-side-effects li']) {
    await expect(card.locator(part).first(), part).toBeVisible();
  }
});

test('the main-concern question follows two or more concerns and ranks the results', async ({
  questionnaire: q,
}) => {
  await q.goto();
  await q.complete(LINES_AND_SPOTS);
  await q.results();
  const r = new ResultsPage(q);
  expect(await r.firstSuggestion()).toBe('botulinum-toxin');
});

test('print shows every detail of the lines-and-spots patient on at most two A4 pages', async ({
  questionnaire: q,
  page,
}) => {
  await page.setViewportSize({ width: A4_PRINTABLE.width, height: 900 });
  await q.gotoResults(LINES_AND_SPOTS);
  const r = new ResultsPage(q);
  await q.settle();
  await page.emulateMedia({ media: 'print' });
  // Every suggestion prints its why, facts, side effects, aftercare and steps; every group its cards.
  for (const card of await r.cards.and(q.root.locator('[data-status="suggested"]')).all()) {
    for (const part of ['.sc-reasons li', '.sc-facts dd', '.sc-side-effects li', 'ol li']) {
      await expect(card.locator(part).first(), part).toBeVisible();
    }
  }
  for (const card of await r.cards.all()) await expect(card).toBeVisible();
  const height = await r.bottomOf(r.screen);
  expect(height, 'printed results height (px at A4 width)').toBeLessThanOrEqual(2 * A4_PRINTABLE.height);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length, 'A4 pages').toBeGreaterThanOrEqual(1);
  expect(pages.length, 'A4 pages').toBeLessThanOrEqual(2);
});
