// Page object of the widget over WebDriver, in the vocabulary of the Playwright page objects
// (tests/e2e/pages/): goto(), start(), answer(id, value), next(), back(), answerAll(),
// review(), results(), statuses(), card(id), notice(kind)... so a scenario reads the same in
// every engine. Selectors are the same ones; the answer sets come from
// tests/e2e/support/patients.json and engine/catalog/personas.json, as in Playwright.
//
// Every wait polls for a condition with a timeout; nothing sleeps.

import { readFileSync } from 'node:fs';
import { waitFor } from './webdriver.mjs';

function readJson(relative) {
  return JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
}

export const catalog = readJson('../../engine/catalog/catalog.json');
export const personas = readJson('../../engine/catalog/personas.json');
/** Interface strings by language, then key. */
export const UI = readJson('../../locales/ui.json');
const PATIENTS = readJson('../e2e/support/patients.json');

/** The typical patient of the Playwright specs (see tests/e2e/pages/questionnaire-page.ts). */
export const TYPICAL_PATIENT = { ...PATIENTS.typical_patient, ...PATIENTS.no_contraindications };

/** The persona of personas.json with this id. */
export function persona(id) {
  const found = personas.find((p) => p.id === id);
  if (!found) throw new Error(`no persona "${id}" in personas.json`);
  return found;
}

/** The question of the catalog with this id. */
export function catalogQuestion(id) {
  const found = catalog.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question "${id}" in the catalog`);
  return found;
}

/** How many questions are always asked. */
export const UNCONDITIONAL_QUESTIONS = catalog.questions.filter((q) => !q.show_if).length;

/** The value attribute of the choice meaning `value` (yes/no questions use "yes" and "no"). */
export function choiceValue(value) {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/** The localStorage key of saved progress. */
export const STORAGE_KEY = 'skin-consult.progress';

/** Where the page's own errors are collected (see `installErrorProbe`). */
const PROBE_KEY = 'sc-webdriver-errors';

/** A string literal for XPath (no XPath 1.0 escapes: use the quote the text lacks). */
function xpathLiteral(text) {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat("${text.replaceAll('"', '", \'"\', "')}")`;
}

export class QuestionnairePage {
  /**
   * @param session a WebDriver session (webdriver.mjs)
   * @param baseURL the origin the release build is served from, e.g. http://127.0.0.1:41234
   */
  constructor(session, baseURL) {
    this.session = session;
    this.baseURL = baseURL;
    this.root = '#skin-consult';
    this.questionForm = '#skin-consult form[data-question]';
    this.questionHeading = '#skin-consult form[data-question] legend h1';
    this.progress = '#skin-consult .sc-progress';
    this.numberInput = '#skin-consult form[data-question] input[type="number"]';
    this.welcomeScreen = '#skin-consult .sc-welcome';
    this.reviewScreen = '#skin-consult .sc-review';
    this.resultsScreen = '#skin-consult .sc-results';
    this.cards = '#skin-consult [data-procedure]';
    this.referral = '#skin-consult [data-outcome="referral"]';
    this.disclaimer = '#skin-consult .sc-disclaimer';
    this.shareLink = '#skin-consult input[data-share-link]';
    this.languageSelect = '#skin-consult .sc-language select';
  }

  // -- Finding things ----------------------------------------------------------------------

  /** The one element matching `css`, waited for. */
  async find(css, timeoutMs = 10_000) {
    return waitFor(async () => (await this.session.findAll(css))[0], { timeoutMs, message: `"${css}"` });
  }

  /** Whether an element matching `css` is on the page and displayed. */
  async isVisible(css) {
    const [element] = await this.session.findAll(css);
    return element ? element.displayed() : false;
  }

  /** Waits until `css` is displayed. */
  async expectVisible(css, timeoutMs = 10_000) {
    await waitFor(() => this.isVisible(css), { timeoutMs, message: `"${css}" to be visible` });
  }

  /** Waits until nothing matches `css`. */
  async expectGone(css, timeoutMs = 10_000) {
    await waitFor(async () => (await this.session.findAll(css)).length === 0, {
      timeoutMs,
      message: `"${css}" to be gone`,
    });
  }

  /** Waits until `css` has `count` matches. */
  async expectCount(css, count, timeoutMs = 10_000) {
    await waitFor(async () => (await this.session.findAll(css)).length === count, {
      timeoutMs,
      message: `${count} of "${css}"`,
    });
  }

