// The two embedding modes, on the example clinic site (examples/clinic-site/, served under
// /examples/ on the widget's origin), each under a deliberately hostile host stylesheet:
//
// - direct mount: the widget renders in a shadow root of the host's element; the host's
//   styles do not change it, its styles do not change the host, and its events arrive as
//   DOM CustomEvents;
// - iframe: the frame grows and shrinks with the widget (posted heights, origin-checked by
//   skin-consult-embed.js) and the events arrive re-dispatched on the iframe element.
//
// The `traffic` fixture checks every test for console errors, failed and foreign requests.

import { test, expect } from './support/fixtures';
import { type Page } from '@playwright/test';
import { TYPICAL_PATIENT, seedSavedProgress } from './pages/questionnaire-page';

const DIRECT = '/examples/clinic-site/direct.html';
const IFRAME = '/examples/clinic-site/iframe.html';

/** The events the host page received, as `[name, detail]`. */
async function hostEvents(page: Page): Promise<[string, Record<string, unknown>][]> {
  const items = page.locator('#host-events li');
  return items.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-event')!, JSON.parse(li.textContent!)]));
}

/** Seeds saved progress at the review step, so "See my results" completes a consultation. */
function seedReview(page: Page) {
  return seedSavedProgress(page, TYPICAL_PATIENT, 'review');
}

