// The direct YAML writer behind openapi.yaml: byte-identical to yaml's stringify (the oracle, an independent
// implementation) with the options the API generator used, and always read back by yaml's parser as the input.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import fc from 'fast-check';
import { writeYaml } from '../../generators/api/yaml-writer.js';
import { buildOpenApiDocument } from '../../generators/api/openapi.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { noPositions } from '../../src/load/locator.js';
import { allTypesModel, hostileModel } from '../fixtures/models/api-fixtures.js';

const ORACLE_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, directives: false } as const;
const oracle = (value: unknown): string => stringify(value, ORACLE_OPTIONS);

/** yaml's parser reads `text` back as `value` (object prototypes aside; -0 and NaN compared with Object.is). */
function readsBackAs(text: string, value: unknown): boolean {
  try {
    expect(parse(text)).toEqual(value);
    return true;
  } catch {
    return false;
  }
}

describe('collections', () => {
  test.each<[string, unknown, string]>([
    ['empty object at the root', {}, '{}\n'],
    ['empty array at the root', [], '[]\n'],
    ['empty collections as values stay inline', { a: {}, b: [] }, 'a: {}\nb: []\n'],
    ['empty collections as items stay inline', [{}, []], '- {}\n- []\n'],
    ['a nested map is indented under its key', { a: { b: { c: 1 } } }, 'a:\n  b:\n    c: 1\n'],
    ['a sequence under a key is indented by two', { a: [1, 2] }, 'a:\n  - 1\n  - 2\n'],
    ['a map in a sequence continues at the item indent', [{ x: 1, y: 2 }], '- x: 1\n  y: 2\n'],
    ['a sequence in a sequence is compact', [[1, 2], [3]], '- - 1\n  - 2\n- - 3\n'],
    [
      'nested arrays of objects',
      { a: [{ x: 1, y: [2, { z: null }] }, [true, []]] },
      'a:\n  - x: 1\n    y:\n      - 2\n      - z: null\n  - - true\n    - []\n',
    ],
    ['undefined entries are left out, like JSON', { a: undefined, b: 1 }, 'b: 1\n'],
    ['an object of only undefined entries is empty', { a: { b: undefined } }, 'a: {}\n'],
    ['undefined or missing array items are null', [undefined, 1], '- null\n- 1\n'],
    ['a null-prototype object is a map', Object.assign(Object.create(null) as object, { a: 1 }), 'a: 1\n'],
  ])('%s', (_label, value, expected) => {
    expect(writeYaml(value)).toBe(expected);
    expect(oracle(value)).toBe(expected);
  });
});

