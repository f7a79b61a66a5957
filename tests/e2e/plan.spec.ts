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
  FACIALS,
  PlanSection,
  addDays,
  clashes,
  daysBetween,
  monthHeading,
  nextMonday,
  ui,
  type PlannedSession,
} from './support/plan';
import {
  test,
  expect,
  catalog,
  catalogQuestion,
  TYPICAL_PATIENT,
  type Answers,
  type QuestionnairePage,
} from './pages/questionnaire-page';

/** A Thursday, noon on the patient's device. */
const TODAY = '2026-12-10';
const DEFAULT_START = nextMonday(TODAY); // 2026-12-14

/** `answers` without the acne follow-up (for patients without acne). */
function withoutAcne(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => id !== 'acne_severity'));
}

/** A routine patient: 25, no particular concern, healthy. */
const ROUTINE_PATIENT: Answers = {
  ...withoutAcne(TYPICAL_PATIENT),
  age: 25,
  skin_type: 'normal',
  concerns: ['routine_care'],
  facial_before: true,
};
/** 45, frown lines and sun spots. */
const LINES_AND_SPOTS_PATIENT: Answers = {
  ...withoutAcne(TYPICAL_PATIENT),
  age: 45,
  skin_type: 'normal',
  concerns: ['expression_lines', 'pigmentation'],
  facial_before: true,
  toxin_recent: false,
};

/** Opens `answers`' results with the clock at TODAY and returns the plan section. */
async function openPlan(q: QuestionnairePage, answers: Answers = TYPICAL_PATIENT): Promise<PlanSection> {
  await q.page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  await q.gotoResults(answers);
  const plan = new PlanSection(q.page);
  await expect(plan.section).toBeVisible();
  // Folded under the month table; the tests read the dates, so they open them.
  await expect(plan.dates).not.toHaveAttribute('open', '');
  await plan.openDates();
  return plan;
}

/** The suggested procedures in rank order (the order of the plan's checkboxes). */
async function ranked(plan: PlanSection): Promise<string[]> {
  return (await plan.choices()).map((c) => c.id);
}

/** The default choice: at most three, one of the facial alternatives (the better ranked). */
async function expectSensibleDefault(plan: PlanSection) {
  const order = await ranked(plan);
  const ticked = await plan.ticked();
  expect(ticked.length, `ticked ${ticked}`).toBeGreaterThan(0);
  expect(ticked.length, `ticked ${ticked}`).toBeLessThanOrEqual(3);
  const facials = ticked.filter((id) => FACIALS.includes(id));
  expect(facials.length, 'one of the facial alternatives at most').toBeLessThanOrEqual(1);
  if (facials.length === 1) {
    expect(facials[0], 'the better-ranked alternative').toBe(order.find((id) => FACIALS.includes(id)));
  }
  // Nothing better ranked was left out except an alternative of a ticked one.
  const lastTicked = order.indexOf(ticked.at(-1)!);
  for (const id of order.slice(0, lastTicked)) {
    expect(ticked.includes(id) || FACIALS.includes(id), `${id} skipped`).toBe(true);
  }
}

/** Downloads the calendar, checks it is valid iCalendar, and returns its events as sessions. */
async function downloadCalendar(plan: PlanSection): Promise<PlannedSession[]> {
  const page = plan.page;
  const [download] = await Promise.all([page.waitForEvent('download'), plan.downloadButton().click()]);
  expect(download.suggestedFilename()).toBe('treatment-plan.ics');
  const raw = (await readFile(await download.path())).toString('utf8');

  // Octet-level rules of RFC 5545: CRLF everywhere, no line over 75 octets.
  expect(raw.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  expect(raw.replace(/\r\n/g, ''), 'no bare CR or LF').not.toMatch(/[\r\n]/);
  const lines = raw.slice(0, -2).split('\r\n');
  expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75), 'lines longer than 75 octets').toEqual([]);

  // Read back by ical.js, a parser independent of the app.
  const calendar = new ICAL.Component(ICAL.parse(raw));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(String(calendar.getFirstPropertyValue('prodid') ?? '')).toMatch(/^-\/\/[^/]+\/\/.+\/\/[A-Z]{2}$/);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  for (const e of events) {
    expect(e.startDate.isDate, `${e.uid}: all-day`).toBe(true);
    expect(e.endDate.toString(), `${e.uid}: one day`).toBe(addDays(e.startDate.toString(), 1));
    expect(e.component.getFirstPropertyValue('dtstamp'), `${e.uid}: DTSTAMP`).toBeTruthy();
  }
  const uids = events.map((e) => e.uid);
  expect(new Set(uids).size, 'UIDs are unique').toBe(uids.length);
  // The procedure is named by its id in the UID (<id>-<n>-<date>@...).
  const ids = (await plan.choices()).map((c) => c.id).sort((a, b) => b.length - a.length);
  return events.map((e) => ({
    id: ids.find((id) => e.uid.startsWith(`${id}-`))!,
    date: e.startDate.toString(),
    text: e.summary,
  }));
}