test.describe('direct mount', () => {
  test('renders in its shadow root, untouched by the hostile host stylesheet', async ({ page, traffic }) => {
    void traffic; // checks console, failed and foreign requests after the test
    await page.goto(DIRECT);
    const widget = page.locator('#skin-consult');
    const start = widget.getByRole('button', { name: 'Start', exact: true });
    await expect(start).toBeVisible();
    expect(await widget.evaluate((el) => el.shadowRoot?.mode)).toBe('open');

    const style = await widget.locator('.sc-app').evaluate((el) => {
      const s = getComputedStyle(el);
      const h1 = getComputedStyle(el.querySelector('h1')!);
      return {
        fontSize: s.fontSize,
        textTransform: s.textTransform,
        letterSpacing: s.letterSpacing,
        textAlign: s.textAlign,
        h1Size: h1.fontSize,
        h1Color: h1.color,
      };
    });
    // The host's `html { font-size: 40px }`, `all: unset`, uppercase, letter-spacing and
    // `h1 { font-size: 50px !important }` do not reach the widget.
    expect(style).toEqual({
      fontSize: '16px',
      textTransform: 'none',
      letterSpacing: 'normal',
      textAlign: 'start',
      h1Size: '25.6px',
      h1Color: expect.not.stringMatching(/^rgb\(255, 0, 0\)$/),
    });
    // The clinic's colour from the configuration is applied; the host's `--sc-color-primary`
    // on :root is not.
    expect(await start.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 46, 90)');
    await page.screenshot({ path: test.info().outputPath('direct-mount.png'), fullPage: true });
  });

  test("the widget's styles do not leak into the host page", async ({ page, traffic }) => {
    void traffic;
    await page.goto(DIRECT);
    await expect(page.locator('#skin-consult').getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    const leaks = await page.evaluate(() => {
      const probe = getComputedStyle(document.getElementById('host-probe')!);
      const root = getComputedStyle(document.documentElement);
      return {
        probeColor: probe.color,
        probePadding: probe.paddingInlineStart,
        bodyBackground: getComputedStyle(document.body).backgroundColor,
        rootThemeBg: root.getPropertyValue('--sc-color-bg'),
        stylesheets: Array.from(document.styleSheets).map((s) => new URL(s.href!).pathname),
        lang: document.documentElement.lang,
      };
    });
    expect(leaks).toEqual({
      probeColor: 'rgb(1, 2, 3)',
      probePadding: '0px',
      bodyBackground: 'rgb(255, 255, 224)',
      rootThemeBg: '',
      stylesheets: ['/examples/clinic-site/hostile.css'],
      lang: 'en',
    });
    // Switching the widget's language leaves the host document's `lang` alone.
    await page.locator('#skin-consult').getByRole('combobox').selectOption('tr');
    await expect(page.locator('#skin-consult .sc-app')).toHaveAttribute('lang', 'tr');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  test('dispatches consult:started, consult:completed and consult:booking as DOM events', async ({ page, traffic }) => {
    void traffic;
    await seedReview(page);
    await page.goto(DIRECT);
    const widget = page.locator('#skin-consult');
    await widget.getByRole('button', { name: 'See my results' }).click();
    await expect(widget.locator('.sc-results')).toBeVisible();

    // Following a booking link: the page's own capture listener keeps the test on this page.
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault(), true));
    await widget.locator('[data-booking="email"]').click();
    await widget.locator('[data-booking="web"]').click();

    await expect.poll(async () => (await hostEvents(page)).map(([name]) => name)).toEqual([
      'consult:completed',
      'consult:booking',
      'consult:booking',
    ]);
    const [[, completed], [, email], [, web]] = await hostEvents(page);
    expect(completed.outcome).toBe('recommendations');
    const procedures = completed.procedures as { id: string; status: string }[];
    expect(procedures.length).toBeGreaterThan(3);
    for (const p of procedures) {
      expect(Object.keys(p).sort()).toEqual(['id', 'status']);
      expect(['suggested', 'caution', 'deferred', 'excluded']).toContain(p.status);
    }
    // No health answer leaves the widget without the clinic's opt-in.
    expect(completed).not.toHaveProperty('answers');
    expect(JSON.stringify(completed)).not.toContain('combination');
    expect([email, web]).toEqual([{ channel: 'email' }, { channel: 'web' }]);

    // The event reports exactly what the screen shows, with the same statuses.
    const onScreen = await widget
      .locator('[data-procedure][data-status]')
      .evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-procedure'), c.getAttribute('data-status')]));
    expect(new Map(procedures.map((p) => [p.id, p.status]))).toEqual(new Map(onScreen));

    // Start over, then start: consult:started.
    await widget.getByRole('button', { name: 'Start over' }).click();
    await widget.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(async () => (await hostEvents(page)).at(-1)).toEqual(['consult:started', { lang: 'en' }]);
  });
});

test.describe('direct mount: a clinic offering some procedures', () => {
  test('consult:completed reports only the procedures the clinic offers', async ({ page, traffic }) => {
    void traffic;
    const offered = ['medical-skin-care', 'chemical-peel', 'microneedling'];
    await page.route('**/examples/clinic-site/direct.html', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '"languages": {',
        `"procedures": { "offered": ${JSON.stringify(offered)} },\n          "languages": {`,
      );
      await route.fulfill({ response, body: html });
    });
    await seedReview(page);
    await page.goto(DIRECT);
    const widget = page.locator('#skin-consult');
    await widget.getByRole('button', { name: 'See my results' }).click();
    await expect(widget.locator('.sc-results')).toBeVisible();
    await expect.poll(async () => (await hostEvents(page)).map(([name]) => name)).toEqual(['consult:completed']);
    const [[, completed]] = await hostEvents(page);
    const reported = (completed.procedures as { id: string }[]).map((p) => p.id);
    expect(reported.length).toBeGreaterThan(0);
    for (const id of reported) expect(offered).toContain(id);
    const onScreen = await widget.locator('[data-procedure][data-status]').evaluateAll((cards) =>
      cards.map((c) => c.getAttribute('data-procedure')),
    );
    expect(new Set(reported)).toEqual(new Set(onScreen));
  });
});

