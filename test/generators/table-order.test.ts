// Table creation order: dependencies first, the smallest ready name first, cycles broken at the smallest remaining name.
import fc from 'fast-check';
import { creationOrder, type OrderNode } from '../../generators/sql/table-order.js';

/** The rule as first written: rescan every remaining table at each step (quadratic, obviously right). */
function naiveOrder(nodes: readonly OrderNode[]): string[] {
  const known = new Set(nodes.map((n) => n.key));
  const pending = new Map(nodes.map((n) => [n.key, new Set(n.references.filter((r) => known.has(r) && r !== n.key))]));
  const order: string[] = [];
  while (pending.size > 0) {
    const remaining = [...pending.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const next = remaining.find((k) => pending.get(k)!.size === 0) ?? remaining[0]!;
    order.push(next);
    pending.delete(next);
    for (const deps of pending.values()) deps.delete(next);
  }
  return order;
}

test.each<[string, OrderNode[], string[]]>([
  ['no references: by name', [{ key: 'b', references: [] }, { key: 'a', references: [] }], ['a', 'b']],
  ['a reference first, even when its name sorts later', [{ key: 'a', references: ['z'] }, { key: 'z', references: [] }], ['z', 'a']],
  ['a chain', [{ key: 'a', references: ['b'] }, { key: 'b', references: ['c'] }, { key: 'c', references: [] }], ['c', 'b', 'a']],
  ['self-references and unknown tables are ignored', [{ key: 'a', references: ['a', 'nowhere'] }], ['a']],
  ['a cycle starts at the smallest name', [{ key: 'b', references: ['a'] }, { key: 'a', references: ['b'] }, { key: 'c', references: [] }], ['c', 'a', 'b']],
  ['a table freed by the last step waits for smaller ready names',
    [{ key: 'a', references: ['d'] }, { key: 'b', references: [] }, { key: 'c', references: [] }, { key: 'd', references: [] }],
    ['b', 'c', 'd', 'a']],
])('%s', (_name, nodes, expected) => {
  expect(creationOrder(nodes)).toEqual(expected);
});

test('matches the rescanning rule on random graphs, cycles included (property-based)', () => {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
  const graph = fc.uniqueArray(fc.constantFrom(...names), { minLength: 0, maxLength: names.length }).chain((keys) =>
    fc.tuple(...keys.map((key) => fc.record({ key: fc.constant(key), references: fc.array(fc.constantFrom(...names, 'missing'), { maxLength: 4 }) }))));
  fc.assert(fc.property(graph, (nodes) => {
    expect(creationOrder(nodes)).toEqual(naiveOrder(nodes));
  }), { seed: 8, numRuns: 500 });
});

test('a thousand-table chain, listed backwards, comes out in dependency order', () => {
  const nodes = Array.from({ length: 1000 }, (_, i) => ({ key: `t${String(i).padStart(4, '0')}`, references: i > 0 ? [`t${String(i - 1).padStart(4, '0')}`] : [] }));
  const order = creationOrder([...nodes].reverse());
  expect(order[0]).toBe('t0000');
  expect(order[999]).toBe('t0999');
});