  /** Waits until the text of `css` equals `text` (trimmed); returns it. */
  async expectText(css, text, timeoutMs = 10_000) {
    return waitFor(async () => (await (await this.find(css, 1_000)).text()).trim() === text, {
      timeoutMs,
      message: `"${css}" to read "${text}"`,
    });
  }

  /** Waits until attribute `name` of `css` equals `value`. */
  async expectAttribute(css, name, value, timeoutMs = 10_000) {
    await waitFor(async () => (await (await this.find(css, 1_000)).attribute(name)) === value, {
      timeoutMs,
      message: `${name}="${value}" on "${css}"`,
    });
  }

  /** A button of the widget by its exact (visible) name. */
  async button(name) {
    // The app's own buttons, not those of the welcome screen painted before the code arrived
    // (the app replaces it, so a handle on one of its buttons would go stale).
    const xpath =
      `//*[@id="skin-consult"]//button[(normalize-space(.)=${xpathLiteral(name)} or @aria-label=${xpathLiteral(name)})` +
      ` and not(ancestor::*[@data-sc-prepaint])]`;
    return waitFor(async () => (await this.session.findAllXPath(xpath))[0], { message: `the button "${name}"` });
  }

  /** The choice (radio or checkbox) with this value on the current question. */
  choice(value) {
    return `${this.questionForm} input[value="${value}"]`;
  }

  /** The visible label around a choice: what a patient clicks. */
  choiceLabel(value) {
    return `${this.questionForm} label.sc-option:has(input[value="${value}"])`;
  }

  /** The result card of a procedure. */
  card(procedureId) {
    return `#skin-consult [data-procedure="${procedureId}"]`;
  }

  /** The notice of this kind (`share-link-broken`, `resumed`, ...). */
  notice(kind) {
    return `#skin-consult .sc-notice[data-notice="${kind}"]`;
  }

  // -- Navigation ----------------------------------------------------------------------------

  /**
   * Collects the page's uncaught errors, rejected promises and console errors in
   * sessionStorage (kept across reloads of the tab). Installed after every load: errors
   * before it are seen in the browser's output where the engine prints it (see engines.mjs)
   * and by the widget's crash screen.
   */
  async installErrorProbe() {
    await this.session.execute(`
      const key = arguments[0];
      if (window.__scProbe) return;
      window.__scProbe = true;
      const record = (text) => {
        const list = JSON.parse(sessionStorage.getItem(key) || '[]');
        list.push(String(text));
        sessionStorage.setItem(key, JSON.stringify(list));
      };
      addEventListener('error', (e) => record('uncaught: ' + (e.error && e.error.message || e.message)));
      addEventListener('unhandledrejection', (e) => record('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
      const error = console.error.bind(console);
      console.error = (...args) => { record('console.error: ' + args.join(' ')); error(...args); };
    `, PROBE_KEY);
  }

  /** What the error probe collected in this tab, plus a crash screen if the widget shows one. */
  async pageErrors() {
    return this.session.execute(`
      const list = JSON.parse(sessionStorage.getItem(arguments[0]) || '[]');
      const crash = document.querySelector('[data-outcome="crash"]');
      if (crash) list.push('crash screen: ' + crash.textContent.trim().slice(0, 200));
      return list;
    `, PROBE_KEY);
  }

  /** Requests of the page (resource timing) that went anywhere but its own origin. */
  async foreignRequests() {
    return this.session.execute(`
      return performance.getEntriesByType('resource').map((e) => e.name)
        .filter((url) => new URL(url).origin !== location.origin);
    `);
  }

  /** Opens `path` of the build and waits for the widget to render something. */
  async open(path = '/') {
    await this.session.navigate(`${this.baseURL}${path}`);
    await this.installErrorProbe();
    await this.expectVisible(`${this.root} > *`, 15_000);
  }

  /** Opens the widget and waits until its first screen is interactive. */
  async goto() {
    await this.open('/');
    await this.expectVisible(this.welcomeScreen);
    await this.button('Start');
  }

  /** Reloads the page (the widget resumes from what it saved). */
  async reload() {
    await this.session.refresh();
    await this.installErrorProbe();
  }

  /**
   * Forgets everything this origin stored (between scenarios of one browser). Done on a page
   * of the origin without the widget (a 404), since the widget saves its progress as it is
   * left.
   */
  async clearStorage() {
    await this.session.navigate(`${this.baseURL}/webdriver-no-widget-here`);
    await this.session.execute('localStorage.clear(); sessionStorage.clear();');
  }