test.describe('direct mount: print', () => {
  /** What prints of the host page itself, under print media: its elements that are shown. */
  async function printedHost(page: Page) {
    return page.evaluate(() => {
      const shown = (el: Element) => {
        const s = getComputedStyle(el);
        return s.display !== 'none' && s.visibility === 'visible';
      };
      const mount = document.getElementById('skin-consult')!;
      return {
        // Host elements (not the mount and not its ancestors) that would print.
        elements: Array.from(document.body.querySelectorAll('*'))
          .filter((el) => !el.contains(mount) && !mount.contains(el) && el.tagName !== 'SCRIPT')
          .filter(shown)
          .map((el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '')),
        // The mount's ancestors print their own text (a stray text node) only when visible.
        ancestorsVisible: (() => {
          const out: string[] = [];
          for (let el = mount.parentElement; el; el = el.parentElement) {
            if (getComputedStyle(el).visibility === 'visible') out.push(el.tagName.toLowerCase());
          }
          return out;
        })(),
        mountShown: shown(mount),
      };
    });
  }

  test('Print prints the results only, not the host page; the host page prints as usual otherwise', async ({
    page,
    traffic,
  }) => {
    void traffic; // also catches a CSP violation (the print stylesheet is adopted through the CSSOM)
    await seedReview(page);
    await page.goto(DIRECT);
    const widget = page.locator('#skin-consult');
    await widget.getByRole('button', { name: 'See my results' }).click();
    const results = widget.locator('.sc-results');
    await expect(results).toBeVisible();

    // The clinic printing its own page (Ctrl+P, not the widget's button) gets its page.
    await page.emulateMedia({ media: 'print' });
    const before = await printedHost(page);
    expect(before.elements).toEqual(expect.arrayContaining(['header', 'h1', 'p', 'footer', 'ol#host-events']));
    await page.emulateMedia({ media: 'screen' });

    // The browser's print dialog is not part of the test: record the call instead.
    await page.evaluate(() => {
      const w = window as unknown as { __prints: number; print: () => void };
      w.__prints = 0;
      w.print = () => void w.__prints++;
    });
    await widget.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
    // On screen nothing changes while the dialog is open.
    await expect(page.locator('.host-header')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    expect(await printedHost(page)).toEqual({ elements: [], ancestorsVisible: [], mountShown: true });
    // The results print: the cards with how often, and the widget's own print rules apply.
    await expect(results).toBeVisible();
    await expect(widget.locator('.sc-card[data-procedure="medical-skin-care"] .sc-facts')).toBeVisible();
    await expect(widget.getByRole('button', { name: 'Print' })).toBeHidden();
    const box = (await widget.boundingBox())!;
    expect(box.y).toBeLessThan(60); // starts at the top of the first page, not after the host's header
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeLessThanOrEqual(2);

    // Once the browser reports the print done, the host page prints as usual again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect((await printedHost(page)).elements).toEqual(before.elements);
  });
});

test.describe('iframe', () => {
  test('the frame takes the height of the widget, following it as it changes', async ({ page, traffic }) => {
    void traffic;
    await page.goto(IFRAME);
    const frameElement = page.locator('iframe[data-skin-consult]');
    const frame = page.frameLocator('iframe[data-skin-consult]');
    await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();

    const heights = async () => ({
      frame: await frameElement.evaluate((el) => el.getBoundingClientRect().height),
      content: await frame.locator('#skin-consult').evaluate((el) => Math.ceil(el.getBoundingClientRect().bottom)),
    });
    await expect.poll(async () => (await heights()).frame).toBeGreaterThan(200);
    let h = await heights();
    expect(Math.abs(h.frame - h.content)).toBeLessThanOrEqual(1);
    // No scrollbar inside the frame.
    expect(await frame.locator('html').evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);

    const before = h.frame;
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(async () => (await heights()).frame).not.toBe(before);
    h = await heights();
    expect(Math.abs(h.frame - h.content)).toBeLessThanOrEqual(1);
  });

  test('events arrive on the iframe element through origin-checked messages', async ({ page, traffic }) => {
    void traffic;
    await seedReview(page);
    await page.goto(IFRAME);
    const frame = page.frameLocator('iframe[data-skin-consult]');
    await frame.getByRole('button', { name: 'See my results' }).click();
    await expect.poll(async () => (await hostEvents(page)).map(([name]) => name)).toEqual(['consult:completed']);
    const [[, completed]] = await hostEvents(page);
    expect(completed).not.toHaveProperty('answers');
    expect(completed.outcome).toBe('recommendations');
  });

  test('the host loader ignores messages from other windows and origins', async ({ page, traffic }) => {
    void traffic;
    await page.goto(IFRAME);
    const frameElement = page.locator('iframe[data-skin-consult]');
    const frame = page.frameLocator('iframe[data-skin-consult]');
    await expect(frame.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    await expect.poll(() => frameElement.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(200);
    const settled = await frameElement.evaluate((el) => el.getBoundingClientRect().height);

    // The host page itself (not the frame's window) posts a forged height and event.
    // Messages arrive in order: once a sentinel posted after them is delivered, the loader has
    // already handled (and should have ignored) the forged ones.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('message', (e) => e.data === 'forged-sent' && resolve());
          window.postMessage({ source: 'skin-consult', type: 'height', height: 5 }, '*');
          window.postMessage({ source: 'skin-consult', type: 'event', name: 'consult:booking', detail: { channel: 'x' } }, '*');
          window.postMessage('forged-sent', '*');
        }),
    );
    expect(await frameElement.evaluate((el) => el.getBoundingClientRect().height)).toBe(settled);
    expect(await hostEvents(page)).toEqual([]);
  });
});
