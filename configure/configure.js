// The configurator page (configure.html): a form that writes the widget's clinic.json, with a
// live preview. Static and private: nothing is sent anywhere; the file is made in the browser.
//
// Validation is the widget's own: the preview frame (preview.html, the widget's own page with
// configure/preview.js first, same origin) reads every draft with the widget's configuration
// reader, whose errors by path (`clinic.booking_url`, `languages.offered[2]`, ...) are shown
// next to the fields.
// Colour contrast is checked here (contrast.js), since the reader only checks the format;
// prices (prices.js) are checked here too, by the rules and paths of the widget's reader.
//
// Text from a file or a field is only ever put into the page as text (textContent, value):
// never as markup.

import { COLORS, checkColors, formatRatio, parseHex, toHex } from './contrast.js';
import { buildPrices, importPrices, priceErrors, renderPriceRows, setUpPrices } from './prices.js';

const MAX_CONFIG_LEN = 64 * 1024;
const DEBOUNCE_MS = 300;

const $ = (id) => document.getElementById(id);
const form = $('cfg-form');
const frame = $('cfg-frame');

/** Text fields: path → element. */
const TEXT_FIELDS = [
  'clinic.name',
  'clinic.logo',
  'clinic.phone',
  'clinic.whatsapp',
  'clinic.email',
  'clinic.booking_url',
  'theme.font_family',
  'kiosk.exit_code',
  'emergency.country',
  'emergency.emergency',
  'emergency.urgent',
  'emergency.crisis',
  'emergency.crisis_name',
];

const COLOR_LABELS = {
  primary: 'Brand colour (buttons, borders, headings)',
  on_primary: 'Text on the brand colour',
  background: 'Page background',
  surface: 'Cards',
  text: 'Text',
  muted: 'Secondary text',
};

/** Settings the form has no field for, kept from an opened file when the widget accepts them. */
let passThrough = {};
/** The catalog's procedures, the widget's languages and the sample patient (configure/data.json). */
let data = { languages: [], procedures: [], sample: null };
/** Display names as typed, per procedure id and language (kept while a treatment is not offered). */
let names = new Map();
/** Errors by path: from the widget's reader (for the current draft) and from this page. */
let widgetErrors = [];
let shownJson = null;

const field = (path) => form.elements.namedItem(path);

// ---- reading the form into a configuration ---------------------------------------------

/** Keys that are never set or read by path: a file could name them to reach prototypes. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function set(object, path, value) {
  const keys = path.split('.');
  if (keys.some((key) => UNSAFE_KEYS.has(key))) return;
  let at = object;
  for (const key of keys.slice(0, -1)) at = Object.hasOwn(at, key) ? at[key] : (at[key] = {});
  at[keys.at(-1)] = value;
}

/** The value at `path` in `object` (own members of plain objects only). */
function get(object, path) {
  return path
    .split('.')
    .reduce(
      (at, key) => (at && typeof at === 'object' && !Array.isArray(at) && Object.hasOwn(at, key) ? at[key] : undefined),
      object,
    );
}

function checkedValues(container) {
  return [...container.querySelectorAll('input[type=checkbox]')].filter((c) => c.checked).map((c) => c.value);
}

/** The languages offered (all of them when none is ticked, as the widget does). */
function offeredLanguages() {
  const offered = checkedValues($('cfg-languages'));
  return offered.length ? offered : data.languages.map((l) => l.code);
}

/** The treatments offered (all of them when none is ticked). */
function offeredProcedures() {
  const offered = checkedValues($('cfg-procedures'));
  return offered.length ? offered : data.procedures.map((p) => p.id);
}

/** `procedures.names`: the names typed for offered treatments in offered languages. */
function chosenNames() {
  const languages = offeredLanguages();
  const chosen = {};
  for (const id of offeredProcedures()) {
    const byLang = {};
    for (const lang of languages) {
      const name = names.get(id)?.[lang]?.trim();
      if (name) byLang[lang] = name;
    }
    if (Object.keys(byLang).length) chosen[id] = byLang;
  }
  return chosen;
}

function chosenColors() {
  const colors = {};
  for (const name of Object.keys(COLORS)) {
    if (!$(`color-${name}-default`).checked) colors[name] = $(`color-${name}`).value;
  }
  return colors;
}