  // -- Questions ---------------------------------------------------------------------------

  /** Starts the consultation from the first screen. */
  async start() {
    await (await this.button('Start')).click();
    await this.find(this.questionForm);
  }

  /** The id of the question on screen (waits for a question screen). */
  async currentQuestionId() {
    return (await this.find(this.questionForm)).attribute('data-question');
  }

  /** Waits until `questionId` is the question on screen. */
  async expectQuestion(questionId) {
    await this.expectAttribute(this.questionForm, 'data-question', questionId);
  }

  /** The values of the ticked choices of the current question. */
  async checkedValues() {
    return this.session.execute(
      `return [...document.querySelectorAll(arguments[0])].map((input) => input.value);`,
      `${this.questionForm} input:checked`,
    );
  }

  /** Answers the question on screen, which must be `questionId`, with the mouse. */
  async answer(questionId, value) {
    await this.expectQuestion(questionId);
    if (typeof value === 'number') {
      const input = await this.find(this.numberInput);
      await input.clear();
      await input.sendKeys(String(value));
    } else if (Array.isArray(value)) {
      // Untick what is not wanted, then tick what is ("none of these" clears the others).
      const ticked = await this.checkedValues();
      for (const option of ticked.filter((v) => !value.includes(v))) await (await this.find(this.choiceLabel(option))).click();
      for (const option of value.filter((v) => !ticked.includes(v))) await (await this.find(this.choiceLabel(option))).click();
    } else {
      await (await this.find(this.choiceLabel(choiceValue(value)))).click();
    }
    await this.expectAnswer(questionId, value);
  }

  /** Asserts that the current question, `questionId`, shows `value` as its answer. */
  async expectAnswer(questionId, value) {
    await this.expectQuestion(questionId);
    if (typeof value === 'number') {
      await waitFor(async () => (await (await this.find(this.numberInput)).property('value')) === String(value), {
        message: `${questionId} = ${value}`,
      });
    } else {
      const wanted = (Array.isArray(value) ? value : [choiceValue(value)]).slice().sort();
      await waitFor(async () => JSON.stringify((await this.checkedValues()).sort()) === JSON.stringify(wanted), {
        message: `${questionId} = ${JSON.stringify(wanted)}`,
      });
    }
  }

  /** Clicks Next (the caller checks where it led). */
  async next() {
    await (await this.button('Next')).click();
  }

  /** Clicks Back (the caller checks where it led). */
  async back() {
    await (await this.button('Back')).click();
  }

  /** Answers `questionId` and moves on; waits until its screen has gone. */
  async answerAndContinue(questionId, value) {
    await this.answer(questionId, value);
    await this.next();
    await this.expectGone(`#skin-consult form[data-question="${questionId}"]`);
  }

  /**
   * Answers every question as it comes, from the question on screen to the review screen.
   * Returns the ids of the questions passed.
   */
  async answerAll(answers) {
    const visited = [];
    for (;;) {
      const id = await waitFor(
        async () => {
          if (await this.isVisible(this.reviewScreen)) return 'review';
          const [form] = await this.session.findAll(this.questionForm);
          return form ? form.attribute('data-question') : undefined;
        },
        { message: 'a question or the review screen' },
      );
      if (id === 'review') return visited;
      // The main-concern question is optional: left unanswered unless answers hold it.
      const skip = id === 'main_concern' && !(id in answers);
      if (!skip && !(id in answers)) throw new Error(`no answer given for question "${id}"`);
      if (!skip) await this.answer(id, answers[id]);
      visited.push(id);
      await this.next();
      await this.expectGone(`#skin-consult form[data-question="${id}"]`);
    }
  }

  // -- Review and results ------------------------------------------------------------------

  /** Waits for the review screen. */
  async review() {
    await this.expectVisible(this.reviewScreen);
  }

  /** From the review screen to the results. */
  async results() {
    await (await this.button('See my results')).click();
    await this.expectVisible(this.resultsScreen);
  }

  /** Every procedure on the results screen with its status (the results contract). */
  async statuses() {
    await this.expectVisible(this.resultsScreen);
    const pairs = await this.session.execute(`
      return [...document.querySelectorAll(arguments[0])]
        .map((card) => [card.getAttribute('data-procedure'), card.getAttribute('data-status')]);
    `, this.cards);
    return Object.fromEntries(pairs);
  }

  /** The status of one procedure's card. */
  async statusOf(procedureId) {
    return (await this.find(this.card(procedureId))).attribute('data-status');
  }
}
