// Colour contrast for the configurator (WCAG 2.x): relative luminance, contrast ratio, the
// pairs of the widget's theme colours that must be readable, and the nearest passing colour.
// Pure functions, no DOM: the end-to-end tests import this module in Node too.

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` as [r, g, b] (0–255), or null. Alpha is ignored. */
export function parseHex(hex) {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(String(hex).trim());
  if (!m) return null;
  let digits = m[1];
  if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
}

/** [r, g, b] (0–255) as `#rrggbb`. */
export function toHex(rgb) {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of [r, g, b] (0–255). */
export function luminance([r, g, b]) {
  const channel = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours (hex strings or [r, g, b]), from 1 to 21. */
export function contrastRatio(a, b) {
  const [la, lb] = [a, b].map((c) => luminance(typeof c === 'string' ? parseHex(c) : c));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * A ratio with two decimals (`4.48:1`), never shown as reaching `minimum` when it does not
 * (4.496 against 4.5 is shown 4.49:1, not 4.50:1).
 */
export function formatRatio(ratio, minimum = Infinity) {
  let shown = Math.round(ratio * 100) / 100;
  if (ratio < minimum && shown >= minimum) shown = Math.floor(ratio * 100) / 100;
  return `${shown.toFixed(2)}:1`;
}

/** WCAG AA minimums: normal text, and large text or the boundary of a control. */
export const TEXT = 4.5;
export const LARGE_OR_CONTROL = 3;

/**
 * The colours the clinic can set (`theme.colors.<name>`), the custom property each one sets
 * (src/config/mod.rs), and the widget's defaults in its light and dark schemes
 * (styles/theme.css).
 */
export const COLORS = {
  primary: { property: '--sc-color-primary', light: '#2f6f6a', dark: '#7fd1c8' },
  on_primary: { property: '--sc-color-on-primary', light: '#ffffff', dark: '#0b1413' },
  background: { property: '--sc-color-bg', light: '#f7f5f2', dark: '#111716' },
  surface: { property: '--sc-color-surface', light: '#ffffff', dark: '#1b2321' },
  text: { property: '--sc-color-text', light: '#1d2524', dark: '#e9eeed' },
  muted: { property: '--sc-color-muted', light: '#4a5553', dark: '#b5c1bf' },
};

/**
 * The pairs the widget draws (styles/app.css): [foreground, background, minimum, what].
 * Buttons are on_primary text on primary; body text and help text are on the page background
 * and on the cards (surface); primary is also text (the "later" headings) on cards, and the
 * border of buttons and chosen options on the page.
 */
export const PAIRS = [
  ['on_primary', 'primary', TEXT, 'button text on the brand colour'],
  ['text', 'background', TEXT, 'text on the page background'],
  ['text', 'surface', TEXT, 'text on cards'],
  ['muted', 'background', TEXT, 'secondary text on the page background'],
  ['muted', 'surface', TEXT, 'secondary text on cards'],
  ['primary', 'surface', TEXT, 'brand-coloured headings on cards'],
  ['primary', 'background', LARGE_OR_CONTROL, 'button and option borders on the page background'],
];

/** `colors` (name → hex, only those set) completed with the defaults of `scheme`. */
export function effectiveColors(colors, scheme = 'light') {
  return Object.fromEntries(Object.entries(COLORS).map(([name, c]) => [name, colors[name] ?? c[scheme]]));
}

/**
 * Mixes `rgb` towards black (t < 0) or white (t > 0) by |t| (0–1), keeping its hue as far as
 * a mix does.
 */
function mix(rgb, t) {
  const target = t < 0 ? 0 : 255;
  const k = Math.abs(t);
  return rgb.map((c) => c + (target - c) * k);
}

/**
 * The colour nearest to `hex` (darker or lighter, whichever needs the smaller change) whose
 * contrast with each `[other, minimum]` passes, or null when none does.
 */
export function nearestPassing(hex, constraints) {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  const passes = (candidate) =>
    constraints.every(([other, minimum]) => contrastRatio(candidate, other) >= minimum);
  const candidates = [];
  for (const direction of [-1, 1]) {
    if (!passes(toHex(mix(rgb, direction)))) continue;
    let [lo, hi] = [0, 1];
    for (let i = 0; i < 24; i++) {
      const mid = (lo + hi) / 2;
      if (passes(toHex(mix(rgb, direction * mid)))) hi = mid;
      else lo = mid;
    }
    // Rounding to whole channels can land just short: step on until it passes.
    let t = hi;
    let out = toHex(mix(rgb, direction * t));
    while (!passes(out) && t < 1) {
      t = Math.min(1, t + 0.005);
      out = toHex(mix(rgb, direction * t));
    }
    if (passes(out)) candidates.push([t, out]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  return candidates.length ? candidates[0][1] : null;
}

/**
 * Checks the clinic's colours (name → hex, only those it set). A colour is refused when a pair
 * it is part of fails; refused colours are left out (the widget's default is used) and the
 * check is repeated until nothing more is refused, since a default may not suit a colour that
 * was kept. Returns `{ accepted, refused: { name: { ratio, minimum, with, what, suggestion } },
 * darkWarnings: [...] }`. `darkWarnings` lists pairs that fail in the dark scheme, where the
 * colours the clinic did not set take the widget's dark defaults.
 */
export function checkColors(colors) {
  const set = Object.fromEntries(Object.entries(colors).filter(([name, hex]) => name in COLORS && parseHex(hex)));
  const refused = {};
  for (;;) {
    const kept = Object.fromEntries(Object.entries(set).filter(([name]) => !(name in refused)));
    const all = effectiveColors(kept);
    let changed = false;
    for (const [fg, bg, minimum, what] of PAIRS) {
      const ratio = contrastRatio(all[fg], all[bg]);
      if (ratio >= minimum) continue;
      for (const [name, other] of [
        [fg, bg],
        [bg, fg],
      ]) {
        if (!(name in kept) || name in refused) continue;
        const constraints = PAIRS.filter(([f, b]) => f === name || b === name).map(([f, b, min]) => [
          all[f === name ? b : f],
          min,
        ]);
        refused[name] = { ratio, minimum, with: other, what, suggestion: nearestPassing(set[name], constraints) };
        changed = true;
      }
    }
    if (!changed) break;
  }
  const accepted = Object.fromEntries(Object.entries(set).filter(([name]) => !(name in refused)));
  const dark = effectiveColors(accepted, 'dark');
  const darkWarnings = Object.keys(accepted).length
    ? PAIRS.filter(([fg, bg]) => (fg in accepted) !== (bg in accepted))
        .map(([fg, bg, minimum, what]) => ({ fg, bg, minimum, what, ratio: contrastRatio(dark[fg], dark[bg]) }))
        .filter((w) => w.ratio < w.minimum)
    : [];
  return { accepted, refused, darkWarnings };
}
