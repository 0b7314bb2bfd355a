// Resolves dotted spec paths (list items by name: `entities.Appointment.fields.patient`) to source positions.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based line and column (code points) of a spec node. */
export interface SpecPosition {
  line: number;
  column: number;
}

export interface SourceSpan {
  start: number;
  end: number;
}

/** What passes and validators use to cite spec lines; pure lookups over the parsed document. */
export interface SpecLocator {
  /** Position of the value at a dotted path, or null if the path is not written in the spec. */
  position(path: string): SpecPosition | null;
  /** Span of the value (or key) at a dotted path, or null. */
  span(path: string, part?: 'key' | 'value'): SourceSpan | null;
}

/** A locator for specs built in memory (tests, generated specs): nothing has a position. */
export const noPositions: SpecLocator = {
  position: () => null,
  span: () => null,
};

type Segment = string | number;

/** Lists whose items are addressed by a name key in dotted paths. */
function itemNameKey(listKey: Segment | undefined): string {
  return listKey === 'decisions' ? 'id' : 'name';
}

function resolveAlias(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** Converts offsets into 1-based line and code-point column. */
export function offsetToPosition(text: string, lineCounter: LineCounter, offset: number): SpecPosition {
  const { line } = lineCounter.linePos(offset);
  const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
  const prefix = text.slice(lineStart, Math.max(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

interface Found {
  key: Node | null;
  value: Node | null;
}

/** Walks a document along JSON-pointer-like segments; numbers index sequences. */
export function findNode(doc: Document, segments: readonly Segment[]): Found | null {
  let current: unknown = doc.contents;
  let keyNode: Node | null = null;
  for (const segment of segments) {
    current = resolveAlias(current, doc);
    if (isMap(current)) {
      const pair = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return null;
      keyNode = pair.key as Node;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      current = current.items[segment];
      keyNode = null;
      if (current === undefined) return null;
    } else {
      return null;
    }
  }
  const value = resolveAlias(current, doc);
  return { key: keyNode, value: (value ?? null) as Node | null };
}

/** Index of each list's items by name (first occurrence wins, as a scan would find), built once per list. */
const nameIndexes = new WeakMap<object, NameIndex>();

/** Item positions by name; `dotted` tells whether any name contains a dot (else only one-part names can match). */
interface NameIndex {
  positions: Map<string, number>;
  dotted: boolean;
}

function itemIndexByName(seq: { items: unknown[] }, nameKey: string, doc: Document): NameIndex {
  let index = nameIndexes.get(seq);
  if (!index) {
    index = { positions: new Map(), dotted: false };
    for (let k = 0; k < seq.items.length; k++) {
      const it = resolveAlias(seq.items[k], doc);
      if (!isMap(it)) continue;
      const v = it.get(nameKey, true);
      if (!isScalar(v)) continue;
      const name = String(v.value);
      if (!index.positions.has(name)) index.positions.set(name, k);
      if (name.includes('.')) index.dotted = true;
    }
    nameIndexes.set(seq, index);
  }
  return index;
}

/** Turns a dotted spec path into document segments, looking list items up by their name. */
export function dottedToSegments(doc: Document, dotted: string): Segment[] | null {
  const parts = dotted.split('.');
  const segments: Segment[] = [];
  let current: unknown = doc.contents;
  for (let i = 0; i < parts.length; i++) {
    current = resolveAlias(current, doc);
    if (isSeq(current)) {
      const seq = current;
      const nameKey = itemNameKey(segments[segments.length - 1]);
      // Decision ids may contain a dot (consistency.<flow>): try the longest name first, when any name has a dot.
      const names = itemIndexByName(seq, nameKey, doc);
      let matched = false;
      for (let j = names.dotted ? parts.length : i + 1; j > i && !matched; j--) {
        const candidate = j === i + 1 ? parts[i]! : parts.slice(i, j).join('.');
        const index = names.positions.get(candidate) ?? -1;
        if (index >= 0) {
          segments.push(index);
          current = seq.items[index];
          i = j - 1;
          matched = true;
        }
      }
      if (!matched) {
        if (/^\d+$/.test(parts[i]!)) {
          const index = Number(parts[i]);
          segments.push(index);
          current = seq.items[index];
        } else {
          return null;
        }
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

export function createLocator(text: string, doc: Document, lineCounter: LineCounter): SpecLocator {
  // The document is never modified after loading, so each path's answer can be remembered.
  const spans = new Map<string, SourceSpan | null>();
  const span = (path: string, part: 'key' | 'value' = 'value'): SourceSpan | null => {
    const memoKey = `${part}:${path}`;
    let result = spans.get(memoKey);
    if (result === undefined) {
      result = computeSpan(path, part);
      spans.set(memoKey, result);
    }
    // A copy, so that a caller adjusting its span cannot change later answers.
    return result && { start: result.start, end: result.end };
  };
  const computeSpan = (path: string, part: 'key' | 'value'): SourceSpan | null => {
    const segments = path === '' ? [] : dottedToSegments(doc, path);
    if (!segments) return null;
    const found = findNode(doc, segments);
    const node = part === 'key' ? found?.key ?? found?.value : found?.value;
    if (!node?.range) return null;
    return { start: node.range[0], end: node.range[1] };
  };
  return {
    span,
    position(path) {
      const s = span(path, 'value');
      return s ? offsetToPosition(text, lineCounter, s.start) : null;
    },
  };
}
