// The patient questionnaire from Start to results: outcomes, changing answers, validation,
// keyboard-only use and switching language. Expected outcomes come from the catalog rules
// and personas.json (engine/catalog/).
//
// Every test also gets the shared `traffic` checks: no console error, no uncaught exception,
// no failed request and no request to another origin.

import {
  test,
  expect,
  catalogQuestion,
  persona,
  EXPRESSION_LINES_PATIENT,
  TYPICAL_PATIENT,
  UNCONDITIONAL_QUESTIONS,
  choiceValue,
  optionValues,
  type AnswerValue,
  type QuestionnairePage,
} from './pages/questionnaire-page';

/** The injectables of the catalog: never suggested while a patient is pregnant. */
const INJECTABLES = ['botulinum-toxin', 'dermal-filler', 'mesotherapy'];

test.describe('a typical patient completes the questionnaire with the mouse on a small phone', () => {
  // 320 px wide: every question screen is also checked for sideways scrolling.
  test.use({ viewport: { width: 320, height: 640 } });

  test('progress counts the branch, the results match the rules and explain themselves', async ({
    questionnaire: q,
    traffic,
    baseURL,
  }) => {
    await q.goto();
    await q.start();

    // Progress totals: the acne question is only asked once acne is chosen.
    const visited = await q.answerAll(TYPICAL_PATIENT, async (id) => {
      await q.expectNoHorizontalOverflow(`question ${id}`);
      if (id === 'age') await expect(q.progress).toHaveText(`Question 1 of ${UNCONDITIONAL_QUESTIONS}`);
      if (id === 'concerns') {
        await expect(q.progress).toHaveText(`Question 3 of ${UNCONDITIONAL_QUESTIONS}`);
        await q.choiceLabel('acne').click();
        await expect(q.progress).toHaveText(`Question 3 of ${UNCONDITIONAL_QUESTIONS + 1}`);
        await q.choiceLabel('acne').click();
        await expect(q.progress).toHaveText(`Question 3 of ${UNCONDITIONAL_QUESTIONS}`);
      }
    });
    // Before the concerns are answered none of the acne, unchecked-spot (asked once a laser
    // could be suggested: pores at 28) and main-concern (after two or more concerns) questions
    // is counted; from then on all three are.
    const total = UNCONDITIONAL_QUESTIONS + 3;
    expect(visited.map((v) => v.progress)).toEqual(
      Array.from({ length: total }, (_, i) => `Question ${i + 1} of ${i < 2 ? UNCONDITIONAL_QUESTIONS : total}`),
    );
    expect(visited.map((v) => v.id)).toContain('unchecked_spot');
    expect(visited.map((v) => v.id)).toContain('main_concern');
    expect(visited.map((v) => v.id)).toContain('acne_severity');
    expect(visited.map((v) => v.id)).not.toContain('toxin_recent');
    // The red-flag question comes right after the concern questions.
    expect(visited.map((v) => v.id).slice(0, 6)).toEqual([
      'age',
      'skin_type',
      'concerns',
      'acne_severity',
      'warning_signs',
      'makeup',
    ]);

    await q.review();
    await expect(q.reviewRow('acne_severity')).toContainText('Mostly blackheads');
    await q.expectNoHorizontalOverflow('review');
    await q.results();
    await q.expectNoHorizontalOverflow('results');

    // What the catalog rules give this patient (compare the teen-mild-acne persona).
    await q.expectStatuses({
      'medical-skin-care': 'suggested',
      hydrafacial: 'suggested',
      'chemical-peel': 'suggested',
      'retinoid-home-care': 'suggested',
      'botulinum-toxin': 'excluded', // expression lines were not a concern
      'dermal-filler': 'excluded', // nor were volume loss or acne scars
      'laser-resurfacing': 'excluded', // needs more downtime than "a few days"
    });
    // Never had a facial, and acne: every 2 weeks at first.
    await expect(q.fact('medical-skin-care', 'How often')).toHaveText(/^every 2 weeks for 3 sessions\b/i);

    // Every suggestion says why and how often: its decisive reason on the card, the whole
    // list under its details (the fourth and later suggestions wait under "More options").
    const suggested = q.root.locator('[data-procedure][data-status="suggested"]');
    expect(await suggested.count()).toBeGreaterThanOrEqual(4);
    await q.openAllDetails();
    for (const card of await suggested.all()) {
      const id = (await card.getAttribute('data-procedure'))!;
      await expect(card.locator('.sc-card-reason'), id).toHaveText(/\S/);
      await expect(card.getByRole('heading', { name: 'Why', exact: true }), id).toBeVisible();
      expect(await q.reasons(id).count(), `${id}: reasons`).toBeGreaterThan(0);
      await expect(q.reasons(id).first(), `${id}: first reason`).toHaveText(/\S/);
      await expect(q.fact(id, 'How often'), `${id}: how often`).toHaveText(/\S/);
    }
    await expect(q.disclaimer).toBeVisible();
    await expect(q.disclaimer).toContainText('not a diagnosis');

    // Everything came from the local server; nothing was logged as an error.
    expect(traffic.requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    traffic.expectClean(new URL(baseURL!).origin);
  });
});

test.describe('outcomes that hold treatments back', () => {
  /** Opens the results of a persona's answers, fast: through a share link. */
  async function resultsOf(q: QuestionnairePage, id: string) {
    await q.gotoResults(persona(id).answers);
  }

  test('a red-flag answer gives a referral and no procedure at all', async ({ questionnaire: q }) => {
    // Answered through the UI, since what matters is the question that ends the flow.
    await q.gotoSaved(persona('changing-mole').answers, 'q:warning_signs');
    await q.answer('warning_signs', ['changing_mole']);
    await q.next();
    await q.review();
    await q.results();

    await expect(q.referral).toBeVisible();
    await expect(q.referral.locator('[data-flag="changing_mole"]')).toBeVisible();
    await expect(q.referral.getByRole('heading', { level: 2 })).toHaveText('Please see a doctor first');
    await expect(q.root.locator('[data-procedure]')).toHaveCount(0);
    await expect(q.disclaimer).toBeVisible();
  });

  test('an urgent warning sign ticked early ends the questionnaire; un-ticking it resumes it', async ({
    questionnaire: q,
  }) => {
    await q.goto();
    await q.start();
    await q.answerAndContinue('age', 34);
    await q.answerAndContinue('skin_type', 'oily');
    await q.answerAndContinue('concerns', ['fine_lines']);
    // The red-flag question is the fourth screen (no acne, so no acne question; fine lines at
    // 34 could mean a laser, so the unchecked-spot question counts).
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
    await expect(q.progress).toHaveText(`Question 4 of ${UNCONDITIONAL_QUESTIONS + 1}`);

    // Ticking an emergency sign ends the questionnaire: this is the last question.
    await q.answer('warning_signs', ['injection_reaction']);
    await expect(q.progress).toHaveText('Question 4 of 4');
    await q.next();
    await q.review();
    await expect(q.reviewScreen.locator('.sc-review-row')).toHaveCount(4);
    await expect(q.reviewRow('makeup')).toHaveCount(0);
    await q.results();
    await expect(q.referral).toBeVisible();
    await expect(q.referral.locator('[data-flag="injection_complication"]')).toBeVisible();
    await expect(q.cards).toHaveCount(0);

    // Back to the question, un-tick it: the rest of the questionnaire comes back.
    await q.button('Change my answers').click();
    await q.review();
    await q.back();
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
    await q.expectAnswer('warning_signs', ['injection_reaction']);
    await q.answer('warning_signs', ['none']);
    await expect(q.progress).toHaveText(`Question 4 of ${UNCONDITIONAL_QUESTIONS + 1}`);
    await q.next();
    await expect(q.questionForm).toHaveAttribute('data-question', 'makeup');
    await expect(q.progress).toHaveText(`Question 5 of ${UNCONDITIONAL_QUESTIONS + 1}`);
    const rest = await q.answerAll({ ...TYPICAL_PATIENT, makeup: 'rarely' });
    expect(rest.length).toBe(UNCONDITIONAL_QUESTIONS + 1 - 4);
    await q.review();
    await expect(q.reviewScreen.locator('.sc-review-row')).toHaveCount(UNCONDITIONAL_QUESTIONS + 1);
    await q.results();
    await expect(q.referral).toHaveCount(0);
    expect(await q.cards.count()).toBeGreaterThan(0);

    // The same from the review screen: tick it again there, then un-tick it there.
    await q.button('Change my answers').click();
    await q.review();
    await q.change('warning_signs');
    await q.answer('warning_signs', ['eye_symptoms']);
    await q.next();
    await q.review();
    await expect(q.reviewScreen.locator('.sc-review-row')).toHaveCount(4);
    await q.change('warning_signs');
    await q.answer('warning_signs', ['none']);
    await q.next();
    // Every later question was answered before, so the review comes back whole.
    await q.review();
    await expect(q.reviewScreen.locator('.sc-review-row')).toHaveCount(UNCONDITIONAL_QUESTIONS + 1);
  });

  test('pregnancy defers the elective procedures and suggests no injectable', async ({ questionnaire: q }) => {
    // The same patient, first not pregnant, then pregnant.
    await q.gotoResults(EXPRESSION_LINES_PATIENT);
    const suggestedBefore = Object.entries(await q.statuses())
      .filter(([, status]) => status === 'suggested')
      .map(([id]) => id);
    expect(suggestedBefore).toEqual(expect.arrayContaining(['botulinum-toxin', 'chemical-peel']));

    await q.gotoResults({ ...EXPRESSION_LINES_PATIENT, pregnant: true });
    for (const id of suggestedBefore) {
      await expect(q.card(id), id).toHaveAttribute('data-status', 'deferred');
      await expect(q.card(id).locator('.sc-until'), id).toContainText('after pregnancy and breastfeeding');
    }
    for (const id of INJECTABLES) {
      await expect(q.card(id), id).not.toHaveAttribute('data-status', 'suggested');
    }
    await expect(q.root.locator('[data-status="suggested"]')).toHaveCount(0);
    await expect(q.root.locator('.sc-empty')).toBeVisible();

    // And what personas.json expects of a pregnant patient with acne.
    await resultsOf(q, 'pregnant-acne');
    await q.expectStatuses(persona('pregnant-acne').expect.statuses!);
  });
});

test.describe('changing answers', () => {
  test('a changed decisive answer changes the results', async ({ questionnaire: q }) => {
    await q.gotoResults(EXPRESSION_LINES_PATIENT);
    await q.expectStatuses({ 'botulinum-toxin': 'suggested' });
    const before = await q.statuses();

    await q.button('Change my answers').click();
    await q.review();
    await q.change('neuromuscular');
    await expect(q.choice('no')).toBeChecked();
    await q.answer('neuromuscular', true);
    await q.next();

    // Back to the review (nothing else is missing), showing the new answer.
    await q.review();
    await expect(q.reviewRow('neuromuscular')).toContainText('Yes');
    await q.results();
    await q.expectStatuses({ 'botulinum-toxin': 'excluded' });
    expect(await q.statuses()).toEqual({ ...before, 'botulinum-toxin': 'excluded' });
  });

  test('Back keeps earlier answers and a changed branch drops its question', async ({ questionnaire: q }) => {
    await q.goto();
    await q.start();
    await q.answerAndContinue('age', 28);
    await q.answerAndContinue('skin_type', 'combination');
    await q.answerAndContinue('concerns', ['acne']);
    await expect(q.questionForm).toHaveAttribute('data-question', 'acne_severity');

    await q.back();
    await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    await expect(q.choice('acne')).toBeChecked();
    await q.answerAndContinue('concerns', ['dullness']);
    // Without acne, the acne question is skipped.
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
    await expect(q.progress).toHaveText(`Question 4 of ${UNCONDITIONAL_QUESTIONS}`);

    await q.back();
    await q.back();
    await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
    await expect(q.choice('combination')).toBeChecked();
    await q.back();
    await expect(q.numberInput).toHaveValue('28');
  });
});

test('walking Back through every answered question shows each answer as it was given', async ({
  questionnaire: q,
}) => {
  // The question screen is patched in place from one question to the next (not rebuilt), so
  // a number, radio or checkbox input must never carry another question's state.
  await q.goto();
  await q.start();
  const answered: string[] = [];
  for (let i = 0; i < 8; i++) {
    const id = await q.currentQuestionId();
    await q.answerAndContinue(id, TYPICAL_PATIENT[id]);
    answered.push(id);
  }
  for (const id of answered.reverse()) {
    await q.back();
    await expect(q.questionForm).toHaveAttribute('data-question', id);
    await q.expectAnswer(id, TYPICAL_PATIENT[id]);
  }
});

test.describe('required answers', () => {
  /** Clicks Next and checks that `questionId` stays on screen with `error` explained inline. */
  async function expectInlineError(q: QuestionnairePage, questionId: string, error: string) {
    await q.next();
    await expect(q.error).toHaveText(error);
    await expect(q.questionForm).toHaveAttribute('data-question', questionId);
    await expect(q.questionHeading).toBeVisible();
    // The error is tied to the question for screen readers.
    const errorId = await q.error.getAttribute('id');
    await expect(q.questionForm.locator('fieldset')).toHaveAttribute('aria-describedby', new RegExp(`\\b${errorId}\\b`));
  }

  test('an empty or invalid answer is explained inline and the question stays', async ({ questionnaire: q }) => {
    await q.goto();
    await q.start();

    const ageError = 'Please enter a whole number from 12 to 100.';
    await expectInlineError(q, 'age', ageError);
    await expect(q.numberInput).toHaveAttribute('aria-invalid', 'true');
    await q.numberInput.fill('8');
    await expect(q.error).toHaveCount(0); // typing clears the error until the next try
    await expectInlineError(q, 'age', ageError);
    await q.answerAndContinue('age', 28);

    await expectInlineError(q, 'skin_type', 'Please choose an answer to continue.');
    await q.answer('skin_type', 'oily');
    await expect(q.error).toHaveCount(0);
    await q.next();

    await expectInlineError(q, 'concerns', 'Please choose at least one answer to continue.');
    await q.answerAndContinue('concerns', ['dullness']);
    await expect(q.questionForm).toHaveAttribute('data-question', 'warning_signs');
  });
});

test.describe('question screens', () => {
  test('the multiple-choice hint is shown once', async ({ questionnaire: q }) => {
    await q.gotoSaved({ age: 30, skin_type: 'dry' }, 'q:concerns');
    await expect(q.questionForm).toHaveAttribute('data-question', 'concerns');
    await expect(q.questionForm.getByText('Choose all that apply.', { exact: true })).toHaveCount(1);
  });
});

test.describe('keyboard only', () => {
  /** On the question on screen, picks `value` with the keyboard and presses Enter. */
  async function answerByKeyboard(q: QuestionnairePage, id: string, value: AnswerValue) {
    const { page } = q;
    await expect(q.questionHeading).toBeFocused();
    if (typeof value === 'number') {
      await q.tabTo(q.numberInput, 3);
      await page.keyboard.type(String(value));
    } else if (Array.isArray(value)) {
      // Tab visits each checkbox in turn; Space ticks the wanted ones.
      const options = optionValues(id);
      await q.tabTo(q.choice(options[0]), 3);
      for (const [index, option] of options.entries()) {
        if (index > 0) await page.keyboard.press('Tab');
        if (value.includes(option)) await page.keyboard.press('Space');
      }
      await expect(q.choice(options.at(-1)!)).toBeFocused();
    } else {
      // Tab enters the radio group on its first radio; arrow keys move and select.
      const options = optionValues(id);
      const target = options.indexOf(choiceValue(value));
      await q.tabTo(q.choice(options[0]), 3);
      if (target === 0) await page.keyboard.press('Space');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      await expect(q.choice(options[target])).toBeFocused();
    }
    await q.expectAnswer(id, value);
    // Enter continues, from a radio button or checkbox too.
    await page.keyboard.press('Enter');
    await expect(q.root.locator(`form[data-question="${id}"]`)).toHaveCount(0);
  }

  test('a patient completes the consultation with the keyboard alone', async ({ questionnaire: q, page }) => {
    await q.goto();
    await q.tabTo(q.startButton);
    await page.keyboard.press('Enter');

    while (await q.questionForm.isVisible()) {
      const id = await q.currentQuestionId();
      if (id === 'main_concern') {
        // Optional: left unanswered, Next continues.
        await q.tabTo(q.nextButton, 20);
        await page.keyboard.press('Enter');
        await expect(q.root.locator(`form[data-question="${id}"]`)).toHaveCount(0);
      } else {
        await answerByKeyboard(q, id, TYPICAL_PATIENT[id]);
      }
      await expect(q.questionHeading.or(q.reviewScreen.getByRole('heading', { level: 1 }))).toBeFocused();
    }

    await q.review();
    await expect(q.reviewScreen.getByRole('heading', { level: 1 })).toBeFocused();
    await q.tabTo(q.seeResultsButton, 80);
    await page.keyboard.press('Space');
    await expect(q.resultsScreen.getByRole('heading', { level: 1 })).toBeFocused();
    await q.expectStatuses({ 'medical-skin-care': 'suggested', 'botulinum-toxin': 'excluded' });
  });
});

test.describe('language', () => {
  test('switching to Türkçe keeps the question and the answers', async ({ questionnaire: q, page }) => {
    await q.gotoSaved({ age: 28 }, 'q:skin_type');
    await q.answer('skin_type', 'combination');
    await expect(q.questionHeading).toHaveText(catalogQuestion('skin_type').prompt.en);

    await q.languageSelect.selectOption('tr');
    await expect(q.questionHeading).toHaveText(catalogQuestion('skin_type').prompt.tr);
    await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
    await expect(q.choice('combination')).toBeChecked();
    await expect(q.progress).toHaveText(`Soru 2 / ${UNCONDITIONAL_QUESTIONS}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'tr');

    // The answers given before are still there, in Turkish.
    await q.root.getByRole('button', { name: 'Geri', exact: true }).click();
    await expect(q.questionForm).toHaveAttribute('data-question', 'age');
    await expect(q.questionHeading).toHaveText(catalogQuestion('age').prompt.tr);
    await expect(q.numberInput).toHaveValue('28');
  });
});
