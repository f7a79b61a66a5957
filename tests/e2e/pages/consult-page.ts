// Page object of the consultation widget. Tests talk to the widget through this class
// only, so a markup change is fixed here once. Add a locator and an action per screen as
// the UI grows.

import { expect, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS_DIR } from '../support/artifacts.mjs';

export class ConsultPage {
  readonly page: Page;
  /** The element the widget mounts into. */
  readonly root: Locator;
  /** The heading of the current screen. */
  readonly heading: Locator;
  /** The button that starts the consultation on the first screen. */
  readonly startButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('#skin-consult');
    this.heading = this.root.getByRole('heading', { level: 1 });
    this.startButton = this.root.getByRole('button', { name: 'Start', exact: true });
  }

  /** Opens the widget and waits until its first screen is interactive. */
  async goto() {
    await this.page.goto('/');
    await expect(this.startButton).toBeVisible();
    await expect(this.startButton).toBeEnabled();
  }

  /** Starts the consultation from the first screen. */
  async start() {
    await this.startButton.click();
  }

  /**
   * Moves keyboard focus with Tab until `target` has it, like a keyboard user would.
   * Returns the number of Tab presses; fails when `target` is not reached in `maxPresses`.
   */
  async tabTo(target: Locator, maxPresses = 20): Promise<number> {
    for (let presses = 1; presses <= maxPresses; presses++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return presses;
    }
    throw new Error(`${target} not reached with ${maxPresses} Tab presses`);
  }

  /** Saves a full-page screenshot as `<artifacts>/screens/<name>.png` (tests/e2e/artifacts/ by default). */
  async screenshot(name: string) {
    await this.page.screenshot({ path: `${ARTIFACTS_DIR}/screens/${name}.png`, fullPage: true });
  }
}
