// Post-build step: the configurator page (configure.html and the configure/ folder) copied
// into the build, with what it needs beside the widget: its data as `configure/data.json`,
// the widget's theme (custom properties) as `configure/theme.css` for the page's own look, and
// its preview, `preview.html` (index.html with configure/preview.js first, see that file). The
// data is the catalog's procedures (id, name per language, and whether it is done in clinic
// sessions, so can have a price), the languages the widget can offer (written both in
// locales/ui.json and in the catalog), so the page never lists a procedure or a language the
// widget lacks, and the preview's sample patient. index.html does not change: a first visit loads
// nothing of the configurator.

import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** The configurator's data from the catalog and the interface strings. */
export function configureData(
  catalog = read('../engine/catalog/catalog.json'),
  ui = read('../locales/ui.json'),
  sample = read('../configure/sample-patient.json'),
) {
  const languages = catalog.languages
    .filter((code) => code in ui)
    .map((code) => ({ code, name: catalog.locales?.[code]?.name ?? code }));
  const procedures = catalog.procedures.map((p) => ({
    id: p.id,
    name: p.name,
    prescription: !!p.prescription_medicine,
    sessions: hasSessions(p),
  }));
  return { languages, procedures, sample: samplePatient(sample) };
}

/**
 * Whether a procedure is done in clinic sessions, so that it can have a price: not one whose
 * every plan is home use alone (a cream at home: `home_use` and no course, no maintenance, no
 * single session).
 */
export function hasSessions(procedure) {
  const plans = (procedure.frequency?.variants ?? []).map((v) => v.plan ?? {});
  const homeOnly = (plan) => plan.home_use && !plan.initial && !plan.maintenance && !plan.single_session;
  return !(plans.length > 0 && plans.every(homeOnly));
}

/**
 * The preview's sample patient (configure/sample-patient.json, checked against the widget by
 * tests/configurator_sample.rs): a share link's fragment, opened as that patient's results,
 * and a saved-progress record (as the text the widget stores), opened at its question.
 */
function samplePatient(sample) {
  return { results: sample.results, question: JSON.stringify(sample.question) };
}

/**
 * The preview page: the build's index.html (`html`) with configure/preview.js run first, right
 * after the Content-Security-Policy (which allows it: a script of the same site).
 */
export function previewPage(html) {
  const csp = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/);
  if (!csp) throw new Error('configure-data: no Content-Security-Policy <meta> in index.html');
  const at = csp.index + csp[0].length;
  return `${html.slice(0, at)}\n    <script src="configure/preview.js"></script>${html.slice(at)}`;
}

/**
 * Copies the page into `dir` and writes `dir`/configure/data.json, `dir`/configure/theme.css
 * and `dir`/preview.html (from the finished index.html, so after the loader and the painted
 * welcome screen are in it).
 */
export function writeConfigureData(dir) {
  // The page and its folder are copied here rather than by Trunk, so index.html (a first
  // visit) carries not even the links that would ask Trunk to copy them.
  copyFileSync(new URL('../configure.html', import.meta.url), join(dir, 'configure.html'));
  // The sample patient goes in data.json; the page does not read its file.
  cpSync(fileURLToPath(new URL('../configure', import.meta.url)), join(dir, 'configure'), {
    recursive: true,
    filter: (path) => !path.endsWith('sample-patient.json'),
  });
  mkdirSync(join(dir, 'configure'), { recursive: true });
  writeFileSync(join(dir, 'configure', 'data.json'), JSON.stringify(configureData()));
  copyFileSync(new URL('../styles/theme.css', import.meta.url), join(dir, 'configure', 'theme.css'));
  writeFileSync(join(dir, 'preview.html'), previewPage(readFileSync(join(dir, 'index.html'), 'utf8')));
}

// Run alone: `node build/configure-data.mjs <build folder>`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeConfigureData(process.argv[2] ?? 'dist');
}
