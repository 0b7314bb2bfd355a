// Locates a JSON pointer (`#/paths/~1v1~1users/get`) in YAML text through the `yaml` package's node ranges.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { SourceSpan } from '../load/locator.js';

/** Pointer segments, unescaped (`~1` is `/`, `~0` is `~`; tools may also percent-encode). */
export function pointerSegments(pointer: string): string[] {
  const path = pointer.replace(/^#/, '').replace(/^\//, '');
  if (path === '') return [];
  return path.split('/').map((raw) => {
    const unescaped = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    try {
      return decodeURIComponent(unescaped);
    } catch {
      return unescaped;
    }
  });
}

function rangeOf(node: unknown): SourceSpan | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : null;
}

function keyText(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

/**
 * The span of the node the pointer names: its key when `onKey`, else its value. A pointer to something absent
 * (a missing field) resolves to the deepest node that exists, at its key, where the field belongs.
 */
export function locatePointer(doc: Document, pointer: string, onKey: boolean): SourceSpan | null {
  let node: unknown = doc.contents;
  let keyNode: unknown = null;
  let found = true;
  for (const segment of pointerSegments(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    let nextKey: unknown = null;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item) === segment);
      if (pair) {
        next = pair.value;
        nextKey = pair.key;
      }
    } else if (isSeq(node) && /^\d+$/.test(segment)) next = node.items[Number(segment)];
    if (next === undefined || next === null) {
      found = false;
      break;
    }
    node = next;
    keyNode = nextKey;
  }
  const useKey = (onKey || !found) && keyNode !== null;
  return rangeOf(useKey ? keyNode : (node as Node | null)) ?? rangeOf(keyNode);
}
