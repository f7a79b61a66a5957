// Languages: a Turkish browser gets the whole consultation in Turkish, switching language
// keeps the answers, the layout holds in a right-to-left document, and the results with the
// plan pass axe-core in English and Turkish.
//
// Interface strings come from locales/ui.json and question prompts from the catalog; Turkish
// month and weekday names are written out in support/plan.ts, independently of the app.
// Every test also gets the shared `traffic` checks: no console error, no uncaught exception,
// no failed request and no request to another origin.

import { expectNoAxeViolations } from './support/axe';
import {
  PlanSection,
  TR_MONTHS,
  TR_WEEKDAYS,
  displayDate,
  englishOnlyTexts,
  monthHeading,
  occurringTexts,
  settle,
  ui,
  type UiLang,
} from './support/plan';
import {
  test,
  expect,
  catalog,
  catalogQuestion,
  TYPICAL_PATIENT,
  type QuestionnairePage,
} from './pages/questionnaire-page';

const ENGLISH_ONLY = englishOnlyTexts();

/** The text a patient sees in the widget (its root may live in a shadow root). */
async function widgetText(q: QuestionnairePage): Promise<string> {
  return q.root.locator('.sc-app').evaluate((app) => (app as HTMLElement).innerText);
}

/** Asserts that no English interface string is visible on `screen`. */
async function expectNoEnglish(q: QuestionnairePage, screen: string) {
  const text = await widgetText(q);
  expect(text.length, `${screen}: some text`).toBeGreaterThan(0);
  expect(occurringTexts(text, ENGLISH_ONLY), `English interface strings on the ${screen}`).toEqual([]);
}

/** A button of the widget by its name in `lang`. */
function button(q: QuestionnairePage, lang: UiLang, key: string) {
  return q.root.getByRole('button', { name: ui(lang, key), exact: true });
}