describe('scalars as mapping values (`k: <text>`)', () => {
  const long = 'word '.repeat(60) + 'end';
  test.each<[string, unknown, string]>([
    ['a plain word', 'abc', 'abc'],
    ['an integer-looking string', '123', '"123"'],
    ['a signed integer-looking string', '+12', '"+12"'],
    ['a boolean-looking string', 'true', '"true"'],
    ['a capitalised boolean-looking string', 'False', '"False"'],
    ['YAML 1.1 booleans are plain strings in 1.2', 'yes', 'yes'],
    ['a null-looking string', 'null', '"null"'],
    ['a tilde', '~', '"~"'],
    ['the empty string', '', '""'],
    ['a hex-looking string', '0x1F', '"0x1F"'],
    ['an octal-looking string', '0o17', '"0o17"'],
    ['an exponent-looking string', '1e3', '"1e3"'],
    ['a float-looking string', '1.', '"1."'],
    ['an infinity-looking string', '.inf', '".inf"'],
    ['a NaN-looking string', '.NaN', '".NaN"'],
    ['underscored digits are not numbers in 1.2', '1_000', '1_000'],
    ['a leading space', ' a', '" a"'],
    ['a trailing space', 'a ', '"a "'],
    ['colon space', 'a: b', '"a: b"'],
    ['a colon without a space', 'a:b', 'a:b'],
    ['a trailing colon', 'a:', '"a:"'],
    ['a leading #', '#x', '"#x"'],
    ['a # after a space starts a comment', 'a #b', '"a #b"'],
    ['a # inside a word', 'a#b', 'a#b'],
    ['dash space', '- x', '"- x"'],
    ['a lone dash', '-', '"-"'],
    ['a leading dash without space', '-x', '-x'],
    ['question mark space', '? x', '"? x"'],
    ['a leading indicator', '*ref', '"*ref"'],
    ['a leading percent', '%x', '"%x"'],
    ['an apostrophe inside', "it's", "it's"],
    ['double quotes inside', 'say "hi"', 'say "hi"'],
    ['a leading double quote and no single: single quotes', '"hi"', `'"hi"'`],
    ['a leading single quote: double quotes', "'a'", `"'a'"`],
    ['both quote kinds: double quotes with an escape', `'"`, `"'\\""`],
    ['unicode text stays plain', 'é ü 日本 😀', 'é ü 日本 😀'],
    ['a no-break space alone stays plain', 'a\u00a0b', 'a\u00a0b'],
    ['a tab inside stays plain', 'a\tb', 'a\tb'],
    ['a bell character: double quotes, \\a', 'a\u0007b', '"a\\ab"'],
    ['NUL: \\0', '\u0000', '"\\0"'],
    ['ESC: \\e', '\u001b', '"\\e"'],
    ['a carriage return: \\r', 'a\rb', '"a\\rb"'],
    ['NEL is double-quoted but kept raw (JSON does not escape it)', '\u0085', '"\u0085"'],
    ['another C1 control, likewise raw', '\u0090', '"\u0090"'],
    ['a lone surrogate: \\u', '\ud800', '"\\ud800"'],
    ['a very long line is never folded', long, long],
    ['a line break: literal block, strip', 'a\nb', '|-\n  a\n  b'],
    ['one final line break: literal block, clip', 'a\n', '|\n  a'],
    ['two final line breaks: literal block, keep', 'a\n\n', '|+\n  a\n'],
    ['a leading line break', '\na', '|-\n  \n  a'],
    ['a leading space on a multi-line text: indentation indicator', ' a\nb', '|2-\n   a\n  b'],
    ['a document marker line inside a nested block stays as is', 'x\n...\ny', '|-\n  x\n  ...\n  y'],
    ['a final line of only spaces cannot end a block: quoted', 'a\n ', '"a\\n "'],
    ['a short double-quoted text keeps \\n escapes', 'a\u0007\nb', '"a\\a\\nb"'],
    // The threshold counts JSON's form: 2 quotes + `\u0007` (6) + the b's + `\n` (2) + `c` = 11 + b's.
    ['JSON form of 39 characters: \\n escapes', `\u0007${'b'.repeat(28)}\nc`, `"\\a${'b'.repeat(28)}\\nc"`],
    ['JSON form of 40 characters: lines broken', `\u0007${'b'.repeat(29)}\nc`, `"\\a${'b'.repeat(29)}\n\n  c"`],
    [
      'a long double-quoted text breaks its lines (a break folds to a space, so one \\n is a blank line)',
      '\u0007 first line of the text here\nsecond line',
      '"\\a first line of the text here\n\n  second line"',
    ],
  ])('%s', (_label, value, expected) => {
    expect(writeYaml({ k: value })).toBe(`k: ${expected}\n`);
    expect(oracle({ k: value })).toBe(`k: ${expected}\n`);
  });
});