/** The plan's timeline and calendar file hold the same sessions, and neither has a clash. */
async function expectCoherent(plan: PlanSection): Promise<PlannedSession[]> {
  const shown = await plan.sessions();
  expect(shown.length).toBeGreaterThan(0);
  await expect(plan.timeline).toHaveAttribute('data-sessions', String(shown.length));
  expect(clashes(shown), 'timeline clashes').toEqual([]);
  const events = await downloadCalendar(plan);
  expect(clashes(events), 'calendar clashes').toEqual([]);
  const key = (s: PlannedSession) => `${s.date} ${s.id}`;
  expect(events.map(key).sort(), 'calendar = timeline').toEqual(shown.map(key).sort());
  // The first session of a treatment is never "maintenance".
  const firsts = new Set<string>();
  for (const s of [...shown].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!firsts.has(s.id)) {
      expect(s.text, `${s.id} first session`).not.toContain(`(${ui('en', 'plan_maintenance')})`);
      firsts.add(s.id);
    }
  }
  return events;
}

test.describe('the treatment plan', () => {
  test('the routine patient gets one facial, not two, and a coherent calendar', async ({ questionnaire: q }) => {
    const plan = await openPlan(q, ROUTINE_PATIENT);
    await expect(plan.startDate).toHaveValue(DEFAULT_START);
    await expect(plan.startDate).toHaveAttribute('min', TODAY);
    const suggested = await q.root
      .locator('[data-procedure][data-status="suggested"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-procedure')!));
    expect([...(await ranked(plan))].sort(), 'every suggestion can be planned').toEqual([...suggested].sort());
    await expectSensibleDefault(plan);
    await expectCoherent(plan);

    // Both facials picked deliberately: both are planned, kept 2 weeks apart.
    const both = (await ranked(plan)).filter((id) => FACIALS.includes(id));
    expect(both, 'both facials are suggested').toHaveLength(2);
    expect((await plan.ticked()).filter((id) => FACIALS.includes(id))).toHaveLength(1);
    // The results say "one of these", the better fit (the plan's choice) first.
    const group = q.root.locator('[data-alternatives="facial-or-hydrafacial"]');
    await expect(group.getByRole('heading', { name: ui('en', 'alternatives_title') })).toBeVisible();
    expect(await group.locator('[data-alternative]').evaluateAll((li) => li.map((e) => e.getAttribute('data-alternative')))).toEqual(both);
    await expect(group.locator('[data-alternative]').first()).toContainText(ui('en', 'alternatives_better'));
    for (const id of both) await plan.setIncluded(id, true);
    const events = await expectCoherent(plan);
    for (const id of both) expect(events.some((e) => e.id === id), id).toBe(true);
  });

  test('the lines-and-spots patient: no pile-up on one day, and the toxin once plus one review', async ({
    questionnaire: q,
  }) => {
    const plan = await openPlan(q, LINES_AND_SPOTS_PATIENT);
    await expectSensibleDefault(plan);
    await expectCoherent(plan);

    const order = await ranked(plan);
    expect(order, 'the toxin is suggested for frown lines').toContain('botulinum-toxin');
    await plan.setIncluded('botulinum-toxin', true);
    const events = await expectCoherent(plan);
    const toxin = events.filter((e) => e.id === 'botulinum-toxin').sort((a, b) => a.date.localeCompare(b.date));
    const name = await plan.procedureName('botulinum-toxin');
    expect(toxin.map((e) => e.text)).toEqual([`${name}, session 1`, `${name}: review visit`]);
    expect(daysBetween(toxin[0].date, toxin[1].date), 'not before 12 weeks').toBeGreaterThanOrEqual(84);
    const review = plan.sessionEntries.filter({ hasText: ui('en', 'plan_review') });
    await expect(review).toHaveCount(1);
    await expect(review).toContainText('not before 3 months');
  });

  test('the acne patient gets a coherent plan, re-dated with the start date', async ({ questionnaire: q }) => {
    const plan = await openPlan(q, TYPICAL_PATIENT);
    await expectSensibleDefault(plan);
    const before = await expectCoherent(plan);
    expect(before.map((e) => e.date).sort()[0]).toBe(DEFAULT_START);

    // Three weeks later: every session moves by 21 days (whole weeks keep every rule's fit).
    const later = addDays(DEFAULT_START, 21);
    await plan.setStart(later);
    await expect(plan.entries.first()).toHaveAttribute('data-date', later);
    const after = await expectCoherent(plan);
    const shift = (list: PlannedSession[]) => list.map((e) => `${e.id} ${e.date}`).sort();
    expect(shift(after)).toEqual(shift(before.map((e) => ({ ...e, date: addDays(e.date, 21) }))));

    // Yesterday: an error instead of a plan, and nothing to download.
    await plan.setStart(addDays(TODAY, -1));
    await expect(plan.error).toHaveText(ui('en', 'plan_error_past'));
    await expect(plan.error).toHaveAttribute('role', 'alert');
    await expect(plan.timeline).toHaveCount(0);
    await expect(plan.downloadButton()).toHaveCount(0);

    // Nothing ticked: "choose at least one"; only home care: nothing to date.
    await plan.setStart(TODAY);
    await plan.include([]);
    await expect(plan.error).toHaveText(ui('en', 'plan_error_none'));
    await plan.include(['retinoid-home-care']);
    await expect(plan.error).toHaveText(ui('en', 'plan_error_nothing'));
    await plan.setIncluded('medical-skin-care', true);
    await expect(plan.error).toHaveCount(0);
  });

  test('a month-by-month table above the list; months after the third folded', async ({ questionnaire: q, page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const plan = await openPlan(q, TYPICAL_PATIENT);
    const table = plan.overview;
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toHaveText(ui('en', 'plan_overview'));
    // A header per planned treatment, a row header per month, from the start month on.
    const sessions = await plan.sessions();
    const treatments = [...new Set(sessions.map((s) => s.id))];
    await expect(table.locator('thead th[scope="col"]')).toHaveCount(1 + treatments.length);
    const rows = table.locator('tbody th[scope="row"]');
    await expect(rows.first()).toHaveText(monthHeading(DEFAULT_START, 'en'));
    // Each cell counts that month's sessions of its treatment.
    const headers = await table.locator('thead th').allInnerTexts();
    const names = Object.fromEntries(
      await Promise.all(treatments.map(async (id) => [await plan.procedureName(id), id])),
    );
    const firstMonth = DEFAULT_START.slice(0, 7);
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    headers.slice(1).forEach((header, i) => {
      const count = sessions.filter((s) => s.id === names[header.trim()] && s.date.startsWith(firstMonth)).length;
      expect(cells[i].trim(), header).toBe(count ? String(count) : '');
    });
    // Readable on a 320 px phone: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // The dated list shows three months; the rest is one native <details>, closed.
    await expect(plan.timeline.locator('li.sc-month')).toHaveCount(3);
    await expect(plan.later).toBeVisible();
    await expect(plan.later).not.toHaveAttribute('open', '');
    const hidden = plan.later.locator('li.sc-entry').first();
    await expect(hidden).toBeHidden();
    await plan.later.locator('summary').click();
    await expect(hidden).toBeVisible();
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

    const defaults = await plan.ticked();
    await expectNames(defaults);
    await plan.setIncluded(defaults[0], false);
    await expectNames(defaults.slice(1));
    const extra = choices.map((c) => c.id).find((id) => !defaults.includes(id))!;
    await plan.setIncluded(extra, true);
    await expectNames([...defaults.slice(1), extra]);

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
    const config = JSON.stringify({ clinic: { name: 'Example clinic', whatsapp: '+1 555 0101' }, procedures: { offered } });
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
    const qr = await q.showQrCode();
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

    await expect(plan.later.locator('li.sc-entry').first()).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(plan.timeline).toBeVisible();
    await expect(plan.sessionEntries.first()).toBeVisible();
    // Print shows every month, the folded ones too.
    await expect(plan.later.locator('li.sc-entry').first()).toBeVisible();
    await expect(plan.section.getByRole('heading', { name: ui('en', 'plan_title') })).toBeVisible();
    await expect(plan.controls).toBeHidden();
    await expect(plan.startDate).toBeHidden();
    await expect(plan.downloadButton()).toBeHidden();

    await page.emulateMedia({ media: 'screen' });
    await expect(plan.controls).toBeVisible();
  });
});