test.describe('a Turkish browser', () => {
  test.use({ locale: 'tr-TR' });

  test('gets the whole consultation in Turkish, with Turkish dates in the plan', async ({ questionnaire: q, page }) => {
    test.slow(); // every question is checked on its way
    expect((catalog as unknown as { languages: string[] }).languages).toContain('tr');
    expect(ENGLISH_ONLY.length, 'English strings to look for').toBeGreaterThan(50);
    expect(await page.evaluate(() => navigator.languages[0])).toBe('tr-TR');
    await page.goto('/');

    // First screen.
    const start = button(q, 'tr', 'start');
    await expect(start).toBeVisible();
    await expect(start).toHaveText('Başla');
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
    await expect(q.languageSelect).toHaveValue('tr');
    await expect(q.root.locator('.sc-app')).toHaveAttribute('lang', 'tr');
    await expect(q.button('Start')).toHaveCount(0);
    await expectNoEnglish(q, 'welcome screen');
    await start.click();

    // Every question in Turkish, including an inline error.
    const next = button(q, 'tr', 'next');
    await expect(q.questionForm).toHaveAttribute('data-question', 'age');
    await next.click();
    const age = catalogQuestion('age').kind as { number: { min: number; max: number } };
    await expect(q.error).toHaveText(ui('tr', 'missing_number', { min: age.number.min, max: age.number.max }));
    await expectNoEnglish(q, 'age question with an error');

    const seen: string[] = [];
    while (!(await q.reviewScreen.isVisible())) {
      await expect(q.questionForm.or(q.reviewScreen)).toBeVisible();
      if (await q.reviewScreen.isVisible()) break;
      const id = (await q.questionForm.getAttribute('data-question'))!;
      // The main-concern question is optional and left unanswered here.
      expect(id in TYPICAL_PATIENT || id === 'main_concern', `an answer for "${id}"`).toBe(true);
      await expect(q.questionHeading).toHaveText(catalogQuestion(id).prompt.tr);
      await expect(q.progress).toHaveText(/^Soru \d+ \/ \d+$/);
      await expectNoEnglish(q, `question "${id}"`);
      if (id in TYPICAL_PATIENT) await q.answer(id, TYPICAL_PATIENT[id]);
      seen.push(id);
      await next.click();
      await expect(q.root.locator(`form[data-question="${id}"]`)).toHaveCount(0);
    }
    expect(seen).toContain('acne_severity');

    // Review and results.
    await expect(q.reviewScreen.getByRole('heading', { level: 1 })).toHaveText(ui('tr', 'review_title'));
    await expectNoEnglish(q, 'review screen');
    await button(q, 'tr', 'see_results').click();
    await expect(q.resultsScreen).toBeVisible();
    await expect(q.heading).toHaveText(ui('tr', 'results_title'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');

    const plan = new PlanSection(page);
    await plan.openDates();
    await expect(plan.downloadButton('tr')).toBeVisible();
    await expectNoEnglish(q, 'results screen');

    // Dates: "30 Kasım 2026 Pzt" for every entry, Turkish month headings.
    const timeline = await plan.readTimeline();
    expect(timeline.length).toBeGreaterThan(0);
    const trDate = new RegExp(`^\\d{1,2} (${TR_MONTHS.join('|')}) \\d{4} (${TR_WEEKDAYS.join('|')})$`);
    for (const entry of timeline) {
      expect(entry.shown, entry.date).toMatch(trDate);
      expect(entry.shown, entry.date).toBe(displayDate(entry.date, 'tr'));
    }
    const months = [...new Set(timeline.map((e) => e.date.slice(0, 7)))];
    await expect(plan.monthHeadings).toHaveText(months.map((m) => monthHeading(`${m}-01`, 'tr')));
    // Session texts use the Turkish pattern "{name}: {n}. seans".
    const firstSession = timeline.find((e) => e.kind === 'session')!;
    expect(firstSession.text).toMatch(/: 1\. seans$/);

    // The check above does see English when there is some: switch and look again.
    await q.languageSelect.selectOption('en');
    await expect(q.heading).toHaveText(ui('en', 'results_title'));
    expect(occurringTexts(await widgetText(q), ENGLISH_ONLY)).toContain('results_title: "Your results"');
  });
});

test.describe('switching language mid-questionnaire', () => {
  test('keeps every answer and the current step, in both directions', async ({ questionnaire: q, page }) => {
    await q.goto();
    await q.start();
    const answered = ['age', 'skin_type', 'concerns'];
    for (const id of answered) await q.answerAndContinue(id, TYPICAL_PATIENT[id]);
    // Acne was among the concerns, so its question comes next.
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    const progress = await q.progress.innerText();
    const total = progress.match(/(\d+)$/)![1];

    await q.languageSelect.selectOption('tr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    await expect(q.questionHeading).toHaveText(catalogQuestion('acne_severity').prompt.tr);
    await expect(q.progress).toHaveText(ui('tr', 'progress', { n: 4, total }));

    // Back twice, in Turkish: the earlier answers are still chosen.
    const back = button(q, 'tr', 'back');
    await back.click();
    await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    await expect(q.questionHeading).toHaveText(catalogQuestion('concerns').prompt.tr);
    const concerns = TYPICAL_PATIENT.concerns as string[];
    for (const option of catalogQuestion('concerns').options!) {
      if (concerns.includes(option.id)) await expect(q.choice(option.id), option.id).toBeChecked();
      else await expect(q.choice(option.id), option.id).not.toBeChecked();
    }
    await back.click();
    await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
    await expect(q.choice(TYPICAL_PATIENT.skin_type as string)).toBeChecked();
    await expect(q.choiceLabel(TYPICAL_PATIENT.skin_type as string)).toHaveText(
      catalogQuestion('skin_type').options!.find((o) => o.id === TYPICAL_PATIENT.skin_type)!.label.tr,
    );

    // Back to English: same step, same answers, English controls.
    await q.languageSelect.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
    await expect(q.questionHeading).toHaveText(catalogQuestion('skin_type').prompt.en);
    await expect(q.choice(TYPICAL_PATIENT.skin_type as string)).toBeChecked();
    await q.back();
    await expect(q.numberInput).toHaveValue(String(TYPICAL_PATIENT.age));
    await q.next();
    await q.next();
    await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    for (const id of concerns) await expect(q.choice(id), id).toBeChecked();
    await q.next();
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    await expect(q.progress).toHaveText(ui('en', 'progress', { n: 4, total }));
  });
});

test.describe('right-to-left readiness', () => {
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    test(`nothing overflows or overlaps in a dir="rtl" document at ${viewport.width} px`, async ({
      questionnaire: q,
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const rtl = () => document.documentElement?.setAttribute('dir', 'rtl');
        rtl();
        document.addEventListener('readystatechange', rtl);
      });

      const check = async (screen: string) => {
        await settle(page);
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
        const app = q.root.locator('.sc-app');
        expect(await app.evaluate((el) => getComputedStyle(el).direction), screen).toBe('rtl');

        // No sideways scrolling: neither the document nor the widget.
        const doc = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(doc.scroll, `${screen}: document scrollWidth`).toBeLessThanOrEqual(doc.client);
        const widths = await app.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(widths.scroll, `${screen}: .sc-app scrollWidth`).toBeLessThanOrEqual(widths.client);
        // In a right-to-left document overflow to the right does not scroll: check boxes too.
        const outside = await app.evaluate((root) => {
          const width = document.documentElement.clientWidth;
          return [...root.querySelectorAll('*')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return false;
              if (getComputedStyle(el).position === 'absolute' && r.width <= 1) return false; // visually hidden
              return r.left < -1 || r.right > width + 1;
            })
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        });
        expect(outside, `${screen}: elements outside the viewport`).toEqual([]);

        // The buttons of each button row do not overlap one another.
        for (const row of await q.root.locator('.sc-nav:visible, .sc-actions:visible').all()) {
          const boxes = await row.evaluate((el) =>
            [...el.querySelectorAll(':scope > button, :scope > a')].map((b) => {
              const r = b.getBoundingClientRect();
              return { name: (b.textContent ?? '').trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            }),
          );
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i], boxes[j]];
              const overlap =
                Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
                Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
              expect(overlap, `${screen}: "${a.name}" overlaps "${b.name}"`).toBe(false);
            }
          }
        }
        await q.screenshot(`rtl-${viewport.width}-${screen}`);
      };

      await q.goto();
      await check('welcome');
      await q.start();
      await q.answerAndContinue('age', TYPICAL_PATIENT.age);
      await q.answerAndContinue('skin_type', TYPICAL_PATIENT.skin_type);
      await q.answer('concerns', TYPICAL_PATIENT.concerns);
      await check('question');

      await q.gotoResults(TYPICAL_PATIENT);
      await new PlanSection(page).openDates();
      await check('results');
    });
  }
});

test.describe('axe-core on the results with the plan', () => {
  for (const lang of ['en', 'tr'] as const) {
    test(`finds no violation in ${lang === 'en' ? 'English' : 'Turkish'}`, async ({ questionnaire: q, page }) => {
      await q.gotoResults(TYPICAL_PATIENT);
      if (lang === 'tr') await q.languageSelect.selectOption('tr');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const plan = new PlanSection(page);
      await plan.openDates();
      await plan.openChoices();
      await expect(plan.downloadButton(lang)).toBeVisible();
      await q.showQrCode();
      await settle(page);
      await expectNoAxeViolations(page, `results with the plan (${lang})`);

      // And with the plan's error message in place of the timeline.
      await plan.include([]);
      await expect(plan.error).toHaveText(ui(lang, 'plan_error_none'));
      await expectNoAxeViolations(page, `results with a plan error (${lang})`);
    });
  }
});