describe('other scalars', () => {
  test.each<[string, unknown, string]>([
    ['zero', 0, '0'],
    ['negative zero keeps its sign', -0, '-0'],
    ['a fraction', 1.5, '1.5'],
    ['a large number uses JSON exponent form', 1e21, '1e+21'],
    ['a small number uses JSON exponent form', 1e-7, '1e-7'],
    ['a negative integer', -3, '-3'],
    ['NaN', NaN, '.nan'],
    ['infinity', Infinity, '.inf'],
    ['negative infinity', -Infinity, '-.inf'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['null', null, 'null'],
  ])('%s', (_label, value, expected) => {
    expect(writeYaml({ k: value })).toBe(`k: ${expected}\n`);
    expect(oracle({ k: value })).toBe(`k: ${expected}\n`);
  });
});

describe('keys', () => {
  const longKey = 'k'.repeat(1025);
  test.each<[string, unknown, string]>([
    ['a key with spaces stays plain', { 'a b': 1 }, 'a b: 1\n'],
    ['a key with colon space is quoted', { 'a: b': 1 }, '"a: b": 1\n'],
    ['a key with a colon inside stays plain', { 'a:b': 1 }, 'a:b: 1\n'],
    ['the empty key', { '': 1 }, '"": 1\n'],
    ['a number-looking key is quoted', { '123': 1 }, '"123": 1\n'],
    ['a boolean-looking key is quoted', { true: 1 }, '"true": 1\n'],
    ['a multi-line key is double-quoted on one line', { 'a\nb': 1 }, '"a\\nb": 1\n'],
    ['a long multi-line key is not broken', { ['x'.repeat(50) + '\ny']: 1 }, `"${'x'.repeat(50)}\\ny": 1\n`],
    ['a dash key', { '-': 1 }, '"-": 1\n'],
    ['a key with a leading double quote', { '"q"': 1 }, `'"q"': 1\n`],
    ['a document-marker key at the root is quoted', { '---x': 1 }, '"---x": 1\n'],
    ['a document-marker key below the root is plain', { a: { '---x': 1 } }, 'a:\n  ---x: 1\n'],
    ['a key over 1024 characters is explicit', { [longKey]: 1 }, `? ${longKey}\n: 1\n`],
    ['an explicit key with a map value', { a: { [longKey]: { b: 1, c: 2 } } }, `a:\n  ? ${longKey}\n  : b: 1\n    c: 2\n`],
    ['a key of exactly 1024 characters stays implicit', { ['k'.repeat(1024)]: 1 }, `${'k'.repeat(1024)}: 1\n`],
  ])('%s', (_label, value, expected) => {
    expect(writeYaml(value)).toBe(expected);
    expect(oracle(value)).toBe(expected);
  });
});

describe('root scalars', () => {
  test.each<[string, unknown, string]>([
    ['a plain string', 'a', 'a\n'],
    ['a multi-line string: block at indentation 0', 'a\nb', '|-\na\nb\n'],
    ['a document marker at the root is an indented block', '--- a', '|-\n  --- a\n'],
    ['a number', 42, '42\n'],
    ['null', null, 'null\n'],
  ])('%s', (_label, value, expected) => {
    expect(writeYaml(value)).toBe(expected);
    expect(oracle(value)).toBe(expected);
  });
});

// Where yaml 2.9.1's own output does not read back as the input, the writer deliberately differs.
describe('deviations from yaml 2.9.1, each where its output does not read back as the input', () => {
  const longText = 'a'.repeat(40);
  test.each<[string, unknown, string]>([
    ['whitespace-only text led by a space: quoted, not a block', { k: ' \n' }, 'k: "\\ \\n"\n'],
    ['blank lines led by spaces: quoted', { k: '\n  \n' }, 'k: "\\n \\ \\n"\n'],
    [
      'a line of one space in a long double-quoted text: the space escaped once, not as `\\\\ `',
      { k: `\u0007${longText}\n \n${longText}` },
      `k: "\\a${longText}\n\n  \\ \n\n  ${longText}"\n`,
    ],
    ['a root block scalar led by a space: quoted, not `|1`', ' a\nb', '" a\\nb"\n'],
    ['a byte order mark starting the document: quoted', '\ufeffa', '"\ufeffa"\n'],
    ['a byte order mark starting the first root key: quoted', { '\ufeffk': 1 }, '"\ufeffk": 1\n'],
  ])('%s', (_label, value, expected) => {
    const written = writeYaml(value);
    expect(written).toBe(expected);
    expect(readsBackAs(written, value)).toBe(true);
    expect(readsBackAs(oracle(value), value)).toBe(false);
  });

  test('a byte order mark elsewhere is written as yaml writes it', () => {
    const value = { a: 1, '\ufeffk': ['\ufeffv'] };
    expect(writeYaml(value)).toBe('a: 1\n\ufeffk:\n  - \ufeffv\n');
    expect(writeYaml(value)).toBe(oracle(value));
  });
});

test.each<[string, unknown]>([
  ['undefined at the root', undefined],
  ['a function', { f: () => 1 }],
  ['a bigint', { n: 1n }],
  ['a Date (not plain JSON data)', { d: new Date(0) }],
  ['a Map', { m: new Map() }],
])('rejects %s', (_label, value) => {
  expect(() => writeYaml(value)).toThrow(TypeError);
});

describe('properties (fast-check, fixed seeds)', () => {
  // Characters that steer yaml's choice of style, so that short random strings hit the special cases often.
  const steeringUnit = fc.constantFrom(
    'a', '0', '1', 'e', 'x', '.', ' ', '\n', '\t', '\r', '#', ':', '-', '?', "'", '"', '%', '|', '>', '[', '{', ',', '~', '\\',
    '\u0000', '\u0007', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ud800', 'é', '😀',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: steeringUnit, maxLength: 12 }),
    fc.string({ unit: steeringUnit, minLength: 30, maxLength: 70 }), // long enough for multi-line double quotes
    // few characters, so that line breaks next to spaces in long double-quoted text come up often
    fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\u0007', '"', "'"), minLength: 35, maxLength: 60 }),
    fc.constantFrom('true', 'null', '~', '123', '1e3', '.inf', '0x1F', '---', '...', '- x', 'a: b'),
  );
  const jsonLike = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  test('equals yaml.stringify wherever yaml reads its own output back as the input', () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        const expected = oracle(value);
        if (readsBackAs(expected, value)) expect(writeYaml(value)).toBe(expected);
      }),
      { seed: 20261125, numRuns: 600 },
    );
  });

  // Prose of words, punctuation and single or double spaces: where the cheap plain-text check decides.
  const prose = fc.array(fc.constantFrom('a', 'Zeta', 'x1', '0', '9', ' ', '  ', ',', '(', ')', "'", '.', '/', '-', '_', ':', '#', '?', 'true', 'null'), { maxLength: 8 })
    .map((parts) => parts.join(''));

  test('prose keys and values equal yaml.stringify (the plain-text shortcut)', () => {
    fc.assert(
      fc.property(fc.dictionary(prose, fc.oneof(prose, fc.array(prose, { maxLength: 2 })), { maxKeys: 3 }), (value) => {
        const expected = oracle(value);
        if (readsBackAs(expected, value)) expect(writeYaml(value)).toBe(expected);
      }),
      { seed: 31, numRuns: 1500 },
    );
  });

  // The writer remembers how it wrote a string; the same text must still come out right at every other depth,
  // as a key and as a value, in sequences, at the first level and the root.
  test('a string repeated at every depth, as key and value, equals yaml.stringify each time', () => {
    const nest = (s: string, depth: number): unknown => (depth === 0 ? s : { [s]: nest(s, depth - 1), k: [s, { [s]: s }] });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (strings) => {
        const value = { ...Object.fromEntries(strings.map((s) => [s, s])), list: strings, deep: strings.map((s) => nest(s, 4)) };
        const expected = oracle(value);
        if (readsBackAs(expected, value)) expect(writeYaml(value)).toBe(expected);
      }),
      { seed: 4242, numRuns: 600 },
    );
  });

  test('yaml.parse(writeYaml(v)) equals v', () => {
    fc.assert(
      fc.property(jsonLike, (value) => {
        expect(parse(writeYaml(value))).toEqual(value);
      }),
      { seed: 8, numRuns: 600 },
    );
  });
});

