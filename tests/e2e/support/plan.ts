// Helpers of the treatment-plan and language specs: the plan section of the results as a
// small page object, calendar-date arithmetic done independently of the app, the interface
// strings of locales/ui.json, and Turkish month and weekday names written out here (not read
// from the app) to check dates against.

import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

// ---------------------------------------------------------------------------------------
// Interface strings
// ---------------------------------------------------------------------------------------

export type UiLang = 'en' | 'tr';

/** locales/ui.json: interface string by language, then key. */
export const UI = JSON.parse(
  readFileSync(new URL('../../../locales/ui.json', import.meta.url), 'utf8'),
) as Record<UiLang, Record<string, string>>;

/** The interface string `key` in `lang`, with `{name}` placeholders filled from `args`. */
export function ui(lang: UiLang, key: string, args: Record<string, string | number> = {}): string {
  const text = UI[lang][key];
  if (text === undefined) throw new Error(`no interface string "${key}" in ${lang}`);
  return Object.entries(args).reduce((t, [name, value]) => t.replaceAll(`{${name}}`, String(value)), text);
}

/**
 * The English interface texts that a Turkish screen must not show: every English string that
 * differs from its Turkish translation, cut at its placeholders, keeping pieces of at least
 * two letters. Each comes with the key it belongs to, for readable failures.
 */
export function englishOnlyTexts(): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const [key, en] of Object.entries(UI.en)) {
    if (en === UI.tr[key]) continue;
    for (const piece of en.split(/\{[a-z_]+\}/)) {
      const text = piece.trim().replace(/^[:.,]\s*|\s*[:.,]$/g, '').trim();
      if ((text.match(/\p{L}/gu) ?? []).length >= 2) out.push({ key, text });
    }
  }
  return out;
}

