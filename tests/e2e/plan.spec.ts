// The treatment plan on the results: dates derived from the catalog's frequency rules, the
// start date and treatment choices, the calendar file (read back with ical.js, a parser
// independent of the app), the WhatsApp and e-mail messages, the QR code of the share link
// (decoded with jsQR) and printing.
//
// The browser's clock is fixed, so "today" and the default start (next Monday) are known.
// Every test also gets the shared `traffic` checks: no console error, no uncaught exception,
// no failed request and no request to another origin.

import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { Traffic } from './support/fixtures';
import {
  PlanSection,
  addDays,
  courseSessions,
  daysBetween,
  displayDate,
  monthHeading,
  nextMonday,
  ui,
  type Course,
} from './support/plan';
import {
  test,
  expect,
  catalog,
  catalogQuestion,
  TYPICAL_PATIENT,
  type QuestionnairePage,
} from './pages/questionnaire-page';

/** A Thursday, noon on the patient's device. */
const TODAY = '2026-12-10';
const DEFAULT_START = nextMonday(TODAY); // 2026-12-14

const scheduling = (catalog as unknown as { scheduling: { series_sessions: number } }).scheduling;
const peelRule = (
  catalog as unknown as {
    procedures: { id: string; frequency: { variants: { plan: { initial?: { interval: { min_days: number } } } }[] } }[];
  }
).procedures.find((p) => p.id === 'chemical-peel')!.frequency.variants[0].plan.initial!;

/**
 * What the catalog's rules give TYPICAL_PATIENT (acne, blackheads, never had a facial, light
 * make-up), dated with the minimum of every range. None of these three share a spacing rule,
 * so each is dated on its own.
 */
const TYPICAL_COURSES: Record<string, Course> = {
  // Acne, blackheads or skin never treated: 3 sessions 2 weeks apart, then once a month.
  'medical-skin-care': { sessions: 3, every: 14, maintenance: 30 },
  // Acne: 6 treatments 2 weeks apart, then monthly maintenance.
  hydrafacial: { sessions: 6, every: 14, maintenance: 30 },
  // Light peels are "a series" 2–5 weeks apart: the plan dates the first few, 2 weeks apart.
  'chemical-peel': { sessions: scheduling.series_sessions, every: peelRule.interval.min_days },
};
const DEFAULT_PLAN = ['hydrafacial', 'medical-skin-care', 'chemical-peel'];

/** Opens the typical patient's results with the clock at TODAY and returns the plan section. */
async function openPlan(q: QuestionnairePage): Promise<PlanSection> {
  await q.page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  await q.gotoResults(TYPICAL_PATIENT);
  const plan = new PlanSection(q.page);
  await expect(plan.section).toBeVisible();
  await expect(plan.timeline).toBeVisible();
  return plan;
}

/** The timeline texts expected for `ids` from `start`: "date|Name: session n[ (maintenance)]", sorted. */
async function expectedSessions(plan: PlanSection, ids: string[], start: string): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const name = await plan.procedureName(id);
    for (const s of courseSessions(TYPICAL_COURSES[id], start)) {
      const suffix = s.maintenance ? ` (${ui('en', 'plan_maintenance')})` : '';
      out.push(`${s.date}|${ui('en', 'plan_session', { name, n: s.index })}${suffix}`);
    }
  }
  return out.sort();
}

/** The session entries of the timeline as "date|text", sorted. */
async function shownSessions(plan: PlanSection): Promise<string[]> {
  return (await plan.readTimeline())
    .filter((e) => e.kind === 'session')
    .map((e) => `${e.date}|${e.text}`)
    .sort();
}

