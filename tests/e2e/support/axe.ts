// Accessibility check with axe-core, for every screen of the widget.
//
// axe-core is read from node_modules and evaluated in the page through the DevTools protocol
// (`page.evaluate`), so the page loads nothing from anywhere else and the widget's strict
// Content-Security-Policy stays on: an inline <script> tag would be blocked by it. Usage:
//
//   await expectNoAxeViolations(page, 'first screen');
//   await expectNoAxeViolations(page, 'results', { include: '#skin-consult' });

import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOptions {
  /** CSS selector limiting the check to part of the page (default: the whole document). */
  include?: string;
  /** axe rule ids to skip; every entry needs a comment in the calling test saying why. */
  disableRules?: string[];
}

/** One violation, flattened for a readable assertion message. */
export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the current page and returns its violations. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async ({ include, disableRules }) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const rules = Object.fromEntries((disableRules ?? []).map((id: string) => [id, { enabled: false }]));
    const result = await axe.run(include ?? document, { resultTypes: ['violations'], rules });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return result.violations.map((v: any) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      targets: v.nodes.map((n: any) => n.target.join(' ')),
    }));
  }, options);
}

/** Asserts that axe-core finds no violation on the current screen. */
export async function expectNoAxeViolations(page: Page, screen: string, options: AxeOptions = {}) {
  const violations = await axeViolations(page, options);
  expect(violations, `axe-core violations on the ${screen}`).toEqual([]);
}
