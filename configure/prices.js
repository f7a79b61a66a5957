// The configurator's prices section (configure.html): optional, off until "Show prices" is
// ticked. It writes the widget's `prices` setting:
//
//   "prices": { "currency": "TRY",
//               "procedures": { "hydrafacial": { "from": 2500 }, "chemical-peel": { "from": 3000, "to": 4500 } } }
//
// with the rules the widget's reader applies, checked here as one types (by the same paths):
// the currency is an ISO 4217 code (three capital letters), `from` a number above 0 and at most
// 10,000,000, `to` optional and not below `from`; only treatments done in clinic sessions have
// a price (not a cream used at home), and only offered ones are written. A price the rules
// refuse is left out of the file, as a refused colour is.
//
// Values are kept per treatment while it is not offered, so ticking it again brings its price
// back; only the offered ones are shown and exported.

export const MIN_PRICE = 0.01;
export const MAX_PRICE = 10_000_000;

/** The currencies offered in the list; any ISO 4217 code can be typed. */
const CURRENCIES = [
  ['TRY', 'Turkish lira'],
  ['GBP', 'Pound sterling'],
  ['EUR', 'Euro'],
  ['USD', 'US dollar'],
];

const $ = (id) => document.getElementById(id);

/** Prices as typed, per procedure id: `{ from: string, to: string }` (kept while not offered). */
let typed = new Map();
/** The procedures that can have a price (configure/data.json: done in sessions). */
let priced = [];
/** Which rows are on screen (offered procedure ids), to rebuild only when that changes. */
let shownKey = null;

export function isCurrency(code) {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
}

export function isPrice(value) {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_PRICE && value <= MAX_PRICE;
}

