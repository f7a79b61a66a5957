// Post-build step: paints the welcome screen before the code arrives.
//
// The widget's own page (index.html, also the iframe mode) shows nothing until the
// WebAssembly module has loaded and run. This step writes the welcome screen into the mount
// element from the same strings the app uses (locales/ui.json), one block per language, and
// links build/prepaint.js, a small classic script that shows the block in the language the app
// will choose (the browser's preferences against the languages offered, as the app negotiates
// them), keeps a tap on Start for the app, and stays out of the way when the app will not open
// on the welcome screen (saved progress or a share link). The app removes the painted screen
// when it starts (src/host/prepaint.rs).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = 'prepaint.js';
const KEYS = ['app_title', 'welcome_lead', 'welcome_not_diagnosis', 'welcome_privacy', 'welcome_time', 'start'];

/** Escapes text for HTML element content and attribute values. */
function escape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The welcome screen of `lang`, as the app renders it (same classes, same structure). */
export function welcomeHtml(lang, strings) {
  const s = Object.fromEntries(KEYS.map((k) => [k, escape(strings[k])]));
  return (
    `<div class="sc-app sc-prepaint" lang="${lang}" data-sc-prepaint="${lang}" hidden>` +
    `<header class="sc-header"><p class="sc-brand"></p></header>` +
    `<section class="sc-screen sc-welcome" aria-labelledby="sc-prepaint-title-${lang}">` +
    `<h1 id="sc-prepaint-title-${lang}">${s.app_title}</h1>` +
    `<p class="sc-lead">${s.welcome_lead}</p>` +
    `<ul class="sc-promises"><li>${s.welcome_not_diagnosis}</li><li>${s.welcome_privacy}</li><li>${s.welcome_time}</li></ul>` +
    `<div class="sc-actions"><button type="button" class="sc-button sc-primary" data-sc-prepaint-start="">${s.start}</button></div>` +
    `</section></div>`
  );
}

/** Writes the painted welcome screens into `dir`/index.html and copies the script beside it. */
export function writePrepaint(dir) {
  const table = JSON.parse(readFileSync(fileURLToPath(new URL('../locales/ui.json', import.meta.url)), 'utf8'));
  const languages = Object.keys(table);
  for (const lang of languages) {
    for (const key of KEYS) {
      if (typeof table[lang][key] !== 'string') throw new Error(`prepaint: locales/ui.json lacks ${lang}.${key}`);
    }
  }
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  const mount = /(<main id="skin-consult"[^>]*>)/;
  if (!mount.test(html)) throw new Error('prepaint: no <main id="skin-consult"> in index.html');
  const blocks = languages.map((lang) => welcomeHtml(lang, table[lang])).join('');
  // The languages in the app's order of preference for a browser that matches none.
  html = html.replace(mount, `$1${blocks}`);
  html = html.replace('</main>', `</main><script src="./${SCRIPT}" data-sc-languages="${languages.join(' ')}"></script>`);
  writeFileSync(indexPath, html);
  // Shipped without its comments and indentation (it is on every first visit).
  const source = readFileSync(fileURLToPath(new URL(`./${SCRIPT}`, import.meta.url)), 'utf8');
  const shipped = source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n');
  writeFileSync(join(dir, SCRIPT), `${shipped}\n`);
  return languages.length;
}