test.describe('the treatment plan', () => {
  test('dates the ticked treatments by their rules for 12 months from next Monday', async ({ questionnaire: q }) => {
    const plan = await openPlan(q);

    // Defaults: start next Monday, no earlier than today; the three best suggestions ticked.
    await expect(plan.startDate).toHaveValue(DEFAULT_START);
    await expect(plan.startDate).toHaveAttribute('min', TODAY);
    const suggested = await q.root
      .locator('[data-procedure][data-status="suggested"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-procedure')!));
    expect((await plan.choices()).map((c) => c.id), 'every suggestion can be planned').toEqual(suggested);
    expect(await plan.ticked(), 'the three best suggestions').toEqual(suggested.slice(0, 3));
    expect([...(await plan.ticked())].sort()).toEqual([...DEFAULT_PLAN].sort());

    // Session count and every date, name and number follow the rules.
    const expected = await expectedSessions(plan, DEFAULT_PLAN, DEFAULT_START);
    expect(expected.length).toBe(14 + 15 + 2); // a sanity check of the model itself
    await expect(plan.timeline).toHaveAttribute('data-sessions', String(expected.length));
    await expect(plan.sessionEntries).toHaveCount(expected.length);
    expect(await shownSessions(plan)).toEqual(expected);

    // In date order, the first on the start date, nothing after the 12 months.
    const timeline = await plan.readTimeline();
    const dates = timeline.map((e) => e.date);
    expect(dates, 'entries in date order').toEqual([...dates].sort());
    expect(dates[0]).toBe(DEFAULT_START);
    expect(dates.at(-1)! <= addDays(DEFAULT_START, 365), `last date ${dates.at(-1)}`).toBe(true);
    for (const e of timeline) expect(e.shown, e.date).toBe(displayDate(e.date, 'en'));
    // One heading per month, in order: December 2026 ... December 2027.
    const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
    await expect(plan.monthHeadings).toHaveText(months.map((m) => monthHeading(`${m}-01`, 'en')));

    // Retinoid cream is home care: no sessions, a start date instead. The peel series asks for
    // a pause from 7 days before to 7 days after each peel, so it starts after the series.
    await plan.setIncluded('retinoid-home-care', true);
    await expect(plan.timeline).toHaveAttribute('data-sessions', String(expected.length));
    const lastPeel = courseSessions(TYPICAL_COURSES['chemical-peel'], DEFAULT_START).at(-1)!.date;
    const home = plan.timeline.locator('li.sc-entry-home');
    await expect(home).toHaveCount(1);
    await expect(home).toHaveAttribute('data-date', addDays(lastPeel, 7));
    await expect(home).toContainText(await plan.procedureName('retinoid-home-care'));

    // Without the peel: its sessions go, and home care starts on the start date.
    await plan.setIncluded('chemical-peel', false);
    const withoutPeel = await expectedSessions(plan, ['hydrafacial', 'medical-skin-care'], DEFAULT_START);
    await expect(plan.timeline).toHaveAttribute('data-sessions', String(withoutPeel.length));
    expect(await shownSessions(plan)).toEqual(withoutPeel);
    await expect(home).toHaveAttribute('data-date', DEFAULT_START);

    // A lower-ranked suggestion can be added: microneedling, 3 sessions 4 weeks apart.
    await plan.setIncluded('retinoid-home-care', false);
    await plan.setIncluded('microneedling', true);
    const needling = plan.sessionEntries.filter({ hasText: await plan.procedureName('microneedling') });
    await expect(needling).toHaveCount(3);
    const needlingDates = await needling.evaluateAll((li) => li.map((e) => e.getAttribute('data-date')!));
    expect(needlingDates).toEqual([DEFAULT_START, addDays(DEFAULT_START, 28), addDays(DEFAULT_START, 56)]);
  });

  test('a new start date re-dates the plan; a past date or no treatment shows an error', async ({
    questionnaire: q,
  }) => {
    const plan = await openPlan(q);
    const download = plan.downloadButton();
    await expect(download).toBeVisible();
    const before = await plan.sessionDates();

    // Three weeks later: every session moves by 21 days (none of these share a spacing rule).
    const later = addDays(DEFAULT_START, 21);
    await plan.setStart(later);
    await expect(plan.entries.first()).toHaveAttribute('data-date', later);
    expect(await shownSessions(plan)).toEqual(await expectedSessions(plan, DEFAULT_PLAN, later));
    const after = await plan.sessionDates();
    expect(after.length).toBe(before.length);
    expect(after.map((d, i) => daysBetween(before[i], d))).toEqual(after.map(() => 21));
    await expect(plan.error).toHaveCount(0);

    // Yesterday: an error instead of a plan, and nothing to download.
    await plan.setStart(addDays(TODAY, -1));
    await expect(plan.error).toHaveText(ui('en', 'plan_error_past'));
    await expect(plan.error).toHaveAttribute('role', 'alert');
    await expect(plan.timeline).toHaveCount(0);
    await expect(download).toHaveCount(0);

    // Today is allowed.
    await plan.setStart(TODAY);
    await expect(plan.error).toHaveCount(0);
    await expect(plan.entries.first()).toHaveAttribute('data-date', TODAY);
    await expect(download).toBeVisible();

    // Nothing ticked: "choose at least one", no timeline, no download.
    await plan.include([]);
    await expect(plan.error).toHaveText(ui('en', 'plan_error_none'));
    await expect(plan.timeline).toHaveCount(0);
    await expect(download).toHaveCount(0);

    // Only home care: nothing to date.
    await plan.include(['retinoid-home-care']);
    await expect(plan.error).toHaveText(ui('en', 'plan_error_nothing'));
    await expect(download).toHaveCount(0);

    // Ticking one again brings the plan back.
    await plan.setIncluded('medical-skin-care', true);
    await expect(plan.error).toHaveCount(0);
    await expect(plan.timeline).toHaveAttribute(
      'data-sessions',
      String(courseSessions(TYPICAL_COURSES['medical-skin-care'], TODAY).length),
    );
  });

  test('"Add to my calendar" downloads a valid iCalendar file of exactly the timeline sessions', async ({
    questionnaire: q,
    page,
  }) => {
    const plan = await openPlan(q);

    /** Downloads the calendar and checks it against the timeline; returns its events. */
    const downloadAndCheck = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), plan.downloadButton().click()]);
      expect(download.suggestedFilename()).toBe('treatment-plan.ics');
      const bytes = await readFile(await download.path());
      const raw = bytes.toString('utf8');

      // Octet-level rules of RFC 5545: CRLF everywhere, no line over 75 octets.
      expect(raw.endsWith('\r\n'), 'ends with CRLF').toBe(true);
      expect(raw.replace(/\r\n/g, ''), 'no bare CR or LF').not.toMatch(/[\r\n]/);
      const lines = raw.slice(0, -2).split('\r\n');
      const long = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
      expect(long, 'lines longer than 75 octets').toEqual([]);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines.at(-1)).toBe('END:VCALENDAR');

      // Read back by ical.js.
      const calendar = new ICAL.Component(ICAL.parse(raw));
      expect(calendar.name).toBe('vcalendar');
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(String(calendar.getFirstPropertyValue('prodid') ?? '')).toMatch(/^-\/\/[^/]+\/\/.+\/\/[A-Z]{2}$/);
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

      const sessions = await plan.sessionDates();
      await expect(plan.timeline).toHaveAttribute('data-sessions', String(sessions.length));
      expect(events.length, 'one event per session of the timeline').toBe(sessions.length);
      expect(events.map((e) => e.startDate.toString()).sort(), 'DTSTART dates').toEqual([...sessions].sort());
      for (const e of events) {
        expect(e.startDate.isDate, `${e.uid}: all-day`).toBe(true);
        expect(e.endDate.toString(), `${e.uid}: one day`).toBe(addDays(e.startDate.toString(), 1));
        expect(e.component.getFirstPropertyValue('dtstamp'), `${e.uid}: DTSTAMP`).toBeTruthy();
      }
      const uids = events.map((e) => e.uid);
      expect(uids.every(Boolean), 'every event has a UID').toBe(true);
      expect(new Set(uids).size, 'UIDs are unique').toBe(uids.length);
      return events;
    };

    const names = Object.fromEntries(await Promise.all(DEFAULT_PLAN.map(async (id) => [id, await plan.procedureName(id)])));
    let events = await downloadAndCheck();
    for (const e of events) {
      expect(DEFAULT_PLAN.some((id) => e.summary.startsWith(names[id])), e.summary).toBe(true);
    }
    // Matches the timeline one to one: date, treatment and session number.
    const timelineSessions = (await plan.readTimeline())
      .filter((t) => t.kind === 'session')
      .map((t) => `${t.date} ${t.text.replace(` (${ui('en', 'plan_maintenance')})`, '').replace(': session ', ', session ')}`)
      .sort();
    expect(events.map((e) => `${e.startDate.toString()} ${e.summary}`).sort()).toEqual(timelineSessions);

    // The file follows the plan as changed: another start, and without the peel.
    await plan.setStart(addDays(DEFAULT_START, 7));
    await plan.setIncluded('chemical-peel', false);
    events = await downloadAndCheck();
    expect(events.some((e) => e.summary.startsWith(names['chemical-peel'])), 'no peel left').toBe(false);
    expect(events.map((e) => e.startDate.toString()).sort()[0]).toBe(addDays(DEFAULT_START, 7));
  });
});

