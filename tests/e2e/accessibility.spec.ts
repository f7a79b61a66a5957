// Accessibility and presentation of every screen: axe-core on each screen type, notice and
// colour scheme; the printed results; and the layout on a small phone and on tablets, with
// screenshots kept under tests/e2e/artifacts/screens/ for review.

import { expectNoAxeViolations } from './support/axe';
import {
  test,
  expect,
  persona,
  TYPICAL_PATIENT,
  type Answers,
  type QuestionnairePage,
} from './pages/questionnaire-page';

/** Recently tanned: lasers wait, the peel needs the doctor, so every status is on screen. */
const EVERY_STATUS_PATIENT: Answers = { ...TYPICAL_PATIENT, recent_tan: true };
const REFERRAL_PATIENT = persona('changing-mole').answers;

/** Opens the results of EVERY_STATUS_PATIENT and checks that they show every status. */
async function openResultsWithEveryStatus(q: QuestionnairePage) {
  await q.gotoResults(EVERY_STATUS_PATIENT);
  for (const status of ['suggested', 'caution', 'deferred', 'excluded']) {
    // Only the suggestions are open; the other groups are collapsed with a count.
    await expect(q.root.locator(`[data-procedure][data-status="${status}"]`).first(), status).toBeAttached();
  }
}

/** Opens the referral screen. */
async function openReferral(q: QuestionnairePage) {
  await q.gotoResults(REFERRAL_PATIENT);
  await expect(q.referral).toBeVisible();
}

/** Opens the review screen (from the results, as a patient changing answers would). */
async function openReview(q: QuestionnairePage) {
  await q.gotoResults(TYPICAL_PATIENT);
  await q.button('Change my answers').click();
  await q.review();
}

/** Asserts axe-core finds nothing once the screen has faded in (a fading screen has less contrast). */
async function expectAccessible(q: QuestionnairePage, screen: string) {
  await q.settle();
  await expectNoAxeViolations(q.page, screen);
}

/** How to make each notice appear. */
const NOTICES: Record<string, (q: QuestionnairePage) => Promise<void>> = {
  'share-link-broken': (q) => q.gotoShared('sc1;age=30;k=00000000'),
  'saved-progress-unreadable': async (q) => {
    await q.seedStorage('not json');
    await q.page.goto('/');
  },
  resumed: (q) => q.gotoSaved({ age: 30 }, 'q:skin_type'),
  'answers-cleared': async (q) => {
    await q.gotoResults(TYPICAL_PATIENT);
    await q.button('Clear my answers').click();
  },
};

test.describe('axe-core finds no violation', () => {
  test('on the welcome screen and each kind of question, with an inline error', async ({ questionnaire: q }) => {
    await q.goto();
    await expectAccessible(q, 'welcome screen');
    await q.start();

    await expect(q.numberInput).toBeVisible();
    await q.next();
    await expect(q.error).toBeVisible();
    await expectAccessible(q, 'number question with an inline error');
    await q.answerAndContinue('age', 30);

    await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
    await expectAccessible(q, 'single-choice question');
    await q.answerAndContinue('skin_type', 'dry');

    await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    await q.answer('concerns', ['acne', 'dullness']);
    await expectAccessible(q, 'multiple-choice question');
    await q.next();
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    await q.answerAndContinue('acne_severity', 'mild');
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
    await q.answerAndContinue('warning_signs', ['none']);
    await expect(q.questionForm).toHaveAttribute('data-question', 'makeup');
    await q.answer('makeup', 'rarely');
    await q.next();
    await expectAccessible(q, 'yes/no question');
  });

  test('on the review screen', async ({ questionnaire: q }) => {
    await openReview(q);
    await expectAccessible(q, 'review screen');
  });

  test('on the results with every status, details opened', async ({ questionnaire: q }) => {
    await openResultsWithEveryStatus(q);
    await q.root.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await expectAccessible(q, 'results screen');
  });

  test('on the referral screen', async ({ questionnaire: q }) => {
    await openReferral(q);
    await expectAccessible(q, 'referral screen');
  });

  for (const [kind, open] of Object.entries(NOTICES)) {
    test(`with the ${kind} notice`, async ({ questionnaire: q }) => {
      await open(q);
      await expect(q.notice(kind)).toBeVisible();
      await expectAccessible(q, `${kind} notice`);
    });
  }
});

test.describe('axe-core finds no violation in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('on the welcome screen and the results', async ({ questionnaire: q, page }) => {
    await q.goto();
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expectAccessible(q, 'welcome screen (dark)');
    await openResultsWithEveryStatus(q);
    await expectAccessible(q, 'results screen (dark)');
  });
});

test.describe('printing the results', () => {
  test('prints the results without buttons, navigation, language switch or share panel', async ({
    questionnaire: q,
    page,
  }) => {
    await openResultsWithEveryStatus(q);
    await expect(q.root.locator('.sc-actions').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });

    for (const selector of ['.sc-actions', '.sc-nav', '.sc-language', '.sc-share', 'button']) {
      for (const element of await q.root.locator(selector).all()) {
        await expect(element, `${selector} in print`).toBeHidden();
      }
    }
    await expect(q.shareLink).toBeHidden();
    for (const card of await q.cards.all()) await expect(card).toBeVisible();
    await expect(q.resultsScreen.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(q.disclaimer).toBeVisible();
  });

  test('the results with a year of treatment dates fit on one or two A4 pages', async ({
    questionnaire: q,
    page,
  }) => {
    await openResultsWithEveryStatus(q);
    await expect(q.root.locator('.sc-timeline .sc-entry').first()).toBeAttached();
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, 'A4 pages of the printed results').toBeGreaterThanOrEqual(1);
    expect(pages.length, 'A4 pages of the printed results').toBeLessThanOrEqual(2);
  });
});

// ---------------------------------------------------------------------------------------
// Layout and screenshots
// ---------------------------------------------------------------------------------------

const VIEWPORTS = {
  'phone-320': { width: 320, height: 640 },
  'tablet-landscape': { width: 1366, height: 1024 },
  'tablet-portrait': { width: 1024, height: 1366 },
};
const PHONE = VIEWPORTS['phone-320'];

/**
 * Each screen type, each step going on from the one before (so the page loads only three
 * times): welcome, a number question, a multiple-choice question, results, review, referral.
 */
const SCREENS: [string, (q: QuestionnairePage) => Promise<void>][] = [
  ['welcome', (q) => q.goto()],
  ['question', (q) => q.start()],
  [
    'multi-choice-question',
    async (q) => {
      await q.answerAndContinue('age', 30);
      await q.answerAndContinue('skin_type', 'dry');
      await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    },
  ],
  ['results', openResultsWithEveryStatus],
  [
    'review',
    async (q) => {
      await q.button('Change my answers').click();
      await q.review();
    },
  ],
  ['referral', openReferral],
];

test.describe('layout on a small phone and on tablets', () => {
  test('every screen fits 320 px and is kept as a screenshot at each size', async ({ questionnaire: q, page }) => {
    for (const [screen, open] of SCREENS) {
      await open(q);
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        if (viewport === PHONE) await q.expectNoHorizontalOverflow(`${screen} at ${name}`);
        await q.settle();
        await q.screenshot(`${name}-${screen}`);
      }
    }
  });
});
