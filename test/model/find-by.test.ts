// findBy answers exactly what Array.prototype.find would, including after the list grows.
import fc from 'fast-check';
import { findBy } from '../../src/model/find-by.js';

test('the first match wins, a missing value is undefined', () => {
  const list = [{ name: 'a', n: 1 }, { name: 'b', n: 2 }, { name: 'a', n: 3 }];
  expect(findBy(list, 'name', 'a')).toBe(list[0]);
  expect(findBy(list, 'n', 3)).toBe(list[2]);
  expect(findBy(list, 'name', 'zz')).toBeUndefined();
  expect(findBy(list, 'name', undefined)).toBeUndefined();
});

test('a list that grew after its first lookup is re-indexed', () => {
  const list = [{ name: 'a' }];
  expect(findBy(list, 'name', 'b')).toBeUndefined();
  list.push({ name: 'b' });
  expect(findBy(list, 'name', 'b')).toBe(list[1]);
});

test('agrees with find on random lists (property-based)', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ key: fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 0, max: 3 })) }), { maxLength: 12 }),
    fc.oneof(fc.constantFrom('x', 'y', 'z', 'w'), fc.integer({ min: 0, max: 4 })),
    (list: Array<{ key: string | number }>, value: string | number) => {
      expect(findBy(list, 'key', value)).toBe(list.find((item) => item.key === value));
    },
  ), { seed: 11, numRuns: 300 });
});