/** The configuration the form describes, as the object to export. */
function buildConfig() {
  const config = {};
  for (const path of TEXT_FIELDS) {
    const value = field(path).value.trim();
    if (value) set(config, path, value);
  }
  const { accepted } = checkColors(chosenColors());
  if (Object.keys(accepted).length) set(config, 'theme.colors', accepted);
  const offered = checkedValues($('cfg-languages'));
  if (offered.length !== data.languages.length) set(config, 'languages.offered', offered);
  if (field('languages.default').value) set(config, 'languages.default', field('languages.default').value);
  const procedures = checkedValues($('cfg-procedures'));
  if (procedures.length !== data.procedures.length) set(config, 'procedures.offered', procedures);
  const chosen = chosenNames();
  if (Object.keys(chosen).length) set(config, 'procedures.names', chosen);
  if (field('procedures.name_prescription_medicines').checked) set(config, 'procedures.name_prescription_medicines', true);
  const prices = buildPrices(offeredProcedures());
  if (prices) config.prices = prices;
  if (field('kiosk.enabled').checked) set(config, 'kiosk.enabled', true);
  const idle = field('kiosk.idle_seconds').value.trim();
  if (idle) set(config, 'kiosk.idle_seconds', Number.isFinite(Number(idle)) ? Number(idle) : idle);
  const origins = field('embed.parent_origins')
    .value.split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (origins.length) set(config, 'embed.parent_origins', origins);
  if (field('embed.events_include_answers').checked) set(config, 'embed.events_include_answers', true);
  for (const [path, value] of Object.entries(passThrough)) set(config, path, value);
  // Sections in the order a reader expects them.
  const order = ['clinic', 'theme', 'languages', 'procedures', 'prices', 'emergency', 'disclaimer', 'kiosk', 'embed', 'catalog', 'debug'];
  return Object.fromEntries(order.filter((key) => key in config).map((key) => [key, config[key]]));
}

// ---- errors next to the fields -----------------------------------------------------------

/** The field element (a `[data-path]` wrapper) that shows errors for `path`, if any. */
function fieldFor(path) {
  let at = path.replace(/\[\d+\]$/, '');
  while (at) {
    const found = form.querySelector(`[data-path="${CSS.escape(at)}"]`);
    if (found) return found;
    at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '';
  }
  return null;
}

