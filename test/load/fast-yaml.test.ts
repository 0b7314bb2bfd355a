// The fast YAML path, checked against the yaml library as an independent oracle: on real specs it must not decline
// and must build the same nodes (ranges, styles, sources), plain value and line starts; on anything else it must
// either decline or agree with a library that reported no error or warning for that text.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, stringify, visit, type Document,
} from 'yaml';
import { generateSpec } from '../../bench/gen-spec.mjs';
import { fastYamlDeclineReason, parseFastYaml, type FastYamlResult } from '../../src/load/fast-yaml.js';
import { repoRoot } from '../helpers/cli.js';

const LIBRARY_OPTIONS = { uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core', merge: false, strict: true } as const;

interface LibraryParse {
  docs: Document[];
  lineCounter: LineCounter;
  /** Codes of every error and warning of every document. */
  problems: string[];
}

function parseWithLibrary(text: string): LibraryParse {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...LIBRARY_OPTIONS, lineCounter });
  const docs = Array.isArray(parsed) ? parsed : [];
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.code));
  return { docs, lineCounter, problems };
}

/** A scalar value as text that tells -0 from 0 and numbers from strings. */
function show(value: unknown): string {
  return Object.is(value, -0) ? '-0' : `${typeof value}:${JSON.stringify(value)}`;
}

/**
 * One line per node in document order: path, kind, range, and the properties the composer sets (scalar style,
 * source, value, minFractionDigits; collection flow style). Two trees are the same for downstream code when their
 * lines are equal.
 */
function describeTree(doc: Document): string[] {
  const lines: string[] = [`doc ${JSON.stringify(doc.range)}`];
  const walk = (node: unknown, path: string): void => {
    if (isScalar(node)) {
      lines.push(`${path} scalar ${JSON.stringify(node.range)} ${node.type} ${JSON.stringify(node.source)} ${show(node.value)}`
        + ` ${node.minFractionDigits ?? ''} ${node.tag ?? ''} ${node.format ?? ''}`);
    } else if (isMap(node) || isSeq(node)) {
      lines.push(`${path} ${isMap(node) ? 'map' : 'seq'} ${JSON.stringify(node.range)} ${node.flow ? 'flow' : 'block'}`);
      node.items.forEach((item, i) => {
        if (isPair(item)) {
          walk(item.key, `${path}.key${i}`);
          walk(item.value, `${path}.value${i}`);
        } else {
          walk(item, `${path}[${i}]`);
        }
      });
    } else {
      lines.push(`${path} ${isAlias(node) ? 'alias' : String(node)}`);
    }
  };
  walk(doc.contents, '$');
  return lines;
}

/** Expects the fast result to be indistinguishable from the library's parse of the same text. */
function expectSameAsLibrary(fast: FastYamlResult, library: LibraryParse): void {
  expect(library.problems).toEqual([]);
  expect(library.docs).toHaveLength(1);
  const doc = library.docs[0]!;
  expect(describeTree(fast.doc)).toEqual(describeTree(doc));
  expect(fast.value).toStrictEqual(doc.toJS());
  expect(fast.lineCounter.lineStarts).toEqual(library.lineCounter.lineStarts);
}

/** The rule for arbitrary text: the fast path declines, or it agrees with a library that found nothing to report. */
function declinesOrAgrees(text: string): boolean {
  const fast = parseFastYaml(text);
  if (fast) expectSameAsLibrary(fast, parseWithLibrary(text));
  return fast !== null;
}

function expectCovered(text: string): void {
  expect(fastYamlDeclineReason(text)).toBeNull();
  expectSameAsLibrary(parseFastYaml(text)!, parseWithLibrary(text));
}

const readText = (path: string): string => readFileSync(path, 'utf8').replace(/^\uFEFF/, '');

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
}

const samplesDir = join(repoRoot, 'samples');
const samplePaths = readdirSync(samplesDir).sort().map((d) => join(samplesDir, d, 'system.yaml'));
const fixturesDir = join(repoRoot, 'test', 'fixtures');

describe('specs in the subset: the fast path covers them and matches the library', () => {
  test.each(samplePaths.map((p) => [p.slice(repoRoot.length + 1), p]))('%s', (_name, path) => {
    expectCovered(readText(path));
  });

  test.each([...yamlFilesIn(join(fixturesDir, 'valid')), ...yamlFilesIn(join(fixturesDir, 'warnings'))]
    .map((p) => [p.slice(repoRoot.length + 1), p]))('%s', (_name, path) => {
    expectCovered(readText(path));
  });

  test.each(yamlFilesIn(join(fixturesDir, 'fuzz-regressions')).map((p) => [p.slice(repoRoot.length + 1), p]))(
    '%s (aliases are outside the subset)', (_name, path) => {
      const text = readText(path);
      let hasAlias = false;
      visit(parseWithLibrary(text).docs[0]!, { Alias: () => { hasAlias = true; } });
      if (hasAlias) expect(parseFastYaml(text)).toBeNull();
      else expectCovered(text);
    });

  test.each([10, 100, 1000])('a generated spec of %i entities', (entities) => {
    expectCovered(generateSpec(entities));
  });
});

