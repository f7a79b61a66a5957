// The configurator's contrast computation (configure/contrast.js), run in Node: known WCAG
// pairs, the rounding of a shown ratio, the nearest passing colour, and which colours are
// refused.

import { test, expect } from '@playwright/test';
import { checkColors, contrastRatio, formatRatio, nearestPassing, parseHex } from '../../configure/contrast.js';

test('contrast ratios of known WCAG pairs', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
  expect(contrastRatio('#ffffff', '#000')).toBeCloseTo(21, 10);
  expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.478, 3);
  expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.48:1');
  expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5); // the lightest grey that passes
  expect(contrastRatio('#949494', '#ffffff')).toBeCloseTo(3.03, 2);
  expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 1);
  expect(contrastRatio('#336699', '#336699')).toBe(1);
  // A failing ratio is never shown as reaching its minimum.
  expect(formatRatio(4.496, 4.5)).toBe('4.49:1');
  expect(formatRatio(4.496)).toBe('4.50:1');
});

test('hex colours are read in every CSS hex form and nothing else', () => {
  expect(parseHex('#fff')).toEqual([255, 255, 255]);
  expect(parseHex('#2f6f6a')).toEqual([47, 111, 106]);
  expect(parseHex('#2f6f6a80')).toEqual([47, 111, 106]);
  expect(parseHex('red')).toBeNull();
  expect(parseHex('#12345')).toBeNull();
  expect(parseHex('#fff;background:url(x)')).toBeNull();
});

test('the nearest passing colour passes and stays close', () => {
  const suggestion = nearestPassing('#7fd1c8', [['#ffffff', 4.5]])!;
  expect(contrastRatio(suggestion, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  // One step lighter no longer passes: it is the nearest along the darker side.
  const [r, g, b] = parseHex(suggestion)!;
  expect(contrastRatio([r + 2, g + 2, b + 2], '#ffffff')).toBeLessThan(4.5);
  // A light text colour on black goes lighter.
  const light = nearestPassing('#444444', [['#000000', 4.5]])!;
  expect(contrastRatio(light, '#000000')).toBeGreaterThanOrEqual(4.5);
  expect(parseHex(light)![0]).toBeGreaterThan(0x44);
});

test("the widget's own colours pass, and a too-light brand colour is refused", () => {
  expect(checkColors({})).toEqual({ accepted: {}, refused: {}, darkWarnings: [] });
  expect(checkColors({ primary: '#224466', on_primary: '#ffffff' }).refused).toEqual({});
  const { accepted, refused } = checkColors({ primary: '#ffd700', text: '#111111' });
  expect(accepted).toEqual({ text: '#111111' });
  expect(refused.primary.minimum).toBe(4.5);
  expect(refused.primary.ratio).toBeCloseTo(contrastRatio('#ffd700', '#ffffff'), 10);
  expect(contrastRatio(refused.primary.suggestion, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  // A colour refused against a default it would meet once its partner is dropped.
  const both = checkColors({ background: '#ffffff', text: '#fafafa' });
  expect(Object.keys(both.refused).sort()).toEqual(['background', 'text']);
});