function number(text) {
  const trimmed = String(text ?? '').trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** Whether the section is on. */
export function pricesEnabled() {
  return $('prices-enabled').checked;
}

function currency() {
  return $('prices-currency').value.trim().toUpperCase();
}

/**
 * The export's `prices`, or undefined: only with a valid currency, only offered treatments
 * done in sessions, only prices the rules accept (`to` is dropped when it is not valid).
 */
export function buildPrices(offeredIds) {
  if (!pricesEnabled() || !isCurrency(currency())) return undefined;
  const procedures = {};
  for (const p of priced) {
    if (!offeredIds.includes(p.id)) continue;
    const { from, to } = typed.get(p.id) ?? {};
    const low = number(from);
    if (!isPrice(low)) continue;
    const high = number(to);
    procedures[p.id] = isPrice(high) && high >= low ? { from: low, to: high } : { from: low };
  }
  if (!Object.keys(procedures).length) return undefined;
  return { currency: currency(), procedures };
}

/** The section's errors by the widget's paths, for what is on screen. */
export function priceErrors(offeredIds) {
  if (!pricesEnabled()) return [];
  const errors = [];
  const code = currency();
  if (!code) {
    errors.push({ path: 'prices.currency', message: 'is needed to show prices, such as TRY or GBP; no price is shown' });
  } else if (!isCurrency(code)) {
    errors.push({
      path: 'prices.currency',
      message: 'must be an ISO 4217 currency code, three capital letters such as TRY or GBP; no price is shown',
    });
  }
  for (const p of priced) {
    if (!offeredIds.includes(p.id)) continue;
    const fromInput = $(`price-${p.id}-from`);
    const toInput = $(`price-${p.id}-to`);
    const { from, to } = typed.get(p.id) ?? {};
    const low = number(from);
    const high = number(to);
    const path = `prices.procedures.${p.id}`;
    if (fromInput?.validity.badInput || (low !== undefined && !isPrice(low))) {
      errors.push({ path: `${path}.from`, message: 'must be a number from 0.01 to 10,000,000; not shown' });
    } else if (low === undefined && (high !== undefined || toInput?.validity.badInput)) {
      errors.push({ path: `${path}.from`, message: 'is needed with a "to" price; not shown' });
    }
    if (toInput?.validity.badInput || (high !== undefined && !isPrice(high))) {
      errors.push({ path: `${path}.to`, message: 'must be a number from 0.01 to 10,000,000; only "from" is shown' });
    } else if (isPrice(low) && isPrice(high) && high < low) {
      errors.push({ path: `${path}.to`, message: 'must not be below "from"; only "from" is shown' });
    }
  }
  return errors;
}

function priceInput(id, part, label, value) {
  const wrap = document.createElement('div');
  wrap.className = 'cfg-field cfg-price';
  wrap.dataset.path = `prices.procedures.${id}.${part}`;
  const labelEl = document.createElement('label');
  labelEl.htmlFor = `price-${id}-${part}`;
  labelEl.textContent = label;
  const input = document.createElement('input');
  input.id = `price-${id}-${part}`;
  input.type = 'number';
  input.min = '0';
  input.max = String(MAX_PRICE);
  input.step = 'any';
  input.inputMode = 'decimal';
  input.value = value ?? '';
  input.addEventListener('input', () => {
    typed.set(id, { ...(typed.get(id) ?? {}), [part]: input.value });
  });
  wrap.append(labelEl, input);
  return wrap;
}

/** Shows one row per offered treatment that can have a price (rebuilt only when they change). */
export function renderPriceRows(offeredIds) {
  $('cfg-prices-body').hidden = !pricesEnabled();
  const rows = priced.filter((p) => offeredIds.includes(p.id));
  const key = rows.map((p) => p.id).join(',');
  if (key === shownKey) return;
  shownKey = key;
  const container = $('cfg-price-rows');
  container.replaceChildren(
    ...rows.map((p) => {
      const set = document.createElement('fieldset');
      set.className = 'cfg-price-row';
      set.dataset.path = `prices.procedures.${p.id}`;
      const legend = document.createElement('legend');
      legend.textContent = p.name.en ?? p.id;
      const { from, to } = typed.get(p.id) ?? {};
      set.append(
        legend,
        priceInput(p.id, 'from', 'From (a session)', from),
        priceInput(p.id, 'to', 'To (optional)', to),
      );
      return set;
    }),
  );
  if (!rows.length) {
    const none = document.createElement('p');
    none.className = 'cfg-hint';
    none.textContent = 'None of the treatments offered is done in clinic sessions.';
    container.append(none);
  }
}

/** Builds the currency list and keeps the typed code in capitals. */
export function setUpPrices(procedures) {
  priced = procedures.filter((p) => p.sessions);
  const list = $('cfg-currencies');
  for (const [code, name] of CURRENCIES) {
    const option = document.createElement('option');
    option.value = code;
    option.label = name;
    list.append(option);
  }
  const input = $('prices-currency');
  input.addEventListener('input', () => {
    const upper = input.value.toUpperCase();
    if (upper !== input.value) {
      const at = input.selectionStart;
      input.value = upper;
      input.setSelectionRange(at, at);
    }
  });
}

/**
 * Fills the section from an opened file's `prices` (`doc`), leaving out what the rules or the
 * widget's reader (`refused(path)`) refuse. Returns the lines for the import report of what
 * this page refused itself ([{path, message}]).
 */
export function importPrices(prices, refused) {
  typed = new Map();
  shownKey = null;
  const problems = [];
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);
  $('prices-enabled').checked = isObject(prices);
  $('prices-currency').value = '';
  if (!isObject(prices)) return problems;
  const code = prices.currency;
  if (isCurrency(code) && !refused('prices.currency')) $('prices-currency').value = code;
  else if (code !== undefined && !isCurrency(code)) {
    problems.push({ path: 'prices.currency', message: 'must be an ISO 4217 currency code, three capital letters such as TRY' });
  }
  if (!isObject(prices.procedures)) return problems;
  for (const [id, price] of Object.entries(prices.procedures)) {
    const path = `prices.procedures.${id}`;
    if (!priced.some((p) => p.id === id)) {
      problems.push({ path, message: 'names no treatment done in clinic sessions; not loaded' });
    } else if (!isObject(price) || !isPrice(price.from) || refused(`${path}.from`)) {
      problems.push({ path: `${path}.from`, message: 'must be a number from 0.01 to 10,000,000; not loaded' });
    } else {
      const keepTo = price.to !== undefined && isPrice(price.to) && price.to >= price.from && !refused(`${path}.to`);
      if (price.to !== undefined && !keepTo) problems.push({ path: `${path}.to`, message: 'must be a number not below "from"; not loaded' });
      typed.set(id, { from: String(price.from), to: keepTo ? String(price.to) : '' });
    }
  }
  return problems;
}
