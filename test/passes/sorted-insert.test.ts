// Adding to a kept-sorted list answers exactly what appending and re-sorting (a stable sort) answered, including
// the place of items that compare equal, lists built by hand and lists edited in place since the adder returned them.
import fc from 'fast-check';
import { sortedListAdder } from '../../src/passes/sorted-insert.js';

interface Item {
  key: number;
  /** Tells apart items with the same key, so that the order of ties is checked too. */
  tag: number;
}

const byKey = (a: Item, b: Item): number => a.key - b.key;
const itemArb = fc.record({ key: fc.integer({ min: 0, max: 6 }), tag: fc.integer() });

test('adding one item at a time equals appending and sorting each time (ties after their equals)', () => {
  fc.assert(fc.property(fc.array(itemArb, { maxLength: 40 }), fc.array(itemArb, { maxLength: 5 }), (items, hand) => {
    const adder = sortedListAdder(byKey);
    let fast: Item[] = hand; // a list built by hand, in no particular order, comes first
    let reference: Item[] = hand;
    for (const item of items) {
      fast = adder.add(fast, item);
      reference = [...reference, item].sort(byKey);
      expect(fast).toEqual(reference);
    }
  }), { seed: 20_261_126, numRuns: 300 });
});

test('with a filter, equals filtering, appending and sorting', () => {
  fc.assert(fc.property(fc.array(itemArb, { maxLength: 40 }), (items) => {
    const adder = sortedListAdder(byKey);
    let fast: Item[] = [];
    let reference: Item[] = [];
    for (const item of items) {
      const keep = (existing: Item): boolean => existing.key !== item.key || existing.tag % 2 === 0;
      fast = adder.add(fast, item, keep);
      reference = [...reference.filter(keep), item].sort(byKey);
      expect(fast).toEqual(reference);
    }
  }), { seed: 20_261_127, numRuns: 300 });
});

test('a returned list edited in place is sorted from scratch', () => {
  const adder = sortedListAdder(byKey);
  let list = adder.add([], { key: 1, tag: 0 });
  list = adder.add(list, { key: 3, tag: 0 });
  list.push({ key: 0, tag: 1 }); // out of order, and the length changed
  expect(adder.add(list, { key: 2, tag: 0 }).map((i) => i.key)).toEqual([0, 1, 2, 3]);
});
