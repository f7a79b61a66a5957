// Paint before the code (issue 18): the widget's page shows the welcome screen from the app's
// own strings before the WebAssembly module has arrived, in the language the app will choose;
// a tap on Start in that moment opens the first question once the app is ready; the app takes
// the painted screen down, and nothing is painted when the app will open elsewhere.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './pages/questionnaire-page';

const ui = JSON.parse(readFileSync('locales/ui.json', 'utf8')) as Record<string, Record<string, string>>;

/** Holds the WebAssembly module back until the returned function is called. */
async function holdTheCode(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const painted = (page: Page) => page.locator('#skin-consult [data-sc-prepaint]');

for (const [locale, lang] of [
  ['en-GB', 'en'],
  ['tr-TR', 'tr'],
] as const) {
  test.describe(`a ${lang} browser`, () => {
    test.use({ locale });

    test('sees the welcome screen before the code arrives, then the app takes over', async ({ questionnaire: q, page }) => {
      const release = await holdTheCode(page);
      await page.goto('/');
      // Only the chosen language is left, and it is shown.
      await expect(painted(page)).toHaveCount(1);
      await expect(painted(page)).toHaveAttribute('data-sc-prepaint', lang);
      await expect(painted(page).getByRole('heading', { level: 1 })).toHaveText(ui[lang].app_title);
      await expect(painted(page).getByRole('button', { name: ui[lang].start })).toBeVisible();
      await expect(painted(page)).toContainText(ui[lang].welcome_not_diagnosis);
      await expect(q.root.locator('form[data-question]')).toHaveCount(0);

      release();
      await expect(painted(page)).toHaveCount(0);
      await expect(q.welcomeScreen.getByRole('heading', { level: 1 })).toHaveText(ui[lang].app_title);
      await expect(q.root.getByRole('heading', { level: 1 })).toHaveCount(1);
    });
  });
}

test('a tap on Start before the code arrives opens the first question', async ({ questionnaire: q, page }) => {
  const release = await holdTheCode(page);
  await page.goto('/');
  const start = painted(page).getByRole('button', { name: ui.en.start });
  await start.click();
  await expect(start).toBeDisabled();
  await expect(start).toHaveAttribute('aria-busy', 'true');

  release();
  await expect(q.questionForm).toBeVisible();
  await expect(q.questionForm).toHaveAttribute('data-question', 'age');
  await expect(painted(page)).toHaveCount(0);
});

test('nothing is painted when saved progress will open another screen', async ({ questionnaire: q, page }) => {
  const release = await holdTheCode(page);
  await q.gotoSaved({ age: 30 }, 'q:skin_type');
  await expect(painted(page)).toHaveCount(0);
  release();
  await expect(q.questionForm).toHaveAttribute('data-question', 'skin_type');
});
