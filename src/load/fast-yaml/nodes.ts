// Builds the same yaml node objects the library's composer builds, with the same ranges, plus the plain value.
import { Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';
import { minFractionDigits, resolvePlainScalar } from './core-schema.js';
import { decline } from './decline.js';

/** A parsed node together with the plain JS value yaml's `toJS()` would give for it. */
export interface Parsed {
  node: Scalar | YAMLMap | YAMLSeq;
  value: unknown;
}

/** `source` is the scalar's string before core-schema resolution, as yaml keeps it. */
export function makeScalar(
  value: string | number | boolean | null, source: string, type: Scalar.Type, start: number, valueEnd: number, end: number,
): Scalar {
  const scalar = new Scalar(value);
  scalar.range = [start, valueEnd, end];
  scalar.source = source;
  scalar.type = type;
  if (typeof value === 'number') {
    const digits = minFractionDigits(source);
    if (digits !== undefined) scalar.minFractionDigits = digits;
  }
  return scalar;
}

/** A mapping key: its scalar node, its plain value and the offset of the `:` after it. */
export interface ParsedKey {
  node: Scalar;
  value: unknown;
  colon: number;
}

/** A single-line quoted key from `start` to `end` (the closing quote included). */
export function quotedKey(value: string, type: Scalar.Type, start: number, end: number, colon: number): ParsedKey {
  return { node: makeScalar(value, value, type, start, end, end), value, colon };
}

/** A single-line plain key, resolved by the core schema as the library resolves it. */
export function plainKey(text: string, start: number, end: number, colon: number): ParsedKey {
  const source = text.slice(start, end);
  const value = resolvePlainScalar(source);
  return { node: makeScalar(value, source, Scalar.PLAIN, start, end, end), value, colon };
}

export function makeMap(schema: Schema, flow: boolean): YAMLMap {
  const map = new YAMLMap(schema);
  if (flow) map.flow = true;
  return map;
}

export function makeSeq(schema: Schema, flow: boolean): YAMLSeq {
  const seq = new YAMLSeq(schema);
  if (flow) seq.flow = true;
  return seq;
}

/** Keys the loader refuses (prototype pollution); leaving them to the library path keeps its diagnostics. */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype', '<<']);

/**
 * Adds a pair to a map and its value to the plain object, as yaml's `toJS` does. Duplicate, refused and non-string
 * keys are declined.
 */
export function addPair(map: YAMLMap, object: Record<string, unknown>, key: Scalar, keyValue: unknown, value: Parsed): void {
  if (typeof keyValue !== 'string') decline('non-string key');
  if (REFUSED_KEYS.has(keyValue)) decline(`refused key ${keyValue}`);
  if (Object.hasOwn(object, keyValue)) decline(`duplicate key ${keyValue}`);
  map.items.push(new Pair(key, value.node));
  if (keyValue in object) {
    Object.defineProperty(object, keyValue, { value: value.value, writable: true, enumerable: true, configurable: true });
  } else {
    object[keyValue] = value.value;
  }
}
