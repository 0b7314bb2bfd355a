// Semantic checks in-process, on variants of the book-club spec: what must be accepted as well as what must
// be refused, and that results do not depend on the order lists are written in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../../src/load/load-spec.js';
import { locateDiagnostic } from '../../src/diagnostics/format.js';
import { validateSpec } from '../../src/validate/validate-spec.js';
import { findCycles } from '../../src/validate/checks/dependency-cycle.check.js';

const base = readFileSync(join(process.cwd(), 'test', 'fixtures', 'valid', 'book-club.yaml'), 'utf8');

function variant(...edits: Array<[string, string]>): string {
  let text = base;
  for (const [from, to] of edits) {
    if (text.split(from).length !== 2) throw new Error(`edit target must occur once: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** `CODE@line:col message` for every diagnostic, in output order. */
function check(text: string): string[] {
  const load = loadSpec('spec.yaml', new TextEncoder().encode(text));
  if (!load.loaded) throw new Error(`does not load: ${load.diagnostics.map((d) => d.message).join('; ')}`);
  const sources = new Map([['spec.yaml', load.loaded.text]]);
  return validateSpec(load.loaded).diagnostics.map((d) => {
    const at = locateDiagnostic(d, sources);
    return `${d.code}@${at.line}:${at.column} ${d.message}`;
  });
}

const codes = (text: string): string[] => check(text).map((line) => line.slice(0, 7));

test('the base spec is clean', () => {
  expect(check(base)).toEqual([]);
});

describe('references', () => {
  test('a ref field named tenant that points to Tenant is the tenant column, not a collision', () => {
    const text = variant(
      ['  - name: lending\n', '  - name: accounts\n  - name: lending\n'],
      ['flows:\n', '  - name: Tenant\n    module: accounts\n    fields:\n      - { name: id, type: uuid, key: true }\nflows:\n'],
      ['      - { name: due_on, type: date }\n', '      - { name: due_on, type: date }\n      - { name: tenant, type: ref, to: Tenant }\n'],
    );
    expect(check(text)).toEqual([]);
  });

  test('a module pg (no underscore) and a module named like pg words are fine; pg-x is not', () => {
    expect(codes(variant(['  - name: lending\n', '  - name: pg\n  - name: pgadmin\n  - name: lending\n']))).toEqual([]);
    expect(check(variant(['  - name: lending\n', '  - name: pg-x\n  - name: lending\n']))).toEqual([
      expect.stringMatching(/^ARC0311@24:11 modules\.pg-x: "pg-x" is reserved: the module's schema would be pg_x/),
    ]);
  });

  test('the actor may be a module or an integration as well as a role', () => {
    expect(codes(variant(['    actor: member\n', '    actor: lending\n']))).toEqual([]);
    expect(codes(`${variant(['    actor: member\n', '    actor: scanner\n'])}integrations:\n  - { name: scanner, kind: other, direction: inbound }\n`)).toEqual([]);
  });

  test('an unknown touched entity is not also reported as written-but-not-touched', () => {
    expect(codes(variant(['    writes: [Loan]\n', '    writes: [Loan, Fine]\n']))).toEqual(['ARC0302']);
  });

  test('suggestions are offered only for close names', () => {
    expect(check(variant(['    module: lending\n', '    module: billing\n']))[0]).not.toMatch(/did you mean/);
    expect(check(variant(['    module: lending\n', '    module: lendin\n']))[0]).toMatch(/did you mean "lending"\?$/);
  });
});

describe('module dependency cycles', () => {
  test('are the same whatever order modules and depends_on are written in', () => {
    const graph = new Map([['c', ['a']], ['a', ['b']], ['b', ['c', 'd']], ['d', ['d']]]);
    const reordered = new Map([['d', ['d']], ['b', ['d', 'c']], ['a', ['b']], ['c', ['a']]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(findCycles(reordered)).toEqual(findCycles(graph));
  });

  test('two cycles through one module are both reported', () => {
    const graph = new Map([['a', ['b', 'c']], ['b', ['a']], ['c', ['a']]]);
    expect(findCycles(graph)).toEqual([['a', 'b'], ['a', 'c']]);
  });

  test('a long dependency chain does not overflow the stack', () => {
    const size = 20000;
    const graph = new Map(Array.from({ length: size }, (_, i) => [`m${i}`, i + 1 < size ? [`m${i + 1}`] : ['m0']] as [string, string[]]));
    const cycles = findCycles(graph);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(size);
  });

  test('a cycle is printed from its smallest module and located at that module\'s depends_on item', () => {
    const text = variant(
      ['  - name: catalog\n    description: Books on the shelf\n', '  - name: catalog\n    description: Books on the shelf\n    depends_on: [members]\n'],
      ['entities:\n', '  - name: members\n    depends_on: [lending]\nentities:\n'],
    );
    expect(check(text)).toEqual(['ARC0304@24:18 module dependencies form a cycle: catalog → members → lending → catalog']);
  });
});

describe('names', () => {
  test('entity names that differ only in case collide, reported at the later one', () => {
    const text = variant(['flows:\n', '  - name: BOOK\n    module: catalog\n    fields:\n      - { name: id, type: uuid, key: true }\nflows:\n']);
    expect(check(text)).toEqual(['ARC0305@48:11 entity name "BOOK" is already used by "Book" (names are unique case-insensitively)']);
  });

  test('the same field name in two entities is fine', () => {
    expect(codes(variant(['      - { name: due_on, type: date }\n', '      - { name: due_on, type: date }\n      - { name: title, type: string }\n']))).toEqual([]);
  });

  test('platform: true allows a vague module name', () => {
    expect(codes(variant(['  - name: lending\n', '  - name: common\n    platform: true\n  - name: lending\n']))).toEqual([]);
    expect(codes(variant(['  - name: lending\n', '  - name: utils\n  - name: lending\n']))).toEqual(['ARC0312']);
  });

  test('a field x_id is reserved only beside a ref field x', () => {
    expect(codes(variant(['      - { name: due_on, type: date }\n', '      - { name: due_on, type: date }\n      - { name: isbn_id, type: string }\n']))).toEqual([]);
  });

  test('an id field is fine when another field is the key', () => {
    const text = variant(['{ name: id, type: uuid, key: true }\n      - { name: title', '{ name: id, type: uuid }\n      - { name: isbn, type: string, key: true }\n      - { name: title']);
    expect(codes(text)).toEqual([]);
  });

  test('enum values are measured in bytes, not characters', () => {
    const ok = 'é'.repeat(31); // 62 bytes
    expect(codes(variant(['values: [open, returned]', `values: [open, returned, ${ok}]`]))).toEqual([]);
    expect(codes(variant(['values: [open, returned]', `values: [open, returned, ${'x'.repeat(64)}]`]))).toEqual(['ARC0306']);
  });
});

describe('keys', () => {
  test('string, int and bigint keys are fine; a money key is not', () => {
    for (const type of ['string', 'int', 'bigint']) {
      expect(codes(variant(['{ name: id, type: uuid, key: true }\n      - { name: book', `{ name: id, type: ${type}, key: true }\n      - { name: book`]))).toEqual([]);
    }
    expect(codes(variant(['{ name: id, type: uuid, key: true }\n      - { name: book', '{ name: id, type: money, key: true }\n      - { name: book']))).toEqual(['ARC0320']);
  });

  test('three keys are reported once, naming all of them', () => {
    const text = variant(['{ name: title, type: string }', '{ name: title, type: string, key: true }'], ['{ name: blurb, type: text, optional: true }', '{ name: blurb, type: text, key: true }']);
    expect(check(text)).toEqual([expect.stringMatching(/^ARC0308@32:38 entity Book has 3 key fields \(id, title, blurb\)/), 'ARC0320@33:30 key field Book.blurb has type text; a key is uuid, string, int or bigint']);
  });
});

describe('access', () => {
  test('a ref field is named by its field name in access.by, and its column name gets a suggestion', () => {
    expect(check(variant(['{ by: [book, due_on], kind: list }', '{ by: [book_id], kind: get }']))).toEqual([
      'ARC0317@46:16 entities.Loan.access.0.by names field "book_id", which entity Loan does not have; did you mean "book"? (a ref field is named without _id)',
    ]);
  });

  test('search over string and text fields is fine; over an enum it warns', () => {
    expect(codes(variant(['{ by: [book, due_on], kind: list }', '{ by: [book, due_on], kind: list }\n      - { search: [status] }']))).toEqual(['ARC0321']);
  });
});

describe('decision pins', () => {
  const pin = (lines: string): string => `${base}decisions:\n${lines}`;

  test('a consistency pin for a defined flow is valid; its choices are strong and eventual', () => {
    expect(codes(pin('  - { id: consistency.borrow-book, choice: eventual, reason: "a double loan is fixed by hand" }\n'))).toEqual([]);
    expect(check(pin('  - { id: consistency.borrow-book, choice: weak, reason: "x" }\n'))).toEqual([
      'ARC0315@56:44 decision "consistency.borrow-book" has no choice "weak"; choose one of strong, eventual',
    ]);
  });

  test('an empty reason warns like a missing one', () => {
    expect(codes(pin('  - { id: cache, choice: none, reason: "  " }\n'))).toEqual(['ARC0316']);
  });

  test('an unknown id is reported once (no choice or reason warnings for it), with a suggestion', () => {
    expect(check(pin('  - { id: cashe, choice: memcached }\n'))).toEqual(['ARC0314@56:11 decision pin "cashe" is not a catalogue decision id; did you mean "cache"?']);
  });
});
