// Saved progress and share links: resuming after a reload, opening results on another
// device, and starting fresh (with a notice, and without errors) when either is damaged.

import { Traffic } from './support/fixtures';
import {
  test,
  expect,
  encodeAnswers,
  persona,
  STORAGE_KEY,
  TYPICAL_PATIENT,
  UNCONDITIONAL_QUESTIONS,
  QuestionnairePage,
} from './pages/questionnaire-page';

/** Asserts the widget started fresh on its welcome screen with the notice `kind`. */
async function expectFreshStartWith(q: QuestionnairePage, kind: string) {
  await expect(q.notice(kind)).toBeVisible();
  await expect(q.notice(kind)).toHaveAttribute('role', 'status');
  await expect(q.welcomeScreen).toBeVisible();
  await expect(q.startButton).toBeEnabled();
  await expect(q.questionForm).toHaveCount(0);
  await expect(q.resultsScreen).toHaveCount(0);
}

/** The address bar has no fragment left. */
async function expectFragmentCleared(q: QuestionnairePage) {
  await expect.poll(() => new URL(q.page.url()).hash).toBe('');
}

test.describe('saved progress', () => {
  test('a reload resumes at the same question with the answers kept', async ({ questionnaire: q, page }) => {
    await q.goto();
    await q.start();
    await q.answerAndContinue('age', 31);
    await q.answerAndContinue('skin_type', 'oily');
    await q.answerAndContinue('concerns', ['acne', 'blackheads_pores']);
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    const progress = await q.progress.innerText();

    await page.reload();
    await expect(q.notice('resumed')).toBeVisible();
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    await expect(q.progress).toHaveText(progress);

    await q.back();
    await expect(q.choice('acne')).toBeChecked();
    await expect(q.choice('blackheads_pores')).toBeChecked();
    await expect(q.choice('dullness')).not.toBeChecked();
    await q.back();
    await expect(q.choice('oily')).toBeChecked();
    await q.back();
    await expect(q.numberInput).toHaveValue('31');
  });

  test('progress saved before the red-flag question moved forward resumes at that question', async ({
    questionnaire: q,
  }) => {
    // Written when warning_signs was the last question: the patient had reached `makeup`,
    // then the fifth question. Now warning_signs comes before it, still unanswered.
    await q.seedStorage(
      '{"v":1,"answers":"sc1;age=34;skin_type=oily;concerns=acne;acne_severity=moderate;k=12a8d491","step":"q:makeup"}',
    );
    await q.page.goto('/');
    await expect(q.notice('resumed')).toBeVisible();
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
    await expect(q.progress).toHaveText(`Question 5 of ${UNCONDITIONAL_QUESTIONS + 1}`);
    await q.back();
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');
    await q.expectAnswer('acne_severity', 'moderate');
  });

  test('unreadable saved progress starts fresh with a notice and no error', async ({ questionnaire: q }) => {
    await q.seedStorage('{"v":1,"answers":"sc1;age=3');
    await q.page.goto('/');
    await expectFreshStartWith(q, 'saved-progress-unreadable');
    // The unreadable record is not kept.
    await expect.poll(() => q.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    // (The traffic fixture checks for console errors and uncaught exceptions.)
  });

  test('"Clear my answers" forgets everything on this device', async ({ questionnaire: q, page }) => {
    await q.gotoResults(TYPICAL_PATIENT);
    await q.button('Clear my answers').click();
    await expectFreshStartWith(q, 'answers-cleared');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await page.reload();
    await expect(q.welcomeScreen).toBeVisible();
    await expect(q.root.locator('.sc-notice')).toHaveCount(0);
  });
});

test.describe('share links', () => {
  test('a share link opened on another device shows the same results', async ({
    questionnaire: q,
    browser,
    baseURL,
  }) => {
    await q.gotoSaved(TYPICAL_PATIENT, 'results');
    const expected = await q.statuses();
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    const link = await q.shareLink.inputValue();
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(link).hash).toMatch(/^#sc1;/);

    // A new context: nothing stored, as on someone else's phone.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const traffic = new Traffic(page);
      await page.goto(link);
      const other = new QuestionnairePage(page);
      await expect(other.resultsScreen).toBeVisible();
      expect(await other.statuses()).toEqual(expected);
      await expect(other.root.locator('.sc-notice')).toHaveCount(0);
      await expectFragmentCleared(other);
      expect(page.url()).toBe(link.split('#')[0]);
      traffic.expectClean(new URL(baseURL!).origin);
    } finally {
      await context.close();
    }
  });

  const valid = encodeAnswers(TYPICAL_PATIENT);
  const damaged: Record<string, string> = {
    'an edited answer': valid.replace('age=28', 'age=29'),
    'a flipped checksum character': valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0'),
    'a truncated link': valid.slice(0, Math.floor(valid.length / 2)),
    'a link cut before its last digit': valid.slice(0, -1),
  };
  for (const [what, fragment] of Object.entries(damaged)) {
    test(`${what} starts fresh with a notice and no error`, async ({ questionnaire: q }) => {
      expect(fragment).not.toBe(valid);
      await q.gotoShared(fragment);
      await expectFreshStartWith(q, 'share-link-broken');
      await expectFragmentCleared(q);
    });
  }

  // Personas of personas.json covering every status, a stale branch answer and referrals
  // (the engine's own tests check all of them; here the widget in the browser is checked).
  const SAMPLE = ['isotretinoin-last-spring', 'keloid-former', 'recent-tan-laser', 'stale-acne-severity', 'cellulitis-with-fever'];

  test('personas opened from share links get the outcomes personas.json expects', async ({
    questionnaire: q,
  }) => {
    for (const { id, answers, expect: expected } of SAMPLE.map(persona)) {
      await q.gotoShared(answers);
      await expect(q.resultsScreen, id).toBeVisible();
      if (expected.referral) {
        await expect(q.referral, id).toBeVisible();
        const flags = await q.referral.locator('[data-flag]').evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-flag')),
        );
        expect(flags.sort(), id).toEqual([...expected.referral].sort());
        await expect(q.cards, id).toHaveCount(0);
      } else {
        const statuses = await q.statuses();
        expect(statuses, id).toMatchObject(expected.statuses ?? {});
      }
    }
  });
});