function describedBy(control, id, on) {
  const ids = new Set((control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) control.setAttribute('aria-describedby', [...ids].join(' '));
  else control.removeAttribute('aria-describedby');
}

/** Shows `errors` ([{path, message, suggestion?}]) next to their fields, the rest at the top. */
function showErrors(errors) {
  for (const old of form.querySelectorAll('.cfg-error')) {
    const wrapper = old.closest('[data-path]');
    for (const control of wrapper?.querySelectorAll('input, select, textarea') ?? []) {
      control.removeAttribute('aria-invalid');
      describedBy(control, old.id, false);
    }
    old.remove();
  }
  const general = $('cfg-general');
  general.replaceChildren();
  const byField = new Map();
  const unplaced = [];
  for (const error of errors) {
    const wrapper = fieldFor(error.path);
    if (wrapper) byField.set(wrapper, [...(byField.get(wrapper) ?? []), error]);
    else unplaced.push(error);
  }
  let n = 0;
  for (const [wrapper, list] of byField) {
    const box = document.createElement('div');
    box.className = 'cfg-error';
    box.id = `cfg-error-${n++}`;
    for (const error of list) {
      const line = document.createElement('p');
      line.dataset.errorPath = error.path;
      line.textContent = `${error.path}: ${error.message}`;
      box.append(line);
      if (error.suggestion) {
        const use = document.createElement('button');
        use.type = 'button';
        use.className = 'cfg-button cfg-secondary';
        use.textContent = `Use ${error.suggestion}`;
        use.addEventListener('click', () => error.apply());
        box.append(use);
      }
    }
    const controls = [...wrapper.querySelectorAll('input:not([type=radio]), select, textarea')];
    controls[0]?.setAttribute('aria-invalid', 'true');
    for (const control of controls) describedBy(control, box.id, true);
    // After the label and hint, before nothing else: next to the field.
    wrapper.append(box);
  }
  if (unplaced.length) {
    const title = document.createElement('p');
    title.textContent = 'The widget would not use these settings:';
    const list = document.createElement('ul');
    for (const error of unplaced) {
      const item = document.createElement('li');
      item.dataset.errorPath = error.path;
      item.textContent = `${error.path}: ${error.message}`;
      list.append(item);
    }
    general.append(title, list);
  }
}

/** Contrast errors for the chosen colours, and the dark-scheme warnings. */
function colorErrors() {
  const { refused, darkWarnings } = checkColors(chosenColors());
  const errors = Object.entries(refused).map(([name, r]) => ({
    path: `theme.colors.${name}`,
    message: `contrast ${formatRatio(r.ratio, r.minimum)} with ${r.with.replace('_', ' ')} (${r.what}) is below ${r.minimum}:1; not used${
      r.suggestion ? `. Nearest colour that passes: ${r.suggestion}` : ''
    }`,
    suggestion: r.suggestion,
    apply: () => {
      $(`color-${name}`).value = r.suggestion;
      changed();
    },
  }));
  const warnings = $('cfg-dark-warnings');
  warnings.replaceChildren();
  if (darkWarnings.length) {
    const p = document.createElement('p');
    p.textContent = `In dark mode the widget's dark colours fill in the ones you left on default: ${darkWarnings
      .map((w) => `${w.fg.replace('_', ' ')} on ${w.bg.replace('_', ' ')} ${formatRatio(w.ratio, w.minimum)}`)
      .join(', ')}. Set background, cards and text too to use your colours in both.`;
    warnings.append(p);
  }
  return errors;
}

/** What the widget accepts but would not do as the form seems to mean. */
function languageErrors() {
  const offered = checkedValues($('cfg-languages'));
  const start = field('languages.default').value;
  const errors = [];
  if (offered.length === 0) {
    errors.push({ path: 'languages.offered', message: 'tick at least one language; as it is, every language is offered' });
  } else if (start && !offered.includes(start)) {
    errors.push({
      path: 'languages.default',
      message: "is not among the offered languages; the patient's browser language or the first offered one is used",
    });
  }
  return errors;
}

function refreshErrors() {
  const own = [...colorErrors(), ...languageErrors(), ...priceErrors(offeredProcedures())];
  // Where this page already says what is wrong with a setting, the reader's word on it is the same.
  const said = new Set(own.map((e) => e.path));
  showErrors([...own, ...widgetErrors.filter((e) => !said.has(e.path))]);
}

// ---- the preview frame ------------------------------------------------------------------
//
// The draft goes to the preview through sessionStorage (this tab, this site only) and a
// reload of the frame; there configure/preview.js makes it the page's configuration, which
// the widget reads with its own reader, and keeps the reader's problems, which this page reads
// (same origin) once the widget has appeared.
//
// The screen shown goes the same way, in the widget's own formats, so the widget needs no
// preview mode: the sample patient's share link (its fragment, which the widget opens as that
// patient's results) or a saved-progress record at the first question (put in the frame's own
// storage). configure/sample-patient.json holds both; tests/configurator_sample.rs checks that
// the widget reads them.

const DRAFT_KEY = 'skin-consult:preview-config';
const SCREEN_KEY = 'skin-consult:preview-screen';

/** What the form wants in the preview (the export, in the preview's language, on a screen). */
let desired = { json: '{}', lang: '', screen: 'welcome' };
/** The draft the frame is loading or showing, and what it is for. */
let inFrame = null;
let pendingImport = null;
let watching = null;

function previewLang() {
  return $('preview-lang').value;
}

/** The draft for the preview: the export, starting in the preview's language. */
function previewDraft() {
  if (pendingImport) return { json: pendingImport.text, screen: 'welcome', import: pendingImport };
  const config = JSON.parse(desired.json);
  if (desired.lang) config.languages = { ...config.languages, default: desired.lang };
  return { json: JSON.stringify(config), screen: desired.screen, export: desired.json };
}

/** What configure/preview.js gives the widget to open `screen` with. */
function screenStart(screen) {
  if (screen === 'results' && data.sample?.results) return { fragment: data.sample.results };
  if (screen === 'question' && data.sample?.question) return { progress: data.sample.question };
  return {};
}

/** Loads the draft into the preview unless it already shows it. */
function sendWanted() {
  const draft = previewDraft();
  if (inFrame && inFrame.json === draft.json && inFrame.screen === draft.screen) {
    if (inFrame.done && draft.import) {
      // The frame already shows exactly this text: its verdict stands.
      pendingImport = null;
      applyImport(draft.import.doc, inFrame.errors, draft.import.name);
    } else if (inFrame.done) {
      if (inFrame.export !== undefined) {
        // Back to what the frame shows (e.g. a change undone): its verdict again.
        widgetErrors = inFrame.errors;
        shownJson = inFrame.export;
        refreshErrors();
      }
      form.dataset.checked = 'true';
    }
    return;
  }
  inFrame = draft;
  try {
    sessionStorage.setItem(DRAFT_KEY, draft.json);
    sessionStorage.setItem(SCREEN_KEY, JSON.stringify(screenStart(draft.screen)));
  } catch {
    $('cfg-preview-status').textContent = 'The preview cannot be updated: this browser keeps no session storage for this page.';
    return;
  }
  $('cfg-preview-status').textContent = 'Updating the preview…';
  form.dataset.checked = 'false';
  watching?.disconnect();
  watching = null;
  if (frame.getAttribute('src')) frame.contentWindow.location.reload();
  else frame.src = frame.dataset.src;
}

/** The problems the widget's reader found in the draft (kept by configure/preview.js). */
function readErrors() {
  const found = frame.contentWindow?.skinConsultPreviewErrors;
  if (!Array.isArray(found)) return [];
  return found
    .filter((e) => e && typeof e.path === 'string' && typeof e.message === 'string')
    .map(({ path, message }) => ({ path, message }));
}

function rendered(draft) {
  const errors = readErrors();
  draft.done = true;
  draft.errors = errors;
  if (draft.import) {
    if (pendingImport === draft.import) {
      pendingImport = null;
      applyImport(draft.import.doc, errors, draft.import.name);
    }
    sendWanted();
    return;
  }
  if (draft.export === desired.json) {
    widgetErrors = errors;
    shownJson = draft.export;
    refreshErrors();
    $('cfg-preview-status').textContent = errors.length
      ? `Preview updated; the widget reports ${errors.length} problem${errors.length === 1 ? '' : 's'}.`
      : 'Preview updated.';
    form.dataset.checked = 'true';
  }
  sendWanted();
}

frame.addEventListener('load', () => {
  watching?.disconnect();
  watching = null;
  const draft = inFrame;
  const doc = frame.contentDocument;
  if (!draft || !doc) return;
  // The widget appears once its module has started (and has taken down the welcome screen
  // painted before it, build/prepaint.mjs): watch for it.
  const check = () => {
    const ready = doc.querySelector('.sc-app') && !doc.querySelector('[data-sc-prepaint]');
    if (!ready || draft !== inFrame) return false;
    watching?.disconnect();
    watching = null;
    rendered(draft);
    return true;
  };
  if (check()) return;
  watching = new MutationObserver(check);
  watching.observe(doc.documentElement, { childList: true, subtree: true });
});

// ---- keeping everything in step ---------------------------------------------------------

let timer;
function changed(event) {
  // A new starting language is what the preview shows next.
  if (event?.target === field('languages.default') && field('languages.default').value) {
    $('preview-lang').value = field('languages.default').value;
  }
  form.dataset.checked = 'false';
  updateNow();
  clearTimeout(timer);
  timer = setTimeout(() => sendWanted(), DEBOUNCE_MS);
}

/** Recomputes the export, the snippets and the colour errors (not the widget's errors). */
function updateNow() {
  renderNameRows();
  renderPriceRows(offeredProcedures());
  const config = buildConfig();
  desired = { json: JSON.stringify(config, null, 2), lang: previewLang(), screen: $('preview-screen').value };
  $('cfg-json').textContent = desired.json;
  if (shownJson !== desired.json) {
    // The widget's verdict was for an older draft: keep the errors of fields not touched since.
    widgetErrors = widgetErrors.filter((e) => {
      const value = get(JSON.parse(desired.json), e.path.replace(/\[\d+\]$/, ''));
      const before = shownJson === null ? undefined : get(JSON.parse(shownJson), e.path.replace(/\[\d+\]$/, ''));
      return JSON.stringify(value) === JSON.stringify(before);
    });
  }
  refreshErrors();
  updatePreviewLanguages();
  updateSnippets();
}

function updatePreviewLanguages() {
  const select = $('preview-lang');
  const offered = checkedValues($('cfg-languages'));
  const languages = data.languages.filter((l) => offered.length === 0 || offered.includes(l.code));
  const wanted = select.value || field('languages.default').value;
  const codes = languages.map((l) => l.code).join(',');
  if (select.dataset.codes !== codes) {
    select.replaceChildren(
      ...languages.map((l) => {
        const option = document.createElement('option');
        option.value = l.code;
        option.lang = l.code;
        option.textContent = l.name;
        return option;
      }),
    );
    select.dataset.codes = codes;
  }
  if (languages.some((l) => l.code === wanted)) select.value = wanted;
  desired.lang = select.value;
}

function folder() {
  let path = $('cfg-folder').value.trim() || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path += '/';
  return path;
}

function updateSnippets() {
  const base = folder();
  const iframe = form.elements.namedItem('mode').value !== 'direct';
  const origins = field('embed.parent_origins')
    .value.split('\n')
    .map((l) => l.trim())
    .filter((l) => /^https:\/\/[A-Za-z0-9.:-]+$/.test(l));
  if (iframe) {
    $('cfg-snippet').value =
      `<iframe data-skin-consult src="${base}index.html" title="Skin consultation" class="consult-frame"></iframe>\n` +
      `<script src="${base}skin-consult-embed.js" defer></script>`;
    $('cfg-snippet-hint').textContent =
      `Put clinic.json in ${base} and name it on the widget's own page: in ${base}index.html, add data-config-url="clinic.json" ` +
      'to <main id="skin-consult" …> (then run node pwa/precache.mjs on the folder so installed tablets notice). ' +
      'Give .consult-frame display:block; width:100%; border:0 in your stylesheet.';
  } else {
    $('cfg-snippet').value =
      `<div id="skin-consult" data-config-url="${base}clinic.json"></div>\n` +
      `<script type="module" src="${base}skin-consult-loader.js"></script>`;
    $('cfg-snippet-hint').textContent = `Put clinic.json in ${base}. The page needs a policy at least as open as the header below.`;
  }
  const policy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
  $('cfg-csp').value = `Content-Security-Policy: ${policy}${iframe ? `; frame-ancestors 'self'${origins.map((o) => ` ${o}`).join('')}` : ''}`;
}

// ---- building the form ------------------------------------------------------------------

function checkbox(container, name, value, text, lang, checked = true) {
  const row = document.createElement('div');
  row.className = 'cfg-check';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = `${name}-${value}`;
  input.name = name;
  input.value = value;
  input.checked = checked;
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.textContent = text;
  if (lang) label.lang = lang;
  row.append(input, label);
  container.append(row);
}

function buildColorRows() {
  const rows = $('cfg-color-rows');
  for (const [name, color] of Object.entries(COLORS)) {
    const row = document.createElement('div');
    row.className = 'cfg-field cfg-color';
    row.dataset.path = `theme.colors.${name}`;
    const label = document.createElement('label');
    label.htmlFor = `color-${name}`;
    label.textContent = COLOR_LABELS[name];
    const input = document.createElement('input');
    input.type = 'color';
    input.id = `color-${name}`;
    input.name = `theme.colors.${name}`;
    input.value = color.light;
    const keep = document.createElement('input');
    keep.type = 'checkbox';
    keep.id = `color-${name}-default`;
    keep.checked = true;
    const keepLabel = document.createElement('label');
    keepLabel.htmlFor = keep.id;
    keepLabel.textContent = 'default';
    input.addEventListener('input', () => {
      keep.checked = false;
    });
    keep.addEventListener('change', () => {
      if (keep.checked) input.value = color.light;
    });
    const line = document.createElement('div');
    line.className = 'cfg-color-line';
    const keepBox = document.createElement('span');
    keepBox.className = 'cfg-check';
    keepBox.append(keep, keepLabel);
    line.append(input, keepBox);
    row.append(label, line);
    rows.append(row);
  }
}

function buildChoices() {
  for (const l of data.languages) checkbox($('cfg-languages'), 'languages.offered', l.code, l.name, l.code);
  const select = field('languages.default');
  for (const l of data.languages) {
    const option = document.createElement('option');
    option.value = l.code;
    option.lang = l.code;
    option.textContent = l.name;
    select.append(option);
  }
  for (const p of data.procedures) checkbox($('cfg-procedures'), 'procedures.offered', p.id, p.name.en ?? p.id);
}

/** Which name rows are on screen (treatments and languages), to rebuild only when that changes. */
let namesKey = null;

/** One row per offered treatment, with a name field per offered language. */
function renderNameRows() {
  const languages = data.languages.filter((l) => offeredLanguages().includes(l.code));
  const procedures = data.procedures.filter((p) => offeredProcedures().includes(p.id));
  const key = `${procedures.map((p) => p.id).join(',')}|${languages.map((l) => l.code).join(',')}`;
  if (key === namesKey) return;
  namesKey = key;
  $('cfg-names').replaceChildren(
    ...procedures.map((p) => {
      const set = document.createElement('fieldset');
      set.className = 'cfg-name-row';
      set.dataset.path = `procedures.names.${p.id}`;
      const legend = document.createElement('legend');
      legend.textContent = p.name.en ?? p.id;
      set.append(legend);
      for (const l of languages) {
        const wrap = document.createElement('div');
        wrap.className = 'cfg-field';
        wrap.dataset.path = `procedures.names.${p.id}.${l.code}`;
        const label = document.createElement('label');
        label.htmlFor = `name-${p.id}-${l.code}`;
        label.textContent = l.name;
        label.lang = l.code;
        const input = document.createElement('input');
        input.type = 'text';
        input.id = `name-${p.id}-${l.code}`;
        input.lang = l.code;
        input.maxLength = 200;
        input.value = names.get(p.id)?.[l.code] ?? '';
        input.addEventListener('input', () => {
          names.set(p.id, { ...(names.get(p.id) ?? {}), [l.code]: input.value });
        });
        wrap.append(label, input);
        set.append(wrap);
      }
      return set;
    }),
  );
}

// ---- opening a clinic.json --------------------------------------------------------------

/** Whether the widget's error at `errorPath` concerns the setting at `path`. */
function concerns(errorPath, path) {
  return (
    errorPath === path ||
    errorPath.startsWith(`${path}.`) ||
    errorPath.startsWith(`${path}[`) ||
    path.startsWith(`${errorPath}.`) ||
    errorPath === '(document)'
  );
}

function report(lines, name) {
  const box = $('cfg-import-report');
  box.replaceChildren();
  const title = document.createElement('p');
  title.textContent = lines.length
    ? `Not loaded from ${name} (the widget would not use them); everything else was loaded:`
    : `${name} was loaded.`;
  box.append(title);
  if (lines.length) {
    const list = document.createElement('ul');
    for (const { path, message } of lines) {
      const item = document.createElement('li');
      item.dataset.errorPath = path;
      item.textContent = `${path}: ${message}`;
      list.append(item);
    }
    box.append(list);
  }
}

/** Fills the form from `doc`, leaving out every setting the widget's reader refused. */
function applyImport(doc, errors, name) {
  // The widget would read nothing of it (not JSON to its reader, too deep, too large).
  if (errors.some((e) => e.path === '(document)')) {
    report(errors, name);
    return;
  }
  const refused = (path) => errors.some((e) => concerns(e.path, path));
  // Prices are held to this page's rules, which are the reader's, and to the reader's word.
  const priceProblems = importPrices(get(doc, 'prices'), refused);
  report([...errors, ...priceProblems.filter((p) => !errors.some((e) => e.path === p.path))], name);
  const usable = (path, type) => {
    const value = get(doc, path);
    return value !== undefined && !refused(path) && typeof value === type ? value : undefined;
  };
  for (const path of TEXT_FIELDS) field(path).value = usable(path, 'string') ?? '';
  for (const name of Object.keys(COLORS)) {
    const rgb = parseHex(usable(`theme.colors.${name}`, 'string') ?? '');
    $(`color-${name}-default`).checked = !rgb;
    $(`color-${name}`).value = rgb ? toHex(rgb) : COLORS[name].light;
  }
  const list = (path) => {
    const value = get(doc, path);
    if (!Array.isArray(value) || errors.some((e) => e.path === path || path.startsWith(`${e.path}.`) || e.path === '(document)')) return null;
    return value.filter((item, i) => typeof item === 'string' && !errors.some((e) => e.path === `${path}[${i}]`));
  };
  const languages = list('languages.offered');
  for (const box of $('cfg-languages').querySelectorAll('input')) box.checked = !languages || languages.includes(box.value);
  const defaultLang = usable('languages.default', 'string');
  field('languages.default').value = data.languages.some((l) => l.code === defaultLang) ? defaultLang : '';
  const procedures = list('procedures.offered');
  for (const box of $('cfg-procedures').querySelectorAll('input')) box.checked = !procedures || procedures.includes(box.value);
  // Names: a text for every language, or one per language code.
  names = new Map();
  namesKey = null;
  const docNames = get(doc, 'procedures.names');
  for (const p of data.procedures) {
    const path = `procedures.names.${p.id}`;
    const value = docNames && typeof docNames === 'object' && Object.hasOwn(docNames, p.id) ? docNames[p.id] : undefined;
    // Refused as a whole (an error at it or above it; an error in one language drops that one).
    if (value === undefined || errors.some((e) => e.path === path || path.startsWith(`${e.path}.`))) continue;
    const byLang = {};
    for (const l of data.languages) {
      const text = typeof value === 'string' ? value : value && typeof value === 'object' && Object.hasOwn(value, l.code) ? value[l.code] : undefined;
      if (typeof text === 'string' && text.trim() && !refused(`${path}.${l.code}`)) byLang[l.code] = text.trim();
    }
    if (Object.keys(byLang).length) names.set(p.id, byLang);
  }
  field('procedures.name_prescription_medicines').checked = usable('procedures.name_prescription_medicines', 'boolean') ?? false;
  field('kiosk.enabled').checked = usable('kiosk.enabled', 'boolean') ?? false;
  field('kiosk.idle_seconds').value = usable('kiosk.idle_seconds', 'number') ?? '';
  field('embed.parent_origins').value = (list('embed.parent_origins') ?? []).join('\n');
  field('embed.events_include_answers').checked = usable('embed.events_include_answers', 'boolean') ?? false;
  // Settings without a field are kept as they were, where the widget accepted them.
  passThrough = {};
  const keep = (path) => {
    const value = get(doc, path);
    if (value !== undefined && value !== null && !refused(path)) passThrough[path] = value;
  };
  keep('disclaimer');
  keep('debug');
  const overrides = get(doc, 'catalog.procedures');
  if (overrides && typeof overrides === 'object' && !Array.isArray(overrides)) {
    for (const id of Object.keys(overrides)) keep(`catalog.procedures.${id}`);
  }
  // Keys from a file may contain dots; only plain ones can be kept by path.
  for (const path of Object.keys(passThrough)) if (path.split('.').some((k) => !k)) delete passThrough[path];
  changed();
}

async function openFile(file) {
  const name = file.name || 'the file';
  if (file.size > MAX_CONFIG_LEN) {
    report([{ path: '(document)', message: `is larger than ${MAX_CONFIG_LEN} bytes (${file.size}); the widget would not read it. Nothing was loaded.` }], name);
    return;
  }
  const text = await file.text();
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    report([{ path: '(document)', message: 'is not valid JSON. Nothing was loaded.' }], name);
    return;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    report([{ path: '(document)', message: 'must be an object. Nothing was loaded.' }], name);
    return;
  }
  // The widget's own reader decides what is usable: the file goes to the preview first.
  pendingImport = { text, doc, name };
  $('cfg-import-report').textContent = `Checking ${name}…`;
  sendWanted();
}

// ---- start ------------------------------------------------------------------------------

async function start() {
  buildColorRows();
  try {
    const response = await fetch(new URL('data.json', import.meta.url), { mode: 'same-origin' });
    data = await response.json();
  } catch {
    $('cfg-general').textContent = 'The list of treatments could not be read; reload the page.';
  }
  buildChoices();
  setUpPrices(data.procedures);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => event.preventDefault());
  $('preview-lang').addEventListener('change', changed);
  $('preview-screen').addEventListener('change', changed);
  $('cfg-folder').addEventListener('input', updateSnippets);
  for (const radio of document.querySelectorAll('input[name=width]')) {
    radio.addEventListener('change', () => {
      frame.dataset.width = radio.value;
    });
  }
  $('cfg-import').addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) openFile(file);
    event.target.value = '';
  });
  $('cfg-download').addEventListener('click', () => {
    const blob = new Blob([`${desired.json}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'clinic.json';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const text = $(button.dataset.copy).value;
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        $(button.dataset.copy).select();
      }
    });
  }
  updateNow();
  document.documentElement.dataset.ready = 'true';
  sendWanted();
}

start();
