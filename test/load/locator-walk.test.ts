// The locator resolves a dotted path in one walk; it must answer exactly as the two-step method it replaced:
// dotted path → segments (list items by name, the longest dotted name first) → findNode, and code points counted by
// spreading the line's prefix. The reference below is that method; documents cover aliases, dotted and duplicate
// names, non-string keys, repeated keys in wide maps, indexes past the end and characters outside the BMP.
import fc from 'fast-check';
import {
  isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node,
} from 'yaml';
import { createLocator, dottedToSegments, findNode, type SourceSpan, type SpecPosition } from '../../src/load/locator.js';

type Segment = string | number;

function resolve(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** The segments the former locator computed: a scan of each list for the longest matching name, then an index. */
function referenceSegments(doc: Document, dotted: string): Segment[] | null {
  const parts = dotted.split('.');
  const segments: Segment[] = [];
  let current: unknown = doc.contents;
  for (let i = 0; i < parts.length; i++) {
    current = resolve(current, doc);
    if (isSeq(current)) {
      const seq = current;
      const nameKey = segments[segments.length - 1] === 'decisions' ? 'id' : 'name';
      const names = seq.items.map((item) => {
        const it = resolve(item, doc);
        const v = isMap(it) ? it.get(nameKey, true) : undefined;
        return isScalar(v) ? String(v.value) : null;
      });
      const anyDotted = names.some((n) => n !== null && n.includes('.'));
      let matched = false;
      for (let j = anyDotted ? parts.length : i + 1; j > i && !matched; j--) {
        const index = names.indexOf(parts.slice(i, j).join('.'));
        if (index >= 0) {
          segments.push(index);
          current = seq.items[index];
          i = j - 1;
          matched = true;
        }
      }
      if (!matched) {
        if (!/^\d+$/.test(parts[i]!)) return null;
        segments.push(Number(parts[i]));
        current = seq.items[Number(parts[i])];
      }
    } else if (isMap(current)) {
      segments.push(parts[i]!);
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === parts[i]);
      if (!pair) return null;
      current = pair.value;
    } else {
      return null;
    }
  }
  return segments;
}

function referenceSpan(doc: Document, path: string, part: 'key' | 'value'): SourceSpan | null {
  const segments = path === '' ? [] : referenceSegments(doc, path);
  if (!segments) return null;
  const found = findNode(doc, segments);
  const node: Node | null | undefined = part === 'key' ? found?.key ?? found?.value : found?.value;
  return node?.range ? { start: node.range[0], end: node.range[1] } : null;
}

function referencePosition(text: string, lineCounter: LineCounter, doc: Document, path: string): SpecPosition | null {
  const span = referenceSpan(doc, path, 'value');
  if (!span) return null;
  const { line } = lineCounter.linePos(span.start);
  const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
  return { line, column: [...text.slice(lineStart, Math.max(lineStart, span.start))].length + 1 };
}

const documents: Record<string, string> = {
  dotted: [
    'archc: 1',
    'decisions:',
    '  - id: consistency',
    '    choice: strong',
    '  - { id: consistency.place-order, choice: eventual }',
    '  - id: consistency.place-order.retry',
    '    choice: strong',
    '  - id: consistency',
    '    choice: duplicate',
    'modules:',
    '  - name: a.b',
    '    owner: dotted',
    '  - name: a',
    '    owner: { b: nested }',
    '  - name: "7"',
    '    owner: seven',
    '',
  ].join('\n'),
  aliases: [
    'base: &base { name: Shared, note: "😀 wide 😀", list: [x, y] }',
    'entities:',
    '  - *base',
    '  - name: Order',
    '    fields:',
    '      - { name: total, type: money, note: "é😀 before" }',
    '      - &f { name: id, type: uuid }',
    '    copy: *f',
    'other: *base',
    '',
  ].join('\n'),
  keys: [
    '1: one',
    'true: yes-key',
    'null: nothing',
    '"": empty',
    'empty:',
    'list:',
    '  - plain',
    '  - { name: n, 2: two }',
    '  -',
    'flows: [{ name: f, touches: [A, B] }, { name: g }]',
    '',
  ].join('\n'),
  // More keys than the locator scans (it indexes such maps), with a repeated key: the first one wins.
  wide: [
    ...Array.from({ length: 10 }, (_, i) => `k${i}: { v: ${i} }`),
    '3: three',
    'false: no',
    'k4: { v: repeated }',
    'wide: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, a: again }',
    '',
  ].join('\n'),
};

/** Every path naming a node, plus variants that miss: unknown names, indexes past the end, trailing segments. */
function pathsOf(doc: Document): string[] {
  const out = new Set<string>(['', 'missing', '0', '1', 'true', 'null']);
  const visit = (node: unknown, path: string, parentKey: string, depth: number): void => {
    const here = resolve(node, doc);
    if (depth > 6) return;
    if (isMap(here)) {
      for (const pair of here.items) {
        if (!isScalar(pair.key)) continue;
        const next = path === '' ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
        out.add(next);
        visit(pair.value, next, String(pair.key.value), depth + 1);
      }
    } else if (isSeq(here)) {
      here.items.forEach((item, index) => {
        const it = resolve(item, doc);
        const name = isMap(it) ? it.get(parentKey === 'decisions' ? 'id' : 'name') : undefined;
        const steps = [String(index), ...(name === undefined ? [] : [String(name)])];
        for (const step of steps) {
          out.add(`${path}.${step}`);
          visit(item, `${path}.${step}`, step, depth + 1);
        }
      });
      out.add(`${path}.${here.items.length}`);
      out.add(`${path}.${here.items.length + 5}.name`);
    }
  };
  visit(doc.contents, '', '', 0);
  for (const path of [...out]) {
    out.add(`${path}.missing`);
    out.add(`${path}.0`);
  }
  return [...out];
}

describe.each(Object.keys(documents))('%s document', (name) => {
  const text = documents[name]!;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', merge: false, uniqueKeys: false });
  const locator = createLocator(text, doc, lineCounter);
  const paths = pathsOf(doc);

  test('spans, positions and segments match the two-step method for every path', () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      expect([path, locator.span(path, 'key')]).toEqual([path, referenceSpan(doc, path, 'key')]);
      expect([path, locator.span(path, 'value')]).toEqual([path, referenceSpan(doc, path, 'value')]);
      expect([path, locator.position(path)]).toEqual([path, referencePosition(text, lineCounter, doc, path)]);
      expect([path, dottedToSegments(doc, path)]).toEqual([path, referenceSegments(doc, path)]);
    }
  });

  test('random paths over the document\'s own words match too (fixed seed)', () => {
    const words = [...new Set(paths.flatMap((p) => p.split('.')))];
    const pathArb = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.'));
    fc.assert(fc.property(pathArb, (path) => {
      expect(locator.span(path, 'key')).toEqual(referenceSpan(doc, path, 'key'));
      expect(locator.position(path)).toEqual(referencePosition(text, lineCounter, doc, path));
    }), { seed: 20_261_126, numRuns: 400 });
  });
});

test('answers are copies: adjusting a returned span does not change the next answer', () => {
  const text = documents.dotted!;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const locator = createLocator(text, doc, lineCounter);
  const first = locator.span('modules.a.owner')!;
  first.start = -1;
  expect(locator.span('modules.a.owner')!.start).not.toBe(-1);
});