test.describe('booking messages', () => {
  test('WhatsApp and e-mail name exactly the treatments in the plan and no health answer', async ({
    questionnaire: q,
  }) => {
    const plan = await openPlan(q);
    const whatsapp = q.root.locator('a[data-booking="whatsapp"]');
    const email = q.root.locator('a[data-booking="email"]');
    const choices = await plan.choices();

    // Everything the patient answered, as words that must never leave in a message.
    const answerTexts: string[] = ['pregnan', String(TYPICAL_PATIENT.age)];
    for (const [id, value] of Object.entries(TYPICAL_PATIENT)) {
      const question = catalogQuestion(id);
      answerTexts.push(question.prompt.en);
      for (const option of question.options ?? []) {
        if ([value].flat().includes(option.id)) answerTexts.push(option.label.en);
      }
    }

    const messageOf = async (link: typeof whatsapp, param: 'text' | 'body') => {
      const url = new URL((await link.getAttribute('href'))!);
      return { url, message: url.searchParams.get(param) ?? '' };
    };
    const expectNames = async (ticked: string[]) => {
      const names = choices.filter((c) => ticked.includes(c.id)).map((c) => c.name);
      const { url, message } = await messageOf(whatsapp, 'text');
      expect(url.origin).toBe('https://wa.me');
      expect(url.pathname).toMatch(/^\/\d+$/);
      expect([...url.searchParams.keys()]).toEqual(['text']);
      // "... about: A, B, C." — exactly the ticked names, in the plan's order.
      expect(message).toBe(ui('en', 'contact_text', { list: names.join(', ') }));
      for (const c of choices) {
        expect(message.includes(c.name), `${c.name} ${ticked.includes(c.id) ? 'named' : 'not named'}`).toBe(
          ticked.includes(c.id),
        );
      }
      for (const text of answerTexts) {
        expect(message.toLowerCase(), `answer text "${text}"`).not.toContain(text.toLowerCase());
      }
      const mail = await messageOf(email, 'body');
      expect(mail.url.protocol).toBe('mailto:');
      expect(mail.url.searchParams.get('subject')).toBe(ui('en', 'email_subject'));
      expect(mail.message).toBe(message);
    };

    await expectNames(DEFAULT_PLAN);
    await plan.setIncluded('chemical-peel', false);
    await expectNames(['hydrafacial', 'medical-skin-care']);
    await plan.setIncluded('retinoid-home-care', true);
    await expectNames(['hydrafacial', 'medical-skin-care', 'retinoid-home-care']);

    // Nothing ticked: the general request, naming no treatment.
    await plan.include([]);
    const { message } = await messageOf(whatsapp, 'text');
    expect(message).toBe(ui('en', 'contact_text_general'));
  });
});

