// The referral screen follows the most urgent red flag, with the numbers the clinic
// configured (`emergency`):
//
// - an emergency (swelling of the lips, tongue or throat) names the emergency number: 999
//   with `country: "GB"`, and without any configuration the neutral "your local emergency
//   number (112 in most of Europe)"; it never says "it may well be nothing serious";
// - thoughts of self-harm give the crisis line (Samaritans 116 123 in the UK) and the
//   emergency number "if you are in danger now";
// - in Turkish with `country: "TR"`: 112, and no crisis line is invented (none is verified);
// - a flag for the patient's own doctor keeps the calm "it may well be nothing serious".

import { type Page } from '@playwright/test';
import { ui } from './support/plan';
import { test, expect, persona, type QuestionnairePage } from './pages/questionnaire-page';

/** Serves the widget's page with `config` as its inline configuration. */
async function withConfig(page: Page, config: unknown) {
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<main id="skin-consult"',
        `<script type="application/json" id="skin-consult-config">${JSON.stringify(config)}</script><main id="skin-consult"`,
      );
      await route.fulfill({ response, body: html });
    },
  );
}

async function referralOf(q: QuestionnairePage, personaId: string) {
  await q.gotoShared(persona(personaId).answers);
  await expect(q.referral).toBeVisible();
  return q.referral;
}

test('an emergency names the configured number and nothing calms it down', async ({ page, questionnaire: q }) => {
  await withConfig(page, { emergency: { country: 'GB' } });
  const referral = await referralOf(q, 'throat-swelling');
  await expect(referral).toHaveAttribute('data-call', 'emergency');
  // The most urgent flag comes first, then the mole.
  await expect(referral.locator('[data-flag]').first()).toHaveAttribute('data-flag', 'allergic_swelling');
  await expect(referral.locator('.sc-call')).toHaveText(ui('en', 'referral_call_emergency').replace('{number}', '999'));
  await expect(referral).not.toContainText('nothing serious');
  await expect(q.root.locator('[data-procedure]')).toHaveCount(0);
});

test('without a configured country an emergency says the local emergency number', async ({ questionnaire: q }) => {
  const referral = await referralOf(q, 'throat-swelling');
  await expect(referral.locator('.sc-call')).toHaveText(ui('en', 'referral_call_emergency_neutral'));
  await expect(referral.locator('.sc-call')).toContainText('112 in most of Europe');
  await expect(referral).not.toContainText('nothing serious');
});

test('thoughts of self-harm show the crisis line and the emergency number', async ({ page, questionnaire: q }) => {
  await withConfig(page, { emergency: { country: 'GB' } });
  const referral = await referralOf(q, 'self-harm');
  await expect(referral).toHaveAttribute('data-call', 'crisis');
  const call = referral.locator('.sc-call');
  await expect(call).toContainText('Call Samaritans on 116 123');
  await expect(call).toContainText('If you are in danger now, call 999.');
  await expect(referral).not.toContainText('nothing serious');
});

test('in Turkish with country TR, an emergency: 112', async ({ page, questionnaire: q }) => {
  await withConfig(page, { emergency: { country: 'TR' }, languages: { default: 'tr' } });
  const referral = await referralOf(q, 'throat-swelling');
  await expect(referral.locator('.sc-call')).toHaveText(ui('tr', 'referral_call_emergency').replace('{number}', '112'));
});

// A page of its own: a second load in the same page could come from the service worker,
// which the test's routing does not see.
test('in Turkish with country TR, self-harm: 112 and no invented crisis line', async ({ page, questionnaire: q }) => {
  await withConfig(page, { emergency: { country: 'TR' }, languages: { default: 'tr' } });
  const referral = await referralOf(q, 'self-harm');
  const call = referral.locator('.sc-call');
  await expect(call).toContainText(ui('tr', 'referral_call_crisis_neutral'));
  await expect(call).toContainText(ui('tr', 'referral_call_danger').replace('{number}', '112'));
  await expect(call).not.toContainText('182');
});

test('a flag for the own doctor keeps the calm opening', async ({ page, questionnaire: q }) => {
  await withConfig(page, { emergency: { country: 'GB' } });
  const referral = await referralOf(q, 'changing-mole');
  await expect(referral).toHaveAttribute('data-call', 'gp');
  await expect(referral.locator('.sc-call')).toHaveText(ui('en', 'referral_lead'));
  await expect(referral).not.toContainText('999');
});
