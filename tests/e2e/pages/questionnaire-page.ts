// Page object of the patient questionnaire and its results, built on ConsultPage.
//
// Answers are given as plain objects keyed by question id, in the shape personas.json uses:
// a number for the age, an option id for single choices, option ids for multiple choices and
// true/false for yes/no questions. The catalog is read here so that tests can
// - build share links and saved-progress records without clicking (setup that is not what a
//   test is about), with the app's own codec (support/share-link.mjs);
// - derive expectations (question counts, prompts) instead of copying them.
//
// The `test` exported at the bottom adds a `questionnaire` fixture to the shared fixtures
// (which keep recording console errors and network traffic for every test).

import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { ConsultPage } from './consult-page';
import { test as base } from '../support/fixtures';
import { encodeAnswers as encodeWithAppCodec } from '../support/share-link.mjs';

// ---------------------------------------------------------------------------------------
// Catalog and personas
// ---------------------------------------------------------------------------------------

export type AnswerValue = number | string | boolean | string[];
/** Answers keyed by question id, as in personas.json. */
export type Answers = Record<string, AnswerValue>;
export type Status = 'suggested' | 'caution' | 'deferred' | 'excluded';
export type Lang = 'en' | 'tr';

type Localised = Record<Lang, string>;

interface CatalogQuestion {
  id: string;
  kind: 'single_choice' | 'multi_choice' | 'yes_no' | { number: { min: number; max: number } };
  prompt: Localised;
  options?: { id: string; label: Localised }[];
  show_if?: unknown;
}

interface Persona {
  id: string;
  answers: Answers;
  expect: { statuses?: Record<string, Status>; plans?: Record<string, string>; referral?: string[] };
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
}

export const catalog = readJson<{ questions: CatalogQuestion[]; procedures: { id: string }[] }>(
  '../../../engine/catalog/catalog.json',
);
export const personas = readJson<Persona[]>('../../../engine/catalog/personas.json');

/** The persona of personas.json with this id. */
export function persona(id: string): Persona {
  const found = personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona "${id}" in personas.json`);
  return found;
}

/** The question of the catalog with this id. */
export function catalogQuestion(id: string): CatalogQuestion {
  const found = catalog.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question "${id}" in the catalog`);
  return found;
}

/** The value attributes of a question's choices, in screen order. */
export function optionValues(questionId: string): string[] {
  const question = catalogQuestion(questionId);
  return question.kind === 'yes_no' ? ['yes', 'no'] : (question.options ?? []).map((o) => o.id);
}

/** How many questions are always asked (the others appear only after certain answers). */
export const UNCONDITIONAL_QUESTIONS = catalog.questions.filter((q) => !q.show_if).length;

// ---------------------------------------------------------------------------------------
// Answer sets shared by the specs
// ---------------------------------------------------------------------------------------

/**
 * The answer sets live in ../support/patients.json, shared with the cross-engine scenarios
 * (tests/webdriver/), so a patient is the same in every engine.
 */
const PATIENTS = readJson<{ no_contraindications: Answers; typical_patient: Answers }>('../support/patients.json');

/**
 * Everything a healthy adult answers "no" / "none" to, including the follow-ups asked only
 * when pigmentation or a laser could come up (melasma signs, an unchecked spot).
 */
const NO_CONTRAINDICATIONS: Answers = PATIENTS.no_contraindications;

/**
 * A typical patient: 28, combination skin, mild acne, pores and dullness, never had a
 * professional facial, nothing that rules a treatment out.
 */
export const TYPICAL_PATIENT: Answers = {
  ...PATIENTS.typical_patient,
  ...NO_CONTRAINDICATIONS,
};

/** The typical patient who also minds expression lines (a candidate for botulinum toxin). */
export const EXPRESSION_LINES_PATIENT: Answers = {
  ...TYPICAL_PATIENT,
  concerns: ['acne', 'blackheads_pores', 'dullness', 'expression_lines'],
  toxin_recent: false,
};

// ---------------------------------------------------------------------------------------
// The app's share-link codec and saved-progress record, for setting up state directly
// ---------------------------------------------------------------------------------------

/** The localStorage key of saved progress. */
export const STORAGE_KEY = 'skin-consult.progress';

