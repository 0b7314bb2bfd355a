// Resolves dotted spec paths (list items by name: `entities.Appointment.fields.patient`) to source positions.
import {
  isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap,
} from 'yaml';

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
  // As `text.slice(lineStart, max(lineStart, offset))` would bound it.
  const end = Math.min(text.length, Math.trunc(Math.max(lineStart, offset)));
  return { line, column: codePointCount(text, lineStart, end) + 1 };
}

/** Code points in text[start, end), as `[...text.slice(start, end)].length` counts them, without the copies. */
function codePointCount(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed (inside the range) by a low one is one code point; a lone surrogate counts as one.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
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

/** Maps with more items than this are indexed by key once (the root map is read by every path); smaller ones scanned. */
const SCANNED_MAP_ITEMS = 8;

/** Pairs of larger maps by key text (first occurrence wins, as a scan would find), built once per map. */
const pairIndexes = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();

/** The text a scalar key is compared by: `String(key.value)`. */
function keyText(item: unknown): string | null {
  if (!isPair(item) || !isScalar(item.key)) return null;
  const value = item.key.value;
  return typeof value === 'string' ? value : String(value);
}

/** The first pair of a map whose scalar key reads `key`, as `items.find` over `String(key.value)` would find it. */
function pairByKey(map: YAMLMap<unknown, unknown>, key: string): Pair<unknown, unknown> | undefined {
  if (map.items.length > SCANNED_MAP_ITEMS) {
    let index = pairIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const text = keyText(item);
        if (text !== null && !index.has(text)) index.set(text, item);
      }
      pairIndexes.set(map, index);
    }
    return index.get(key);
  }
  for (const item of map.items) {
    if (keyText(item) === key) return item;
  }
  return undefined;
}

/** Where a dotted path leads: the key node of its last step (null when that step indexed a list) and the value there. */
interface Walked {
  key: Node | null;
  value: unknown;
}

/**
 * Follows a dotted spec path through the document in one walk, looking list items up by their name; `segments`,
 * when given, receives each step as `findNode` would take it. Null when some step does not exist.
 */
function walkDotted(doc: Document, dotted: string, segments: Segment[] | null): Walked | null {
  const parts = dotted.split('.');
  let current: unknown = doc.contents;
  let key: Node | null = null;
  let lastSegment: Segment | undefined;
  for (let i = 0; i < parts.length; i++) {
    current = resolveAlias(current, doc);
    if (isSeq(current)) {
      const seq = current;
      // Decision ids may contain a dot (consistency.<flow>): try the longest name first, when any name has a dot.
      const names = itemIndexByName(seq, itemNameKey(lastSegment), doc);
      let index = -1;
      for (let j = names.dotted ? parts.length : i + 1; j > i && index < 0; j--) {
        const candidate = j === i + 1 ? parts[i]! : parts.slice(i, j).join('.');
        index = names.positions.get(candidate) ?? -1;
        if (index >= 0) i = j - 1;
      }
      if (index < 0) {
        if (!/^\d+$/.test(parts[i]!)) return null;
        index = Number(parts[i]);
      }
      lastSegment = index;
      segments?.push(index);
      current = seq.items[index];
      key = null;
    } else if (isMap(current)) {
      const part = parts[i]!;
      lastSegment = part;
      segments?.push(part);
      const pair = pairByKey(current, part);
      if (!pair) return null;
      key = pair.key as Node;
      current = pair.value;
    } else {
      return null;
    }
  }
  return { key, value: current };
}

/** Turns a dotted spec path into document segments, looking list items up by their name. */
export function dottedToSegments(doc: Document, dotted: string): Segment[] | null {
  const segments: Segment[] = [];
  return walkDotted(doc, dotted, segments) ? segments : null;
}

export function createLocator(text: string, doc: Document, lineCounter: LineCounter): SpecLocator {
  // The document is never modified after loading, so each path's answer can be remembered (one memo per part).
  const valueSpans = new Map<string, SourceSpan | null>();
  const keySpans = new Map<string, SourceSpan | null>();
  const rememberedSpan = (path: string, part: 'key' | 'value'): SourceSpan | null => {
    const memo = part === 'key' ? keySpans : valueSpans;
    let result = memo.get(path);
    if (result === undefined) {
      result = computeSpan(path, part);
      memo.set(path, result);
    }
    return result;
  };
  const computeSpan = (path: string, part: 'key' | 'value'): SourceSpan | null => {
    // `findNode` of no segments: the document's contents, without a key.
    const walked = path === '' ? { key: null, value: doc.contents } : walkDotted(doc, path, null);
    if (!walked) return null;
    // A list index past the end leaves neither key nor value, as `findNode` finds nothing there.
    const value = (resolveAlias(walked.value, doc) ?? null) as Node | null;
    const node = part === 'key' ? walked.key ?? value : value;
    if (!node?.range) return null;
    return { start: node.range[0], end: node.range[1] };
  };
  return {
    span(path, part = 'value') {
      const result = rememberedSpan(path, part);
      // A copy, so that a caller adjusting its span cannot change later answers.
      return result && { start: result.start, end: result.end };
    },
    position(path) {
      const s = rememberedSpan(path, 'value');
      return s ? offsetToPosition(text, lineCounter, s.start) : null;
    },
  };
}