describe('hand-written layouts: comments, blank lines, block scalars and flow collections land where yaml puts them', () => {
  const covered: Array<[string, string]> = [
    ['comment lines indented past the owner belong to the preceding scalar', 'a: 1\n  # deeper\n\n    # deeper still\n# column 0\nb: 2\n'],
    ['comments at a nested mapping\'s column stay in its range', 'x:\n  a: 1\n  b:\n    c: 2\n    # at 4\n\n  d: 3\n'],
    ['comments left of a nested mapping move to its parent', 'x:\n  a: 1\n  b:\n    c: 2\n  # at 2\n# at 0\n  d: 3\n'],
    ['a sequence at its key\'s column keeps comments at that column', 'a:\n  b:\n  - x\n  # c\n  d: 1\n'],
    ['compact mappings in sequences', 'a:\n  -   b: 1\n      c: [x]\n    # t\n  - b: 2\n  - plain\n'],
    ['a trailing comment and spaces at the end of the text', 'a: 1\n  # deeper\n# c\n   '],
    ['no line break at the end', 'a: b'],
    ['quoted keys and values, escapes', 'a  : \'it\'\'s\' # c\n"b\\"c" : "\\u00e9\\x41\\t\\\\ \\/"\n'],
    ['core-schema scalars', 'a: -1\nb: -1.5\nc: .5\nd: 1.\ne: 1.50\nf: -0\ng: Null\nh: ~\ni: TRUE\nj: false\nk: 1_000\nl: yes\nm: 2024-01-01\nn: 007\n'],
    ['block scalars with blank, trailing and more-indented lines', 'a: |\n  x  \n\n    deeper\n  y\n\n     \nb: >-\n    folded\n    text\n\n      kept\n    end\nc: >\n  last\n'],
    ['a block scalar at the end without a line break', 'a: |-\n  x\n  y'],
    ['block scalars with leading blank lines', 'a: |\n\n  x\nb: >\n \n\n    x\n\n    y\n\n'],
    ['a block scalar header with a comment', 'a: >-  # note\n  text\nb: 1\n'],
    ['one-line flow collections', 'a: [1, [2, 3]  ,  {x: y}  ]\nb: {"k":1, \'j\': 2, l: [ ]} # c\n  # d\nc: {}\n'],
    ['flow collections spanning lines', 'a: [\n  one, # c\n  two\n]\nb: {x: 1 # c\n  , y: [\n    2, 3]\n  }\n'],
    ['keys and values with spaces, colons and hashes inside', 'key with spaces: value with spaces\na:b: c#d\nurl: http://x.y/z?a=b#frag\n'],
    ['unicode', 'é: ü😀\n😀k: "😀"\n'],
    ['inherited property names as keys', 'toString: 1\nhasOwnProperty: 2\nvalueOf: {}\n'],
    ['a closing bracket at the owner\'s column, then comments', 'a: [\n  x\n] # c\n  # d\nb: 1\n'],
    ['sequences nested on one line', 'a:\n  - - x\n    - y\n  # c\n  - - a: 1\n      b: 2\n    -   - deep\nb:\n- - x\n- y\n'],
    ['values on the line after their key', 'a:\n  b:\n    plain on the next line\n  c:\n    [x, y]\n  d:\n    "quoted"  # c\n'],
    ['a blank line and a column-0 comment between sequence items', 'x:\n  - a\n\n#c\n  - b\ny: [a,\n\n#c\n  b]\n'],
  ];
  test.each(covered)('%s', (_name, text) => {
    expectCovered(text);
  });

  const declined: Array<[string, string]> = [
    ['a duplicate key', 'a: x\nb: y\na: z\n'],
    ['a duplicate key in a flow mapping', 'a: {b: 1, b: 2}\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a prototype key', '__proto__: 1\n'],
    ['a non-string key', '1: x\n'],
    ['hexadecimal, octal, signed and exponent numbers', 'a: 0x1F\n'],
    ['an infinite float', 'a: .inf\n'],
    ['a multi-line plain scalar', 'a: plain\n  continued\n'],
    ['a multi-line quoted scalar', 'a: "multi\n  line"\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a top-level sequence', '- a\n- b\n'],
    ['an empty document', '# only a comment\n'],
    ['keep chomping', 'a: |+\n  x\n\n'],
    ['a leading blank line longer than the block scalar\'s indentation', 'a: |\n   \n  x\n'],
    ['a trailing comma', 'a: [x, ]\n'],
    ['a reserved indicator', 'a: @x\n'],
    ['an implicit pair in a flow sequence', 'a: [b: 1]\n'],
    ['a flow collection as a key', 'a: [x]: 2\n'],
    ['a comment not separated from its value', 'a: "x"# c\n'],
    // After a blank line followed by a column-0 line, yaml's lexer forgets the key's indentation: here `x` runs on
    // into `c` and the library reports a multi-line key.
    ['a value on a later line after a blank line and a comment', 'a:\n  b:\n\n# c\n   x\n  c: 1\n'],
    ['a block scalar header on its own line', 'a:\n  b:\n    |\n     x\n'],
  ];
  test.each(declined)('declines %s', (_name, text) => {
    expect(parseFastYaml(text)).toBeNull();
  });

  test('nesting up to the loader\'s limit is covered, one level deeper is declined', () => {
    const nested = (depth: number): string =>
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' leaf\n';
    expectCovered(nested(64)); // the deepest of 64 nested mappings holds the leaf
    expect(parseFastYaml(nested(65))).toBeNull();
  });
});