/** The value attribute of the choice meaning `value` (yes/no questions use "yes" and "no"). */
export function choiceValue(value: string | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** Encodes answers as the app does for share links (without the leading `#`), with the app's own codec. */
export function encodeAnswers(answers: Answers): string {
  return encodeWithAppCodec(answers);
}

/** Where saved progress puts the patient: `welcome`, `review`, `results` or `q:<question id>`. */
export type SavedStep = 'welcome' | 'review' | 'results' | `q:${string}`;

/** A saved-progress record, as the app writes it to localStorage. */
export function savedProgress(answers: Answers, step: SavedStep): string {
  return JSON.stringify({ v: 1, answers: encodeAnswers(answers), step });
}

/**
 * Seeds saved progress of `answers` at `step` once per browser tab (the first load of a
 * page, not its reloads), e.g. at the review step so "See my results" completes a
 * consultation.
 */
export async function seedSavedProgress(page: Page, answers: Answers, step: SavedStep) {
  await page.addInitScript(
    ({ key, value }) => {
      if (location.protocol !== 'about:' && !sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, value);
      }
    },
    { key: STORAGE_KEY, value: savedProgress(answers, step) },
  );
}

// ---------------------------------------------------------------------------------------
// The page object
// ---------------------------------------------------------------------------------------

/** One question screen as it was passed: its id and the progress text it showed. */
export interface VisitedQuestion {
  id: string;
  progress: string;
}

export class QuestionnairePage extends ConsultPage {
  /** The current question screen (a form). */
  readonly questionForm: Locator;
  /** The heading of the current question, focused when the screen opens. */
  readonly questionHeading: Locator;
  readonly progress: Locator;
  readonly error: Locator;
  readonly numberInput: Locator;
  readonly nextButton: Locator;
  readonly backButton: Locator;
  readonly welcomeScreen: Locator;
  readonly reviewScreen: Locator;
  readonly resultsScreen: Locator;
  readonly seeResultsButton: Locator;
  readonly cards: Locator;
  readonly referral: Locator;
  readonly disclaimer: Locator;
  readonly shareLink: Locator;
  readonly languageSelect: Locator;
  /** The share panel's QR code (folded behind a tap except on a kiosk tablet). */
  readonly qrCode: Locator;

  constructor(page: Page) {
    super(page);
    this.questionForm = this.root.locator('form[data-question]');
    this.questionHeading = this.questionForm.locator('legend h1');
    this.progress = this.root.locator('.sc-progress');
    this.error = this.root.locator('.sc-error[role="alert"]');
    this.numberInput = this.questionForm.locator('input[type="number"]');
    this.nextButton = this.button('Next');
    this.backButton = this.button('Back');
    this.welcomeScreen = this.root.locator('.sc-welcome');
    this.reviewScreen = this.root.locator('.sc-review');
    this.resultsScreen = this.root.locator('.sc-results');
    this.seeResultsButton = this.button('See my results');
    this.cards = this.root.locator('[data-procedure]');
    this.referral = this.root.locator('[data-outcome="referral"]');
    this.disclaimer = this.root.locator('.sc-disclaimer');
    this.shareLink = this.root.locator('input[data-share-link]');
    this.qrCode = this.root.locator('svg[data-qr]');
    this.languageSelect = this.root.locator('.sc-language select');
  }

  /** A button of the widget by its exact (English) name. */
  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** The notice of this kind (`share-link-broken`, `resumed`, ...). */
  notice(kind: string): Locator {
    return this.root.locator(`.sc-notice[data-notice="${kind}"]`);
  }

  /** The choice (radio or checkbox) with this value on the current question. */
  choice(value: string): Locator {
    return this.questionForm.locator(`input[value="${value}"]`);
  }

  /** The visible label around a choice: what a patient clicks. */
  choiceLabel(value: string): Locator {
    const input = this.page.locator(`input[value="${value}"]`);
    return this.questionForm.locator('label.sc-option').filter({ has: input });
  }

  /** The result card of a procedure. */
  card(procedureId: string): Locator {
    return this.root.locator(`[data-procedure="${procedureId}"]`);
  }

  // -- Navigation without clicking (for setup) --------------------------------------------