test.describe('booking messages when the clinic does not offer every treatment', () => {
  test.use({ serviceWorkers: 'block' }); // the page is served through a route below

  // The plan and the messages both rank only the suggestions the clinic offers.
  test('the messages name only ticked treatments the clinic offers', async ({ questionnaire: q, page }) => {
    const offered = catalog.procedures.map((p) => p.id).filter((id) => id !== 'hydrafacial');
    const config = JSON.stringify({ procedures: { offered } });
    await page.route(
      (url) => url.pathname === '/' || url.pathname === '/index.html',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(
          '<body>',
          `<body><script type="application/json" id="skin-consult-config">${config}</script>`,
        );
        await route.fulfill({ response, body });
      },
    );
    const plan = await openPlan(q);
    const ticked = (await plan.choices()).filter((c) => c.checked && offered.includes(c.id)).map((c) => c.name);
    expect(ticked.length).toBeGreaterThan(0);
    const href = (await q.root.locator('a[data-booking="whatsapp"]').getAttribute('href'))!;
    expect(new URL(href).searchParams.get('text')).toBe(ui('en', 'contact_text', { list: ticked.join(', ') }));
  });
});

test.describe('the QR code of the share link', () => {
  // At 1 CSS pixel per device pixel a long link's code gets about 2 pixels per module,
  // unevenly rounded, which no decoder reads reliably from a screenshot. The typical
  // patient's link (with the screening questions) needs a denser code, which jsQR reads
  // from the screenshot at 4 device pixels per CSS pixel (not at 2 or 3).
  test.use({ deviceScaleFactor: 4 });

  test('decodes to the share link, which opens the same results on another device', async ({
    questionnaire: q,
    browser,
    baseURL,
  }) => {
    await openPlan(q);
    const qr = q.root.locator('svg[data-qr]');
    await expect(qr).toBeVisible();
    const link = await q.shareLink.inputValue();
    expect(link).toMatch(/#sc1;.*;k=[0-9a-f]{8}$/);

    const png = PNG.sync.read(await qr.screenshot({ animations: 'disabled' }));
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(decoded, 'a QR code was found in the screenshot').not.toBeNull();
    expect(decoded!.data).toBe(link);

    // Opened in a fresh browser context (no storage shared): the same outcome for every procedure.
    const statuses = await q.statuses();
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      const traffic = new Traffic(other);
      await other.goto(decoded!.data);
      const cards = other.locator('#skin-consult [data-procedure][data-status]');
      await expect(other.locator('#skin-consult .sc-results')).toBeVisible();
      await expect(cards).toHaveCount(Object.keys(statuses).length);
      const pairs = await cards.evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-procedure')!, el.getAttribute('data-status')!]),
      );
      expect(Object.fromEntries(pairs)).toEqual(statuses);
      traffic.expectClean(new URL(baseURL!).origin);
    } finally {
      await context.close();
    }
  });
});

test.describe('printing the plan', () => {
  test('prints the timeline without the plan controls or the download button', async ({ questionnaire: q, page }) => {
    const plan = await openPlan(q);
    await expect(plan.controls).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(plan.timeline).toBeVisible();
    await expect(plan.sessionEntries.first()).toBeVisible();
    await expect(plan.section.getByRole('heading', { name: ui('en', 'plan_title') })).toBeVisible();
    await expect(plan.controls).toBeHidden();
    await expect(plan.startDate).toBeHidden();
    await expect(plan.downloadButton()).toBeHidden();

    await page.emulateMedia({ media: 'screen' });
    await expect(plan.controls).toBeVisible();
  });
});