describe('any other text: the fast path declines or agrees with a library that reported nothing', () => {
  test.each(yamlFilesIn(join(fixturesDir, 'invalid')).map((p) => [p.slice(repoRoot.length + 1), p]))('%s', (_name, path) => {
    const text = new TextDecoder('utf-8').decode(readFileSync(path)).replace(/^\uFEFF/, '');
    declinesOrAgrees(text);
  });

  const samples = samplePaths.map(readText);
  const inserted = fc.constantFrom(':', '-', '#', "'", '"', '{', '}', '[', ']', ',', '\t', ' ', '  ', '\n', '\n  ', '|', '>', 'x', '0');
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('delete', 'duplicate', 'insert'),
    length: fc.integer({ min: 1, max: 12 }),
    text: inserted,
  });

  test('samples with random edits', () => {
    let agreed = 0;
    fc.assert(fc.property(fc.nat(samples.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
      let text = samples[which]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
        else if (e.kind === 'duplicate') text = text.slice(0, at) + text.slice(at, at + e.length) + text.slice(at);
        else text = text.slice(0, at) + e.text + text.slice(at);
      }
      if (declinesOrAgrees(text)) agreed++;
    }), { seed: 8, numRuns: 120 });
    // Most single edits keep a sample valid YAML (inside a description, an extra space...): the property is not vacuous.
    expect(agreed).toBeGreaterThan(20);
  });

  // Tabs are left to the edits above: the fast path declines every tab, which would leave little to compare here.
  test('samples with comment and blank lines added between lines', () => {
    let agreed = 0;
    const addition = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      line: fc.oneof(
        fc.nat(10).map((indent) => `${' '.repeat(indent)}# note`),
        fc.nat(10).map((spaces) => ' '.repeat(spaces)),
      ),
    });
    fc.assert(fc.property(fc.nat(samples.length - 1), fc.array(addition, { minLength: 1, maxLength: 8 }), (which, additions) => {
      const lines = samples[which]!.split('\n');
      for (const { at, line } of additions) lines.splice(1 + Math.floor(at * (lines.length - 1)), 0, line);
      if (declinesOrAgrees(lines.join('\n'))) agreed++;
    }), { seed: 8, numRuns: 50 });
    // A comment inside a block scalar can end it early and break the spec; almost every other addition is covered.
    expect(agreed).toBeGreaterThan(40);
  });

  const character = fc.constantFrom(
    'a', 'b', 'z', ' ', ':', '#', '-', "'", '"', '\n', '\\', '{', '[', ',', '.', '0', '1', 'e', 't', 'n', '~', 'é', '😀', '&', '!',
  );
  const scalarValue = fc.oneof(
    fc.string({ unit: character, maxLength: 12 }), fc.integer(), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
    fc.double({ noDefaultInfinity: true, noNaN: true }), fc.boolean(), fc.constant(null),
  );
  const { value: jsonLike } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalarValue,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: character, minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 4 })),
  }));
  const options = fc.record({
    lineWidth: fc.constantFrom(0, 20, 80),
    indent: fc.constantFrom(2, 4),
    indentSeq: fc.boolean(),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  } as const);

  test('yaml.stringify of random mappings', () => {
    let agreed = 0;
    const root = fc.dictionary(fc.string({ unit: character, minLength: 1, maxLength: 6 }), jsonLike, { minKeys: 1, maxKeys: 5 });
    fc.assert(fc.property(root, options, (value, opts) => {
      if (declinesOrAgrees(stringify(value, opts))) agreed++;
    }), { seed: 8, numRuns: 300 });
    expect(agreed).toBeGreaterThan(50);
  });
});
