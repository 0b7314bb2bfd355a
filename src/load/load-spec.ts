// Loads system.yaml into a plain value plus its parsed document, collecting located diagnostics, never throwing.
import {
  isAlias, isCollection, isPair, isScalar, LineCounter, parseAllDocuments, type Document, type Node,
} from 'yaml';
import { DiagnosticCollector } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseFastYaml, type FastYamlResult } from './fast-yaml.js';
import { createLocator, type SourceSpan, type SpecLocator } from './locator.js';
import { MAX_ALIAS_EXPANSIONS, MAX_NESTING_DEPTH, MAX_SPEC_BYTES } from './limits.js';

export interface LoadedSpec {
  file: string;
  /** Decoded text without BOM: spans index into it. */
  text: string;
  doc: Document;
  lineCounter: LineCounter;
  locator: SpecLocator;
  /** The plain JS value (untyped until validated). */
  value: unknown;
}

export interface LoadResult {
  loaded: LoadedSpec | null;
  diagnostics: Diagnostic[];
}

/** Keys that could alter object prototypes if a consumer ever assigned them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** YAML 1.2 core tags; anything else (!!binary, !!set, custom !tags) could construct non-plain values. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

const YAML_ERROR_CODES: Record<string, 'ARC0102' | 'ARC0103'> = {
  DUPLICATE_KEY: 'ARC0102',
  TAB_AS_INDENT: 'ARC0103',
};

function decodeUtf8(bytes: Uint8Array, report: DiagnosticCollector): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    // Locate by the valid prefix so the caret lands on the bad byte's line and column.
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    report.report('ARC0108', { byte: (bytes[offset] ?? 0).toString(16).padStart(2, '0').toUpperCase() }, {
      start: prefix.length, end: prefix.length + 1,
    });
    return prefix;
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i; // overlong or surrogate encodings
    }
    i += need + 1;
  }
  return bytes.length;
}

function spanOf(node: Node | null | undefined): SourceSpan | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/**
 * Walks the document once with an explicit stack (no recursion: depth is what we are checking), reporting
 * forbidden keys, non-core tags, non-scalar keys and excessive nesting. Returns false when the tree is too deep.
 */
function checkTree(text: string, doc: Document, report: DiagnosticCollector): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!node || isAlias(node)) continue;
    const tagged = node as Node;
    if (tagged.tag && !ALLOWED_TAGS.has(tagged.tag)) {
      report.report('ARC0111', { tag: tagged.tag.replace('tag:yaml.org,2002:', '!!') }, spanWithTag(text, tagged));
    }
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING_DEPTH) {
      report.report('ARC0106', { limit: MAX_NESTING_DEPTH }, spanOf(node));
      return false;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key as Node | null;
        if (key && !isScalar(key)) report.report('ARC0113', {}, spanOf(key));
        else if (key && isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
          report.report('ARC0107', { key: String(key.value) }, spanOf(key));
        }
        if (key && isScalar(key) && key.tag && !ALLOWED_TAGS.has(key.tag)) {
          report.report('ARC0111', { tag: key.tag.replace('tag:yaml.org,2002:', '!!') }, spanWithTag(text, key));
        }
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return true;
}

/** The alias that comes first in the source, where a reader starts looking. */
function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (!first || (node.range?.[0] ?? Infinity) < (first.range?.[0] ?? Infinity)) first = node;
    } else if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.value);
        else stack.push(item);
      }
    }
  }
  return first;
}

/** A node's span including an explicit tag written before it (`!!binary x` is located at the `!`). */
function spanWithTag(text: string, node: Node): SourceSpan | undefined {
  const span = spanOf(node);
  if (!span) return span;
  let bang = text.lastIndexOf('!', span.start);
  while (bang > 0 && /\S/.test(text[bang - 1]!)) bang--;
  if (bang >= 0 && /^!\S*\s+$/.test(text.slice(bang, span.start))) return { start: bang, end: span.end };
  return span;
}

/** Loads spec bytes. `file` is the path as given, used in every diagnostic. */
export function loadSpec(file: string, bytes: Uint8Array): LoadResult {
  const report = new DiagnosticCollector(file);
  if (bytes.length > MAX_SPEC_BYTES) {
    report.report('ARC0105', { size: bytes.length, limit: MAX_SPEC_BYTES });
    return { loaded: null, diagnostics: report.items };
  }
  const decoded = decodeUtf8(bytes, report);
  if (decoded === null || report.items.length > 0) return { loaded: null, diagnostics: report.items };
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;

  // Most specs are in the subset the fast parser handles; it declines everything else (and everything the library
  // would report), which then goes through the library so that diagnostics stay exactly the same.
  const fast = parseFastYamlOrNull(text);
  if (fast) {
    // The fast path already excludes what checkTree reports: tags, aliases, non-scalar or refused keys, deep nesting.
    const { doc, lineCounter, value } = fast;
    return { loaded: { file, text, doc, lineCounter, locator: createLocator(text, doc, lineCounter), value }, diagnostics: [] };
  }
  return loadWithLibrary(file, text, report);
}

/** The fast path never decides the outcome: should it ever fail unexpectedly, the library parses instead. */
function parseFastYamlOrNull(text: string): FastYamlResult | null {
  try {
    return parseFastYaml(text);
  } catch {
    return null;
  }
}

/** Parses with the yaml library, turning its errors and warnings and the loader's own checks into diagnostics. */
function loadWithLibrary(file: string, text: string, report: DiagnosticCollector): LoadResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core', merge: false, strict: true,
  });
  const all = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // An empty stream (only comments) parses as an EmptyStream.
    report.report('ARC0109', {});
    return { loaded: null, diagnostics: report.items };
  }
  if (all.length === 0) {
    report.report('ARC0109', {});
    return { loaded: null, diagnostics: report.items };
  }
  if (all.length > 1) {
    report.report('ARC0112', { count: all.length }, spanOf(all[1]!.contents as Node) ?? { start: all[1]!.range[0], end: all[1]!.range[0] + 1 });
  }
  const doc = all[0]!;
  for (const error of doc.errors) {
    const code = YAML_ERROR_CODES[error.code] ?? 'ARC0101';
    const span = { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) };
    if (code === 'ARC0102') {
      // yaml's range may cover only the key's first character: read the whole key token from the source.
      const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#\s][^:#]*?)(?=\s*:)/.exec(text.slice(error.pos[0]))?.[1]?.trim();
      report.report(code, { key: key || text.slice(error.pos[0], error.pos[1]).trim() || '?' }, span);
    } else if (code === 'ARC0103') {
      report.report(code, {}, span);
    } else {
      report.report(code, { detail: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }, span);
    }
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported by checkTree as a custom tag, located at the node
    report.report('ARC0101', { detail: warning.message.split('\n')[0]! }, { start: warning.pos[0], end: warning.pos[1] });
  }
  if (report.items.length > 0) return { loaded: null, diagnostics: report.items };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    report.report('ARC0109', {});
    return { loaded: null, diagnostics: report.items };
  }
  if (!checkTree(text, doc, report) || report.items.length > 0) return { loaded: null, diagnostics: report.items };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    if (error instanceof ReferenceError) {
      report.report('ARC0104', { limit: MAX_ALIAS_EXPANSIONS }, spanOf(firstAlias(doc)));
    } else {
      report.report('ARC0101', { detail: error instanceof Error ? error.message : String(error) }, spanOf(firstAlias(doc)));
    }
    return { loaded: null, diagnostics: report.items };
  }
  return {
    loaded: { file, text, doc, lineCounter, locator: createLocator(text, doc, lineCounter), value },
    diagnostics: report.items,
  };
}


