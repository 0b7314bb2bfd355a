// Block mappings and sequences, with the ranges yaml's parser gives them, including where it puts comment lines.
import { Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_NESTING_DEPTH } from '../limits.js';
import { scanBlockScalar } from './block-scalar.js';
import type { ParseContext } from './context.js';
import { resolvePlainScalar } from './core-schema.js';
import { decline } from './decline.js';
import { parseFlowCollection } from './flow.js';
import { addPair, makeMap, makeScalar, makeSeq, plainKey, quotedKey, type Parsed, type ParsedKey } from './nodes.js';
import { checkPlainStart, scanPlain } from './plain-scan.js';
import { scanQuoted } from './quoted-scalar.js';
import {
  COLON, DASH, DOUBLE_QUOTE, GREATER, HASH, NEWLINE, OPEN_BRACE, OPEN_BRACKET, PIPE, SINGLE_QUOTE, SPACE,
  absorbIndentedComments, endOfValueLine, isBlankOrEnd, scanTrivia, skipSpaces, type Trivia,
} from './text-scan.js';

/** A parsed block node and the blank and comment lines after it, up to the next content line. */
export interface BlockParsed extends Parsed {
  trivia: Trivia;
}

/** yaml reports an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_IMPLICIT_KEY_LENGTH = 1000;

/** Parses a block mapping whose first key is at `pos`, in column `indent`. */
export function parseBlockMap(ctx: ParseContext, pos: number, indent: number, depth: number): BlockParsed {
  if (depth > MAX_NESTING_DEPTH) decline('nesting too deep');
  const { text } = ctx;
  const map = makeMap(ctx.schema, false);
  const object: Record<string, unknown> = {};
  let keyPos = pos;
  for (;;) {
    const key = parseBlockKey(ctx, keyPos);
    if (key.colon - keyPos > MAX_IMPLICIT_KEY_LENGTH) decline('long implicit key');
    const valueStart = skipSpaces(text, key.colon + 1);
    const code = text.charCodeAt(valueStart);
    const item = code === NEWLINE || code === HASH || Number.isNaN(code)
      ? parseValueOnNextLines(ctx, key.colon + 1, indent, depth + 1)
      : parseInlineValue(ctx, valueStart, indent, depth + 1);
    addPair(map, object, key.node, key.value, item);
    if (item.trivia.indent !== indent) return finishCollection(map, object, pos, item, indent);
    keyPos = item.trivia.contentPos;
  }
}

/** Parses a block sequence whose first `-` is at `pos`, in column `indent`. */
export function parseBlockSeq(ctx: ParseContext, pos: number, indent: number, depth: number): BlockParsed {
  if (depth > MAX_NESTING_DEPTH) decline('nesting too deep');
  const { text } = ctx;
  const seq = makeSeq(ctx.schema, false);
  const array: unknown[] = [];
  let dashPos = pos;
  for (;;) {
    if (text.charCodeAt(dashPos + 1) !== SPACE) decline('sequence item on the next line or empty');
    const itemPos = skipSpaces(text, dashPos + 1);
    const itemColumn = indent + itemPos - dashPos;
    const item = isSeqItemAt(text, itemPos)
      ? parseBlockSeq(ctx, itemPos, itemColumn, depth + 1)
      : startsCompactMap(text, itemPos)
        ? parseBlockMap(ctx, itemPos, itemColumn, depth + 1)
        : parseSeqItemValue(ctx, itemPos, indent, depth + 1);
    seq.items.push(item.node);
    array.push(item.value);
    const { trivia } = item;
    if (trivia.indent !== indent || !isSeqItemAt(text, trivia.contentPos)) {
      return finishCollection(seq, array, pos, item, indent);
    }
    dashPos = trivia.contentPos;
  }
}

/**
 * Closes a collection after its last item. Blank and comment lines after it stay in the collection's range when one
 * of the comments is at least as indented as its items (yaml's parser keeps them there, except at column 0);
 * otherwise they pass to the parent collection, which applies the same rule.
 */
function finishCollection(
  node: YAMLMap | YAMLSeq, value: unknown, start: number, last: BlockParsed, indent: number,
): BlockParsed {
  const { trivia } = last;
  if (trivia.indent > indent) decline('unexpected indentation');
  const lastEnd = last.node.range![2];
  const keepsComments = indent !== 0 && trivia.maxCommentCol >= indent;
  node.range = [start, lastEnd, keepsComments ? trivia.contentPos : lastEnd];
  return { node, value, trivia: keepsComments ? { ...trivia, maxCommentCol: -1 } : trivia };
}

function isSeqItemAt(text: string, pos: number): boolean {
  return text.charCodeAt(pos) === DASH && isBlankOrEnd(text.charCodeAt(pos + 1));
}

