// One answer-to-screen step, as the benchmark (browser.mjs) and the profile (profile-next.mjs)
// both take it: answer the question on screen, press Next, time until the next question is in
// the DOM and until the next frame. The performance marks let a trace find each step.

/**
 * Answers the current question as a patient without warning signs would ("none" where a
 * question offers it, else the first option; a red flag would end the questionnaire early);
 * resolves once the form is ready for Next.
 */
export async function answer(page) {
  const form = page.locator('form[data-question]');
  await form.waitFor();
  const number = form.locator('input[type=number]');
  if (await number.count()) return number.fill('30');
  const none = form.locator('.sc-option input[value="none"]');
  await ((await none.count()) ? none : form.locator('.sc-option input').first()).check();
}

/**
 * Presses Next; resolves with the ms until the next question is in the DOM and painted.
 * The observer's callback runs once the app's render task is over, effects included: moving
 * focus to the new heading makes the browser update style and layout within that task, so
 * "rendered" includes them (about half of it at 4x, `bench/profile-next.mjs` shows).
 */
export function pressNext(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const before = document.querySelector('form[data-question]').getAttribute('data-question');
        performance.mark('sc-next-start');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const now = document.querySelector('form[data-question]');
          if (now && now.getAttribute('data-question') !== before) {
            observer.disconnect();
            const rendered = performance.now() - t0;
            requestAnimationFrame(() => {
              const painted = performance.now() - t0;
              // The trace's window ends after this frame's paint, once the next task runs.
              setTimeout(() => performance.mark('sc-next-end'), 0);
              resolve({ rendered, painted });
            });
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        document.querySelector('form[data-question] button[type=submit]').click();
      }),
  );
}
