// Security of the widget and of its embedding:
//
// - every configuration string is text: a configuration full of <script>, onerror= and
//   javascript: payloads runs nothing and adds no element;
// - only https:, tel:, mailto: and same-origin links; new-tab links carry
//   rel="noopener noreferrer";
// - the Content-Security-Policy (no inline script, no inline style) holds for the widget's
//   own page and for a host page, with zero violations through a whole consultation; a
//   control test shows the policy is really enforced;
// - no request to another origin (the `traffic` fixture, in every test but the control).
//
// Nothing here bypasses the CSP: axe-core is not used in this file.

import { test, expect } from './support/fixtures';
import { type Page } from '@playwright/test';
import { TYPICAL_PATIENT, seedSavedProgress } from './pages/questionnaire-page';

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/** Payloads put into every string of the configuration. */
const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '"><svg onload="window.__xss = 3">',
  'javascript:window.__xss=4',
];

const HOSTILE_CONFIG = {
  clinic: {
    name: `Clinic ${XSS[0]}${XSS[1]}`,
    logo: 'javascript:window.__xss=5',
    phone: `+1 555 0100${XSS[1]}`,
    whatsapp: XSS[2],
    email: `x@example.com${XSS[2]}`,
    booking_url: 'javascript:window.__xss=6',
  },
  theme: { colors: { primary: 'red;background:url(https://evil.example/x)' }, font_family: `x</style>${XSS[0]}` },
  procedures: { names: { 'medical-skin-care': { en: `Care ${XSS[1]}`, tr: XSS[2] } } },
  disclaimer: `${XSS[0]} ${XSS[1]} ${XSS[3]}`,
  embed: { parent_origins: ['https://evil.example', 'javascript:alert(1)'] },
  debug: true,
};

/** A host page on the widget's origin holding `config`, served by the test itself. */
async function hostPage(page: Page, config: unknown): Promise<string> {
  const url = '/examples/test-host.html';
  // `<` is escaped in the JSON, as any JSON-in-HTML must be; the payloads reach the widget intact.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  await page.route('**/examples/test-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="${CSP}">
        <link rel="icon" href="/examples/clinic-site/logo.svg"><title>Test host</title></head>
        <body><script type="application/json" id="skin-consult-config">${json}</script>
        <div id="skin-consult"></div><script type="module" src="/skin-consult-loader.js"></script></body></html>`,
    }),
  );
  return url;
}

/** Records CSP violations (the DOM event, which is composed) from the first script on. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  return async () => ({
    events: await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    console: consoleCsp,
  });
}

/** Seeds saved progress at the review step, so "See my results" completes a consultation. */
function seedReview(page: Page) {
  return seedSavedProgress(page, TYPICAL_PATIENT, 'review');
}

test('a configuration full of markup and script payloads is shown as text and runs nothing', async ({
  page,
  traffic,
}) => {
  void traffic;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await seedReview(page);
  await page.goto(await hostPage(page, HOSTILE_CONFIG));
  const widget = page.locator('#skin-consult');
  await expect(widget.locator('.sc-brand')).toContainText('<script>window.__xss = 1</script>');
  await widget.getByRole('button', { name: 'See my results' }).click();
  await expect(widget.locator('.sc-results')).toBeVisible();
  await expect(widget.locator('.sc-clinic-disclaimer')).toHaveText(HOSTILE_CONFIG.disclaimer);

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // No element came from the configuration: no <img> or <svg onload>, no script in the widget.
  const inWidget = await widget.evaluate((host) => {
    const root = host.shadowRoot!;
    return {
      scripts: root.querySelectorAll('script').length,
      imgs: root.querySelectorAll('img').length,
      handlers: Array.from(root.querySelectorAll('*')).flatMap((el) =>
        el.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
    };
  });
  expect(inWidget).toEqual({ scripts: 0, imgs: 0, handlers: [] });
  // Every bad field is named in the debug list (for the site owner).
  const errors = widget.locator('.sc-config-errors');
  for (const path of [
    'clinic.logo',
    'clinic.phone',
    'clinic.whatsapp',
    'clinic.email',
    'clinic.booking_url',
    'theme.colors.primary',
    'theme.font_family',
    'embed.parent_origins[1]',
  ]) {
    await expect(errors).toContainText(path);
  }
  // The configured clinic has no valid contact left: no booking link at all.
  await expect(widget.locator('[data-booking]')).toHaveCount(0);
});

test('links are https:, tel:, mailto: or same-origin, and new-tab links are noopener noreferrer', async ({
  page,
  traffic,
  baseURL,
}) => {
  void traffic;
  await seedReview(page);
  await page.goto('/');
  const widget = page.locator('#skin-consult');
  await widget.getByRole('button', { name: 'See my results' }).click();
  await expect(widget.locator('.sc-booking')).toBeVisible();
  const links = await widget.locator('a[href]').evaluateAll((all) =>
    all.map((a) => ({ href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
  );
  expect(links.length).toBeGreaterThan(2);
  const origin = new URL(baseURL!).origin;
  for (const link of links) {
    const url = new URL(link.href);
    expect(['https:', 'tel:', 'mailto:'].includes(url.protocol) || url.origin === origin, link.href).toBe(true);
    if (link.target === '_blank') {
      expect(link.rel?.split(/\s+/).sort(), link.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  }
});

for (const [where, url] of [
  ["the widget's own page", '/'],
  ['a host page (direct mount)', '/examples/clinic-site/direct.html'],
]) {
  test(`zero CSP violations from loading to the results and back on ${where}`, async ({ page, traffic }) => {
    void traffic;
    const violations = await recordViolations(page);
    await seedReview(page);
    await page.goto(url);
    const widget = page.locator('#skin-consult');
    // The page declares the policy and has no inline script.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.locator('script:not([src]):not([type="application/json"])').count()).toBe(0);

    await widget.getByRole('button', { name: 'See my results' }).click();
    await expect(widget.locator('.sc-results')).toBeVisible();
    await widget.getByRole('combobox').first().selectOption('tr');
    await widget.locator('.sc-results').getByRole('button').last().click();
    await expect(widget.locator('[data-notice="answers-cleared"]')).toBeVisible();
    // Violation reports are queued as tasks: let the queue drain past a message posted now.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
    );
    expect(await violations()).toEqual({ events: [], console: [] });
  });
}

test('control: the policy is enforced (an injected inline script is blocked and reported)', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/');
  await expect(page.locator('#skin-consult').getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
  });
  await expect.poll(async () => (await violations()).events.length).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
});
