// Page object of the configurator page (configure.html): the clinic's form, its errors by
// the widget's paths, the preview frame, and the export and import of clinic.json.

import { expect, type Download, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export class ConfigurePage {
  readonly page: Page;
  readonly form: Locator;
  /** The widget inside the preview frame. */
  readonly preview: FrameLocator;
  readonly previewFrame: Locator;
  readonly previewStatus: Locator;
  readonly importReport: Locator;
  readonly generalErrors: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.locator('#cfg-form');
    this.previewFrame = page.locator('#cfg-frame');
    this.preview = page.frameLocator('#cfg-frame');
    this.previewStatus = page.locator('#cfg-preview-status');
    this.importReport = page.locator('#cfg-import-report');
    this.generalErrors = page.locator('#cfg-general');
  }

  /** Opens the page and waits until the preview has checked the first draft. */
  async goto() {
    await this.page.goto('/configure.html');
    await this.waitForCheck();
  }

  /** Waits until the widget in the preview has read the current draft. */
  async waitForCheck() {
    await expect(this.form).toHaveAttribute('data-checked', 'true');
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** The error shown next to the field of `path` (the widget's path name). */
  errorAt(path: string): Locator {
    return this.form.locator(`[data-path="${path}"] .cfg-error [data-error-path^="${path}"]`);
  }

  /** Picks `hex` for a theme colour (`primary`, `on_primary`, ...). */
  async setColor(name: string, hex: string) {
    await this.page.locator(`#color-${name}`).fill(hex);
  }

  /** Ticks exactly the procedures in `ids`. */
  async offerOnly(ids: string[]) {
    const boxes = this.page.locator('#cfg-procedures input[type=checkbox]');
    for (const box of await boxes.all()) {
      await box.setChecked(ids.includes((await box.getAttribute('value'))!));
    }
  }

  /** The display-name field of a treatment in a language. */
  nameField(id: string, lang: string): Locator {
    return this.page.locator(`#name-${id}-${lang}`);
  }

  /** The "from" or "to" price field of a treatment. */
  priceField(id: string, part: 'from' | 'to'): Locator {
    return this.page.locator(`#price-${id}-${part}`);
  }

  /** Ticks "Show prices" and picks the currency as typed (the page capitalises it). */
  async showPrices(currency: string) {
    await this.form.getByRole('checkbox', { name: 'Show prices' }).check();
    await this.field('Currency').fill(currency);
  }

  /** Shows `screen` in the preview: `welcome`, `question` or `results` (the sample patient's). */
  async previewScreen(screen: 'welcome' | 'question' | 'results') {
    await this.page.getByLabel('Screen', { exact: true }).selectOption(screen);
    await this.waitForCheck();
  }

  /** The export as the page shows it. */
  async exported(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.page.locator('#cfg-json').textContent())!);
  }

  /** Downloads clinic.json and returns its text. */
  async download(): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download clinic.json' }).click(),
    ]);
    const path = await download.path();
    return { download, text: readFileSync(path!, 'utf8') };
  }

  /** Opens a clinic.json with the file picker. */
  async open(name: string, text: string | Buffer) {
    await this.page.getByLabel('clinic.json to edit').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: typeof text === 'string' ? Buffer.from(text) : text,
    });
  }
}