/** A single-line implicit key (plain or quoted) followed by `:` and a space or line break. */
function parseBlockKey(ctx: ParseContext, pos: number): ParsedKey {
  const { text } = ctx;
  const code = text.charCodeAt(pos);
  if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
    const quoted = scanQuoted(text, pos);
    const colon = skipSpaces(text, quoted.end);
    if (text.charCodeAt(colon) !== COLON || !isBlankOrEnd(text.charCodeAt(colon + 1))) decline('expected a mapping key');
    return quotedKey(quoted.value, code === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE, pos, quoted.end, colon);
  }
  checkPlainStart(text, pos, false);
  const extent = scanPlain(text, pos, false);
  if (extent.reason !== 'colon') decline('expected a mapping key');
  return plainKey(text, pos, extent.end, extent.stop);
}

/** Whether the node starting at `pos` is a block mapping (`key: value`), as a sequence item or on its own line. */
function startsCompactMap(text: string, pos: number): boolean {
  const code = text.charCodeAt(pos);
  if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
    const colon = skipSpaces(text, scanQuoted(text, pos).end);
    return text.charCodeAt(colon) === COLON && isBlankOrEnd(text.charCodeAt(colon + 1));
  }
  if (code === OPEN_BRACKET || code === OPEN_BRACE || code === PIPE || code === GREATER || code === HASH
    || code === NEWLINE || Number.isNaN(code) || isSeqItemAt(text, pos)) {
    return false;
  }
  return scanPlain(text, pos, false).reason === 'colon';
}

function parseSeqItemValue(ctx: ParseContext, pos: number, indent: number, depth: number): BlockParsed {
  const code = ctx.text.charCodeAt(pos);
  if (code === NEWLINE || code === HASH || Number.isNaN(code)) decline('sequence item on the next line');
  return parseInlineValue(ctx, pos, indent, depth);
}

/**
 * A mapping value written on the lines after its key: a block sequence indented deeper or at the key's column, or,
 * indented deeper, a block mapping or a value of one line (a flow collection, a quoted or plain scalar; its
 * continuation lines would be indented deeper than the key, which the caller declines). Empty values are declined.
 */
function parseValueOnNextLines(ctx: ParseContext, afterColon: number, indent: number, depth: number): BlockParsed {
  const { text } = ctx;
  const lineAfterKey = endOfValueLine(text, afterColon);
  const next = scanTrivia(text, lineAfterKey);
  const pos = next.contentPos;
  if (isSeqItemAt(text, pos) && next.indent >= indent) return parseBlockSeq(ctx, pos, next.indent, depth);
  if (next.indent <= indent) return decline('empty mapping value');
  if (startsCompactMap(text, pos)) return parseBlockMap(ctx, pos, next.indent, depth);
  const code = text.charCodeAt(pos);
  if (code === PIPE || code === GREATER) return decline('block scalar header on its own line');
  // yaml's lexer can lose the key's indentation across a blank line followed by a line starting in column 0 (and
  // across `#comment` lines), after which a plain scalar would run on into the next lines.
  if (pos - next.indent !== lineAfterKey) return decline('value after blank or comment lines');
  return parseInlineValue(ctx, pos, indent, depth);
}

/**
 * A value that starts on its key's (or its `-`'s) line: a flow collection, a quoted or plain scalar, or a block
 * scalar. `ownerIndent` is the column of the owning collection's items.
 */
function parseInlineValue(ctx: ParseContext, pos: number, ownerIndent: number, depth: number): BlockParsed {
  const { text } = ctx;
  const code = text.charCodeAt(pos);
  if (code === PIPE || code === GREATER) {
    const block = scanBlockScalar(text, pos, ownerIndent);
    const type = block.folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    const node = makeScalar(block.value, block.value, type, pos, block.end, block.end);
    return { node, value: block.value, trivia: scanTrivia(text, block.end) };
  }
  let parsed: Parsed;
  let valueEnd: number;
  if (code === OPEN_BRACKET || code === OPEN_BRACE) {
    const flow = parseFlowCollection(ctx, pos, { ownerIndent, level: 1 }, depth);
    parsed = flow;
    valueEnd = flow.end;
  } else if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) {
    const quoted = scanQuoted(text, pos);
    const type = code === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
    valueEnd = quoted.end;
    parsed = { node: makeScalar(quoted.value, quoted.value, type, pos, valueEnd, valueEnd), value: quoted.value };
  } else {
    checkPlainStart(text, pos, false);
    const extent = scanPlain(text, pos, false);
    if (extent.reason === 'colon') decline('mapping on the same line as its key');
    valueEnd = extent.end;
    const source = text.slice(pos, valueEnd);
    const value = resolvePlainScalar(source);
    parsed = { node: makeScalar(value, source, Scalar.PLAIN, pos, valueEnd, valueEnd), value };
  }
  // The rest of the line, then comment lines indented past the owner, belong to the value (see absorbIndentedComments).
  const end = absorbIndentedComments(text, endOfValueLine(text, valueEnd), ownerIndent);
  parsed.node.range![2] = end;
  return { node: parsed.node, value: parsed.value, trivia: scanTrivia(text, end) };
}