/** The texts of `candidates` that occur in `text` as whole words (case-sensitive). */
export function occurringTexts(text: string, candidates: { key: string; text: string }[]): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return candidates
    .filter(({ text: t }) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(t)}(?![\\p{L}\\p{N}])`, 'u').test(text))
    .map(({ key, text: t }) => `${key}: "${t}"`);
}

// ---------------------------------------------------------------------------------------
// Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so time zones cannot shift them
// ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function toUtc(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

/** `iso` plus `days` days. */
export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayFromMonday(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** The Monday after `today` (a week later when today is a Monday). */
export function nextMonday(today: string): string {
  return addDays(today, 7 - weekdayFromMonday(today));
}

/** The ISO date of a local Date (the patient's calendar day). */
export function localIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const TR_MONTHS = [
  'Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran',
  'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık',
];
/** Monday first. */
export const TR_WEEKDAYS = ['Pzt', 'Sal', 'Çar', 'Per', 'Cum', 'Cmt', 'Paz'];
export const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const EN_MONTHS_SHORT = EN_MONTHS.map((m) => m.slice(0, 3));
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A timeline date as the widget should print it: en "Mon 30 Nov 2026", tr "30 Kasım 2026 Pzt". */
export function displayDate(iso: string, lang: UiLang): string {
  const [y, m, d] = iso.split('-').map(Number);
  const w = weekdayFromMonday(iso);
  return lang === 'tr'
    ? `${d} ${TR_MONTHS[m - 1]} ${y} ${TR_WEEKDAYS[w]}`
    : `${EN_WEEKDAYS[w]} ${d} ${EN_MONTHS_SHORT[m - 1]} ${y}`;
}

/** A month heading: en "December 2026", tr "Aralık 2026". */
export function monthHeading(iso: string, lang: UiLang): string {
  const [y, m] = iso.split('-').map(Number);
  return `${(lang === 'tr' ? TR_MONTHS : EN_MONTHS)[m - 1]} ${y}`;
}

// ---------------------------------------------------------------------------------------
// The expected plan of one procedure, from its rule (independent of the app's scheduler)
// ---------------------------------------------------------------------------------------

/** A procedure's plan as the scheduler dates it: minimum counts and intervals. */
export interface Course {
  /** Sessions of the initial course (0: none). */
  sessions: number;
  /** Days between course sessions. */
  every: number;
  /** Days between maintenance sessions (none: stop after the course). */
  maintenance?: number;
}

/** One expected session. */
export interface ExpectedSession {
  date: string;
  index: number;
  maintenance: boolean;
}

/**
 * The sessions of `course` from `start` within `horizonDays` (both ends included), for a
 * procedure that no spacing rule moves.
 */
export function courseSessions(course: Course, start: string, horizonDays = 365): ExpectedSession[] {
  const end = addDays(start, horizonDays);
  const out: ExpectedSession[] = [];
  let date = start;
  while (date <= end) {
    const index = out.length + 1;
    const maintenance = index > course.sessions;
    if (maintenance && course.maintenance === undefined) break;
    out.push({ date, index, maintenance });
    date = addDays(date, index < course.sessions ? course.every : (course.maintenance ?? 0));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The plan section of the results screen
// ---------------------------------------------------------------------------------------

/** One entry of the timeline as shown. */
export interface TimelineEntry {
  kind: 'session' | 'home' | 'pause';
  date: string;
  /** The printed date. */
  shown: string;
  text: string;
}

export class PlanSection {
  readonly page: Page;
  readonly section: Locator;
  readonly controls: Locator;
  readonly startDate: Locator;
  readonly checkboxes: Locator;
  readonly timeline: Locator;
  readonly entries: Locator;
  readonly sessionEntries: Locator;
  readonly monthHeadings: Locator;
  readonly later: Locator;
  readonly overview: Locator;
  /** The folded list of treatments to include. */
  readonly choose: Locator;
  /** The folded dates, month by month (the table above is the year at a glance). */
  readonly dates: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.section = page.locator('#skin-consult section.sc-plan');
    this.controls = this.section.locator('.sc-plan-controls');
    this.startDate = this.section.locator('input[type="date"][data-plan-start]');
    this.checkboxes = this.section.locator('input[type="checkbox"][data-plan-procedure]');
    this.choose = this.section.locator('details[data-plan-choose]');
    this.dates = this.section.locator('details[data-plan-dates]');
    this.timeline = this.section.locator('ol.sc-timeline');
    // The first months, then the later ones folded in a <details>.
    const lists = this.section.locator('ol.sc-timeline, ol.sc-timeline-later');
    this.entries = lists.locator('li.sc-entry');
    this.sessionEntries = lists.locator('li.sc-entry-session');
    this.monthHeadings = lists.locator('li.sc-month > h3');
    this.later = this.section.locator('details[data-plan-later]');
    this.overview = this.section.locator('table[data-plan-overview]');
    this.error = this.section.locator('[data-plan-error]');
  }

  /** The "Add to my calendar" button in `lang`. */
  downloadButton(lang: UiLang = 'en'): Locator {
    return this.section.getByRole('button', { name: ui(lang, 'plan_download'), exact: true });
  }

  /** The checkbox of a procedure. */
  checkbox(procedureId: string): Locator {
    return this.section.locator(`input[data-plan-procedure="${procedureId}"]`);
  }

  /** The label around a procedure's checkbox: what a patient clicks. */
  label(procedureId: string): Locator {
    const box = this.page.locator(`input[data-plan-procedure="${procedureId}"]`);
    return this.section.locator('label.sc-option').filter({ has: box });
  }

  /** The visible name next to a procedure's checkbox. */
  async procedureName(procedureId: string): Promise<string> {
    return ((await this.label(procedureId).textContent()) ?? '').trim();
  }

  /** Every procedure offered for the plan, in order, with whether it is ticked. */
  async choices(): Promise<{ id: string; checked: boolean; name: string }[]> {
    return this.checkboxes.evaluateAll((boxes) =>
      (boxes as HTMLInputElement[]).map((box) => ({
        id: box.dataset.planProcedure!,
        checked: box.checked,
        name: (box.closest('label')?.textContent ?? '').trim(),
      })),
    );
  }

  /** Ids of the ticked procedures. */
  async ticked(): Promise<string[]> {
    return (await this.choices()).filter((c) => c.checked).map((c) => c.id);
  }

  /** Opens the dates month by month, as a patient taps "Dates month by month ...". */
  async openDates() {
    if (!(await this.dates.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.dates.locator(':scope > summary').click();
    }
    await expect(this.timeline).toBeVisible();
  }

  /** Opens the folded list of treatments (a patient taps "Treatments in your plan ..."). */
  async openChoices() {
    if (!(await this.choose.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.choose.locator('summary').click();
    }
    await expect(this.choose).toHaveAttribute('open', '');
  }

  /** Ticks or unticks a procedure by clicking its label, and waits for the state. */
  async setIncluded(procedureId: string, included: boolean) {
    const box = this.checkbox(procedureId);
    if ((await box.isChecked()) !== included) {
      await this.openChoices();
      await this.label(procedureId).click();
    }
    if (included) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }

  /** Makes exactly `ids` ticked. */
  async include(ids: string[]) {
    for (const { id } of await this.choices()) await this.setIncluded(id, ids.includes(id));
  }

  /** Types a start date (ISO) into the date field. */
  async setStart(iso: string) {
    await this.startDate.fill(iso);
    await expect(this.startDate).toHaveValue(iso);
  }

  /** The timeline as shown, in document order. */
  async readTimeline(): Promise<TimelineEntry[]> {
    await this.openDates();
    return this.entries.evaluateAll((items) =>
      items.map((li) => ({
        kind: (['session', 'home', 'pause'] as const).find((k) => li.classList.contains(`sc-entry-${k}`))!,
        date: li.getAttribute('data-date')!,
        shown: (li.querySelector('time')?.textContent ?? '').trim(),
        text: (li.querySelector('span')?.textContent ?? '').trim(),
      })),
    );
  }

  /** The sessions of the timeline as procedure id and date, in document order. */
  async sessions(): Promise<PlannedSession[]> {
    return this.sessionEntries.evaluateAll((items) =>
      items.map((li) => ({
        id: li.getAttribute('data-session-procedure')!,
        date: li.getAttribute('data-date')!,
        text: (li.querySelector('span')?.textContent ?? '').trim(),
      })),
    );
  }

  /** The session dates of the timeline, in document order. */
  async sessionDates(): Promise<string[]> {
    return this.sessionEntries.evaluateAll((items) => items.map((li) => li.getAttribute('data-date')!));
  }
}

/** One dated session: procedure id, ISO date, and the text shown (or the calendar summary). */
export interface PlannedSession {
  id: string;
  date: string;
  text: string;
}

// The combining rules of the clinical brief (section 5.1), written out here independently of
// the catalog's data: only toxin and filler may share a day; treatments that exfoliate the
// skin stay 2 weeks apart, and 2 weeks from a toxin or filler session.
const INJECTED = ['botulinum-toxin', 'dermal-filler'];
const EXFOLIATING = [
  'medical-skin-care',
  'hydrafacial',
  'chemical-peel',
  'laser-resurfacing',
  'micro-laser-peel',
  'microneedling',
];
/** Alternatives: one or the other, not both, unless the patient picks both (brief 5.1). */
export const FACIALS = ['medical-skin-care', 'hydrafacial'];

/** Every pair of sessions that breaks a combining rule, described; empty when coherent. */
export function clashes(sessions: PlannedSession[]): string[] {
  const out: string[] = [];
  for (const [i, a] of sessions.entries()) {
    for (const b of sessions.slice(i + 1)) {
      if (a.id === b.id) continue;
      const gap = Math.abs(daysBetween(a.date, b.date));
      const pair = `${a.id} ${a.date} / ${b.id} ${b.date}`;
      if (gap === 0 && !(INJECTED.includes(a.id) && INJECTED.includes(b.id))) out.push(`same day: ${pair}`);
      const exfoliating = (x: string) => EXFOLIATING.includes(x);
      const injected = (x: string) => INJECTED.includes(x);
      if (exfoliating(a.id) && exfoliating(b.id) && gap < 14) out.push(`exfoliating < 2 weeks: ${pair}`);
      if (((injected(a.id) && exfoliating(b.id)) || (exfoliating(a.id) && injected(b.id))) && gap < 14) {
        out.push(`injectable and skin treatment < 2 weeks: ${pair}`);
      }
    }
  }
  return out;
}

/** Waits until no CSS animation of the page runs (a screen fades in). */
export async function settle(page: Page) {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
}
