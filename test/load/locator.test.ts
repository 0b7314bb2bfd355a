// Dotted spec paths to positions: list items by name (decisions by id, which may contain a dot).
import { loadSpec } from '../../src/load/load-spec.js';

const text = [
  'archc: 1',                             // 1
  'entities:',                            // 2
  '  - name: Order',                      // 3
  '    fields:',                          // 4
  '      - { name: total, type: money }', // 5
  'decisions:',                           // 6
  '  - id: consistency',                  // 7
  '    choice: strong',                   // 8
  '  - id: consistency.place-order',      // 9
  '    choice: eventual',                 // 10
  '',
].join('\n');

const locator = loadSpec('system.yaml', new TextEncoder().encode(text)).loaded!.locator;

test.each<[string, number | null, number | null]>([
  ['entities.Order.fields.total.type', 5, 30],
  ['decisions.consistency.choice', 8, 13],
  // The longest id wins: `consistency.place-order`, not `consistency` followed by a key `place-order`.
  ['decisions.consistency.place-order.choice', 10, 13],
  ['decisions.consistency.missing.choice', null, null],
  ['entities.Nobody', null, null],
])('%s', (path, line, column) => {
  const position = locator.position(path);
  expect(position === null ? [null, null] : [position.line, position.column]).toEqual([line, column]);
});

test('without dotted names, a one-part name is all that is looked up', () => {
  const plain = loadSpec('system.yaml', new TextEncoder().encode('archc: 1\nmodules:\n  - name: a\n    owner: x\n')).loaded!.locator;
  expect(plain.position('modules.a.owner')).toEqual({ line: 4, column: 12 });
  expect(plain.position('modules.a.b')).toBeNull();
});
