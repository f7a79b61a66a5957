// Page object of the results screen at a glance: the summary at the top, the cards (the
// results contract: `data-procedure`, `data-status`) with their details on demand, the
// collapsed status groups and the print layout.

import { expect, type Locator, type Page } from '@playwright/test';
import type { QuestionnairePage } from './questionnaire-page';

export class ResultsPage {
  readonly page: Page;
  readonly screen: Locator;
  readonly summary: Locator;
  readonly summaryLines: Locator;
  readonly nextStep: Locator;
  readonly cards: Locator;
  readonly firstCallToAction: Locator;
  readonly groups: Locator;

  constructor(readonly q: QuestionnairePage) {
    this.page = q.page;
    this.screen = q.resultsScreen;
    this.summary = this.screen.locator('[data-summary]');
    this.summaryLines = this.summary.locator('li[data-concern]');
    this.nextStep = this.summary.locator('.sc-summary-next');
    this.cards = this.screen.locator('article.sc-card[data-procedure]');
    this.firstCallToAction = this.screen.locator('.sc-booking [data-booking]').first();
    this.groups = this.screen.locator('details[data-group]');
  }

  /** The summary line of a concern. */
  summaryLine(concern: string): Locator {
    return this.summaryLines.and(this.page.locator(`[data-concern="${concern}"]`));
  }

  /** The ids of the cards in screen order, with their status. */
  async cardOrder(): Promise<{ id: string; status: string; top: number }[]> {
    return this.cards.evaluateAll((cards) =>
      cards.map((card) => ({
        id: card.getAttribute('data-procedure')!,
        status: card.getAttribute('data-status')!,
        top: card.getBoundingClientRect().top + window.scrollY,
      })),
    );
  }

  /** The first suggested card on screen (by its position, not only DOM order). */
  async firstSuggestion(): Promise<string | undefined> {
    const order = (await this.cardOrder()).filter((c) => c.status === 'suggested');
    order.sort((a, b) => a.top - b.top);
    return order[0]?.id;
  }

  /** The bottom edge of an element in page coordinates. */
  async bottomOf(locator: Locator): Promise<number> {
    return locator.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  }

  /** The height of the whole document. */
  async pageHeight(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollHeight);
  }

  /** Opens every `<details>` on the results (cards, groups and more options), as taps would. */
  async expandAll() {
    await this.q.openAllDetails();
    await expect(this.screen.locator('details:not([open])')).toHaveCount(0);
  }

  /** Every `<details>` is closed. */
  async expectCollapsed() {
    await expect(this.screen.locator('details[open]')).toHaveCount(0);
  }
}
