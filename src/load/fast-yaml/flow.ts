// Flow collections (`[a, b]`, `{ a: 1, b: [x] }`), on one line or spanning lines, with the ranges yaml gives them.
import { Scalar } from 'yaml';
import { MAX_NESTING_DEPTH } from '../limits.js';
import type { ParseContext } from './context.js';
import { resolvePlainScalar } from './core-schema.js';
import { decline } from './decline.js';
import { addPair, makeMap, makeScalar, makeSeq, plainKey, quotedKey, type Parsed, type ParsedKey } from './nodes.js';
import { checkFlowPlainEndsAtLineEnd, checkPlainStart, scanPlain } from './plain-scan.js';
import { scanQuoted } from './quoted-scalar.js';
import {
  CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, DOUBLE_QUOTE, HASH, NEWLINE, OPEN_BRACE, OPEN_BRACKET, SINGLE_QUOTE, SPACE,
  lineEnd, skipSpaces,
} from './text-scan.js';

/** A parsed flow node and the offset just past its last character (its `range[1]`). */
export interface FlowParsed extends Parsed {
  end: number;
}

/** Where the flow collection sits: the column of the enclosing block collection's items, and the flow nesting level. */
interface FlowPlace {
  ownerIndent: number;
  level: number;
}

/**
 * Parses the flow collection opening at `pos`. Its `range[2]` is left equal to `range[1]`: what follows belongs to
 * it in ways only the caller knows.
 */
export function parseFlowCollection(ctx: ParseContext, pos: number, place: FlowPlace, depth: number): FlowParsed {
  if (depth > MAX_NESTING_DEPTH) decline('nesting too deep');
  const { text } = ctx;
  const isMap = text.charCodeAt(pos) === OPEN_BRACE;
  const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
  const map = isMap ? makeMap(ctx.schema, true) : null;
  const seq = isMap ? null : makeSeq(ctx.schema, true);
  const object: Record<string, unknown> = {};
  const array: unknown[] = [];
  let p = skipFlowTrivia(text, pos + 1, place);
  if (text.charCodeAt(p) !== close) {
    for (;;) {
      if (map) {
        const key = parseFlowKey(ctx, p);
        const valueStart = skipSpaces(text, key.colon + 1);
        const item = parseFlowValue(ctx, valueStart, place, depth);
        item.node.range![2] = endOfFlowMapValue(text, item.end);
        addPair(map, object, key.node, key.value, item);
        p = skipFlowTrivia(text, item.end, place);
      } else {
        const item = parseFlowValue(ctx, p, place, depth);
        p = skipFlowTrivia(text, item.end, place);
        item.node.range![2] = p;
        seq!.items.push(item.node);
        array.push(item.value);
      }
      const code = text.charCodeAt(p);
      if (code === close) break;
      if (code !== COMMA) decline('expected a comma or the end of the flow collection');
      p = skipFlowTrivia(text, p + 1, place);
      if (text.charCodeAt(p) === close) decline('trailing comma');
    }
  }
  const end = p + 1;
  const node = map ?? seq!;
  node.range = [pos, end, end];
  return { node, value: map ? object : array, end };
}

/**
 * Spaces, line breaks and comments inside a flow collection. Continuation lines must be indented past the owning
 * block collection (the outermost closing bracket may sit at its column), as yaml's lexer requires.
 */
function skipFlowTrivia(text: string, pos: number, place: FlowPlace): number {
  let p = pos;
  for (;;) {
    const code = text.charCodeAt(p);
    if (code === SPACE) {
      p++;
    } else if (code === HASH) {
      const before = text.charCodeAt(p - 1);
      if (before !== SPACE && before !== NEWLINE) decline('comment not separated by a space');
      p = lineEnd(text, p);
    } else if (code === NEWLINE) {
      const lineStart = p + 1;
      p = skipSpaces(text, lineStart);
      checkFlowLineIndent(text.charCodeAt(p), p - lineStart, place);
    } else if (Number.isNaN(code)) {
      decline('unterminated flow collection');
    } else {
      return p;
    }
  }
}

function checkFlowLineIndent(first: number, indent: number, place: FlowPlace): void {
  if (first === NEWLINE || first === HASH || Number.isNaN(first) || indent > place.ownerIndent) return;
  const closesOutermost = indent === place.ownerIndent && place.level === 1 && (first === CLOSE_BRACKET || first === CLOSE_BRACE);
  if (!closesOutermost) decline('flow collection line not indented enough');
}

/** A flow map value owns the spaces, comment and line break that follow it on its line. */
function endOfFlowMapValue(text: string, valueEnd: number): number {
  let p = skipSpaces(text, valueEnd);
  if (text.charCodeAt(p) === HASH) {
    if (p === valueEnd) decline('comment not separated by a space');
    p = lineEnd(text, p);
  }
  return text.charCodeAt(p) === NEWLINE ? p + 1 : p;
}

function parseFlowKey(ctx: ParseContext, pos: number): ParsedKey {
  const { text } = ctx;
  const code = text.charCodeAt(pos);
  if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
    const quoted = scanQuoted(text, pos);
    const colon = skipSpaces(text, quoted.end);
    if (text.charCodeAt(colon) !== COLON) decline('flow map key without a value');
    return quotedKey(quoted.value, code === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE, pos, quoted.end, colon);
  }
  checkPlainStart(text, pos, true);
  const extent = scanPlain(text, pos, true);
  const after = text.charCodeAt(extent.stop + 1);
  if (extent.reason !== 'colon' || (after !== SPACE && after !== NEWLINE)) decline('flow map key without a value');
  return plainKey(text, pos, extent.end, extent.stop);
}

/** A flow item or map value: a nested flow collection, a quoted scalar or a single-line plain scalar. */
function parseFlowValue(ctx: ParseContext, pos: number, place: FlowPlace, depth: number): FlowParsed {
  const { text } = ctx;
  const code = text.charCodeAt(pos);
  if (code === OPEN_BRACKET || code === OPEN_BRACE) {
    return parseFlowCollection(ctx, pos, { ownerIndent: place.ownerIndent, level: place.level + 1 }, depth + 1);
  }
  if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
    const quoted = scanQuoted(text, pos);
    const type = code === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    return { node: makeScalar(quoted.value, quoted.value, type, pos, quoted.end, quoted.end), value: quoted.value, end: quoted.end };
  }
  checkPlainStart(text, pos, true);
  const extent = scanPlain(text, pos, true);
  if (extent.reason === 'lineEnd') {
    if (extent.stop >= text.length) decline('unterminated flow collection');
    checkFlowPlainEndsAtLineEnd(text, extent.stop);
  }
  const source = text.slice(pos, extent.end);
  const value = resolvePlainScalar(source);
  return { node: makeScalar(value, source, Scalar.PLAIN, pos, extent.end, extent.end), value, end: extent.end };
}