describe('OpenAPI documents', () => {
  const sampleDirs = readdirSync('samples').filter((d) => existsSync(`samples/${d}/system.yaml`)).sort();
  const asRest = (model: ArchitectureModel): ArchitectureModel =>
    ({ ...model, decisions: model.decisions.filter((d) => d.id !== 'external-api'), api: { ...model.api, style: 'rest' } });
  const sampleModel = (dir: string): ArchitectureModel =>
    runPasses(normalizeSpec(parse(readFileSync(`samples/${dir}/system.yaml`, 'utf8'))), noPositions);

  test('there are samples to compare', () => {
    expect(sampleDirs.length).toBeGreaterThan(3);
  });

  test.each(sampleDirs)('sample %s (as REST): the same bytes as yaml.stringify', (dir) => {
    const document = buildOpenApiDocument(asRest(sampleModel(dir)));
    expect(writeYaml(document)).toBe(oracle(document));
  });

  test.each<[string, () => ArchitectureModel]>([
    ['every field type', () => allTypesModel('rest')],
    ['hostile names and text', () => hostileModel('rest')],
  ])('fixture with %s: the same bytes as yaml.stringify', (_label, model) => {
    const document = buildOpenApiDocument(model());
    expect(writeYaml(document)).toBe(oracle(document));
  });
});
