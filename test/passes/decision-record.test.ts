// The record-building helpers: exact threshold search, tipping-point direction, ordering and prose formatting.
import { compareDecisionIds, findTippingPoint, formatNumber, nextDown, smallestAtLeast } from '../../src/passes/decision.js';
import { rowsAtYear } from '../../src/passes/projection.js';
import { formatBytes } from '../../src/model/units.js';

describe('smallestAtLeast', () => {
  test('finds the smallest double reaching the target, for the very function evaluated', () => {
    const f = (x: number): number => x * 1.1 ** 3 * 0.7;
    const t = smallestAtLeast(f, 5000, Number.MIN_VALUE, false)!;
    expect(t).toBeCloseTo(5000 / (1.331 * 0.7), 9);
    expect(f(t)).toBeGreaterThanOrEqual(5000);
    expect(f(nextDown(t))).toBeLessThan(5000);
  });
  test('finds the smallest integer, the minimum when already reached, and null when unreachable', () => {
    expect(smallestAtLeast((x) => x * 3, 10, 0, true)).toBe(4);
    expect(smallestAtLeast((x) => x + 100, 10, 0, true)).toBe(0);
    expect(smallestAtLeast(() => 0, 10, 0, false)).toBeNull();
  });
});

describe('findTippingPoint', () => {
  const rule = (x: number): string => (x >= 10 ? 'high' : x >= 5 ? 'mid' : 'low');
  test('reports the nearest flip above the value', () => {
    expect(findTippingPoint({ input: 'x', value: 3, integer: true, min: 0, breakpoints: [5, 10], decideAt: rule }))
      .toEqual({ input: 'x', value: 3, threshold: 5, flipsTo: 'mid' });
    expect(findTippingPoint({ input: 'x', value: 7, integer: true, min: 0, breakpoints: [10, 5, null], decideAt: rule }))
      .toEqual({ input: 'x', value: 7, threshold: 10, flipsTo: 'high' });
  });
  test('past the last limit, reports the boundary below which the choice drops back', () => {
    expect(findTippingPoint({ input: 'x', value: 12, integer: true, min: 0, breakpoints: [5, 10], decideAt: rule }))
      .toEqual({ input: 'x', value: 12, threshold: 10, flipsTo: 'mid' });
  });
  test('no flip within the input domain: null', () => {
    expect(findTippingPoint({ input: 'x', value: 3, integer: true, min: 0, breakpoints: [0], decideAt: () => 'same' })).toBeNull();
  });
});

test('decision ids sort in catalogue order, consistency ids by flow name last', () => {
  const ids = ['consistency.b', 'deployment', 'shape', 'consistency.a', 'cache', 'tenancy'];
  expect([...ids].sort(compareDecisionIds)).toEqual(['shape', 'cache', 'tenancy', 'deployment', 'consistency.a', 'consistency.b']);
});

test('numbers and bytes format without locale', () => {
  expect(formatNumber(1234567.891)).toBe('1,234,567.89');
  expect(formatNumber(43.20000000001)).toBe('43.2');
  expect(formatNumber(5000)).toBe('5,000');
  // Decimal units everywhere, like the capacity charts: 10^12 bytes is 1 TB.
  expect(formatBytes(1_000_000_000_000)).toBe('1 TB');
  expect(formatBytes(1_099_511_627_776)).toBe('1.1 TB');
  expect(formatBytes(1500)).toBe('1.5 kB');
  expect(formatBytes(999)).toBe('999 B');
});

test('rows grow per day and are capped by retention at the larger of today and one window', () => {
  expect(rowsAtYear(100, 10, undefined, 2)).toBe(100 + 7300);
  expect(rowsAtYear(100, 10, 30, 2)).toBe(300);
  expect(rowsAtYear(5000, 10, 30, 2)).toBe(5000);
});