  /** Opens a share link holding `answers` (or a raw fragment) in this page. */
  /** Opens the QR code's disclosure, as a patient taps it, and returns the code. */
  async showQrCode(): Promise<Locator> {
    const details = this.root.locator('details[data-qr-details]');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await expect(this.qrCode).toBeVisible();
    return this.qrCode;
  }

  async gotoShared(answers: Answers | string) {
    const fragment = typeof answers === 'string' ? answers : encodeAnswers(answers);
    // A URL differing only in its fragment would not load the page again, so leave first,
    // once the current page has finished loading (leaving earlier aborts its requests).
    if (this.page.url() !== 'about:blank') {
      await this.page.waitForLoadState('networkidle');
      await this.page.goto('about:blank');
    }
    await this.page.goto(`/#${fragment}`);
  }

  /**
   * Puts `value` under the saved-progress key before the app first reads it. Only the first
   * load of this page is seeded, so a later reload sees what the app itself saved.
   */
  async seedStorage(value: string) {
    const once = `e2e-seeded-${Math.random()}`;
    await this.page.addInitScript(
      ({ key, value, once }) => {
        if (location.protocol === 'about:' || sessionStorage.getItem(once)) return;
        sessionStorage.setItem(once, '1');
        localStorage.setItem(key, value);
      },
      { key: STORAGE_KEY, value, once },
    );
  }

  /** Opens the widget with saved progress: `answers` given, the patient at `step`. */
  async gotoSaved(answers: Answers, step: SavedStep) {
    await this.seedStorage(savedProgress(answers, step));
    await this.page.goto('/');
  }

  /** Opens the results of `answers` directly (through a share link). */
  async gotoResults(answers: Answers) {
    await this.gotoShared(answers);
    await expect(this.resultsScreen).toBeVisible();
  }

  // -- Questions -------------------------------------------------------------------------

  /** The id of the question on screen (waits for a question screen). */
  async currentQuestionId(): Promise<string> {
    await expect(this.questionForm).toBeVisible();
    return (await this.questionForm.getAttribute('data-question'))!;
  }

  /** Answers the question on screen, which must be `questionId`, with the mouse. */
  async answer(questionId: string, value: AnswerValue) {
    await expect(this.questionForm).toHaveAttribute('data-question', questionId);
    if (typeof value === 'number') {
      await this.numberInput.fill(String(value));
    } else if (Array.isArray(value)) {
      // Untick what is not wanted, then tick what is ("none of these" clears the others).
      const ticked = await this.checkedValues();
      for (const option of ticked.filter((v) => !value.includes(v))) await this.choiceLabel(option).click();
      for (const option of value.filter((v) => !ticked.includes(v))) await this.choiceLabel(option).click();
    } else {
      await this.choiceLabel(choiceValue(value)).click();
    }
    await this.expectAnswer(questionId, value);
  }

  /** The values of the ticked choices of the current question, in screen order. */
  async checkedValues(): Promise<string[]> {
    return this.questionForm
      .locator('input:checked')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  /** Asserts that the current question, `questionId`, shows `value` as its answer. */
  async expectAnswer(questionId: string, value: AnswerValue) {
    if (typeof value === 'number') {
      await expect(this.numberInput).toHaveValue(String(value));
    } else if (Array.isArray(value)) {
      const order = (v: string) => optionValues(questionId).indexOf(v);
      const expected = [...value].sort((a, b) => order(a) - order(b));
      await expect.poll(() => this.checkedValues()).toEqual(expected);
    } else {
      await expect(this.choice(choiceValue(value))).toBeChecked();
    }
  }


  /** Clicks Next (the caller checks where it led). */
  async next() {
    await this.nextButton.click();
  }

  /** Clicks Back (the caller checks where it led). */
  async back() {
    await this.backButton.click();
  }

  /** Answers `questionId` and moves on; waits until its screen has gone. */
  async answerAndContinue(questionId: string, value: AnswerValue) {
    await this.answer(questionId, value);
    await this.next();
    await expect(this.root.locator(`form[data-question="${questionId}"]`)).toHaveCount(0);
  }

  /**
   * Answers every question as it comes, from the question on screen to the review screen.
   * `onQuestion` runs on each question screen before it is answered. Returns the questions
   * passed with the progress text each showed once answered (branching changes the total).
   */
  async answerAll(
    answers: Answers,
    onQuestion?: (id: string) => Promise<void>,
  ): Promise<VisitedQuestion[]> {
    const visited: VisitedQuestion[] = [];
    while (!(await this.reviewScreen.isVisible())) {
      await expect(this.questionForm.or(this.reviewScreen)).toBeVisible();
      if (await this.reviewScreen.isVisible()) break;
      const id = await this.currentQuestionId();
      // The main-concern question is optional: left unanswered unless a test answers it.
      const skip = id === 'main_concern' && !(id in answers);
      if (!skip && !(id in answers)) throw new Error(`no answer given for question "${id}"`);
      await onQuestion?.(id);
      if (!skip) await this.answer(id, answers[id]);
      visited.push({ id, progress: (await this.progress.innerText()).trim() });
      await this.next();
      await expect(this.root.locator(`form[data-question="${id}"]`)).toHaveCount(0);
    }
    return visited;
  }

  /** From the welcome screen: Start, answer everything, land on the review screen. */
  async complete(answers: Answers): Promise<VisitedQuestion[]> {
    await this.start();
    const visited = await this.answerAll(answers);
    await this.review();
    return visited;
  }

  // -- Review and results ----------------------------------------------------------------

  /** Waits for the review screen. */
  async review() {
    await expect(this.reviewScreen).toBeVisible();
  }

  /** The review row of a question. */
  reviewRow(questionId: string): Locator {
    return this.reviewScreen.locator(`.sc-review-row[data-question="${questionId}"]`);
  }

  /** Opens a question from the review screen with its "Change" button. */
  async change(questionId: string) {
    const prompt = catalogQuestion(questionId).prompt.en;
    await this.button(`Change answer to: ${prompt}`).click();
    await expect(this.questionForm).toHaveAttribute('data-question', questionId);
  }

  /** From the review screen to the results. */
  async results() {
    await this.seeResultsButton.click();
    await expect(this.resultsScreen).toBeVisible();
  }

  /** The status of a procedure on the results screen. */
  async statusOf(procedureId: string): Promise<string | null> {
    return this.card(procedureId).getAttribute('data-status');
  }

  /** Every procedure on the results screen with its status. */
  async statuses(): Promise<Record<string, string>> {
    await expect(this.resultsScreen).toBeVisible();
    const pairs = await this.cards.evaluateAll((cards) =>
      cards.map((card) => [card.getAttribute('data-procedure')!, card.getAttribute('data-status')!]),
    );
    return Object.fromEntries(pairs);
  }

  /** Asserts the status of each listed procedure. */
  async expectStatuses(expected: Record<string, string>) {
    for (const [procedure, status] of Object.entries(expected)) {
      await expect(this.card(procedure), procedure).toHaveAttribute('data-status', status);
    }
  }

  /** The text of a fact ("How often", "Downtime", ...) on a procedure card. */
  fact(procedureId: string, name: string): Locator {
    return this.card(procedureId).locator('.sc-facts dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
  }

  /** Opens every `<details>` of the results (groups, more options, card details) by tapping. */
  async openAllDetails() {
    // Document order puts a disclosure before the ones nested in it, so the first closed one
    // is always reachable with a tap.
    const closed = this.resultsScreen.locator('details:not([open])');
    for (let left = await closed.count(); left > 0; left = await closed.count()) {
      await closed.first().locator(':scope > summary').click();
      await expect(closed).toHaveCount(left - 1);
    }
  }

  /** The reasons listed under "Why" on a procedure card. */
  reasons(procedureId: string): Locator {
    return this.card(procedureId).locator('.sc-reasons li');
  }

  // -- Page-wide checks ------------------------------------------------------------------

  /** Waits until running animations (the fade-in of a new screen) have finished. */
  async settle() {
    await this.page.evaluate(() =>
      Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
    );
  }

  /** Asserts the page does not scroll sideways on `screen`. */
  async expectNoHorizontalOverflow(screen: string) {
    const widths = await this.page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll, `horizontal overflow on ${screen}`).toBeLessThanOrEqual(widths.client);
  }
}

/** The shared fixtures plus `questionnaire`, the page object above. */
export const test = base.extend<{ questionnaire: QuestionnairePage }>({
  questionnaire: async ({ page, consult }, use) => {
    void consult; // the shared fixtures start recording traffic before any navigation
    await use(new QuestionnairePage(page));
  },
});

export { expect };
