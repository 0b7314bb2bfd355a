// Character-level scanning shared by the block and flow parsers: spaces, line ends, comments and blank lines.
import { decline } from './decline.js';

export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const HASH = 0x23;
export const COLON = 0x3a;
export const DASH = 0x2d;
export const COMMA = 0x2c;
export const SINGLE_QUOTE = 0x27;
export const DOUBLE_QUOTE = 0x22;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const PIPE = 0x7c;
export const GREATER = 0x3e;

/** Index of the first non-space at or after `pos`. */
export function skipSpaces(text: string, pos: number): number {
  while (text.charCodeAt(pos) === SPACE) pos++;
  return pos;
}

/** Index of the line break ending the line that holds `pos`, or the text's length. */
export function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl;
}

/** Start of the line after the one holding `pos`, or the text's length on the last line. */
export function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

/** True at the end of the text or at a space or line break: what must follow `:` and `-` indicators in block context. */
export function isBlankOrEnd(code: number): boolean {
  return code === SPACE || code === NEWLINE || Number.isNaN(code);
}

export function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

/**
 * After a value that ends mid-line (a scalar or a flow collection): optional spaces, an optional comment that is
 * separated by a space, then the line break. Returns the offset after the line break (or the end of the text).
 * Anything else on the line is outside the subset.
 */
export function endOfValueLine(text: string, valueEnd: number): number {
  let pos = skipSpaces(text, valueEnd);
  if (text.charCodeAt(pos) === HASH) {
    if (pos === valueEnd) decline('comment not separated from its value');
    pos = lineEnd(text, pos);
  }
  const code = text.charCodeAt(pos);
  if (Number.isNaN(code)) return pos;
  if (code !== NEWLINE) decline('unexpected text after a value');
  return pos + 1;
}

/**
 * The yaml library's parser appends comment lines indented deeper than the owning collection (and the blank lines
 * before them) to the preceding scalar or flow collection, so they count in that node's range. Returns the new end.
 */
export function absorbIndentedComments(text: string, from: number, ownerIndent: number): number {
  let end = from;
  let lineStart = from;
  while (lineStart < text.length) {
    const first = skipSpaces(text, lineStart);
    const code = text.charCodeAt(first);
    if (code === NEWLINE) {
      lineStart = first + 1; // blank line: counts only if an indented comment follows
    } else if (code === HASH && first - lineStart > ownerIndent) {
      end = lineStart = nextLineStart(text, first);
    } else {
      break;
    }
  }
  return end;
}

/** What lies between the end of a node and the next content line. */
export interface Trivia {
  /** Offset of the first character of the next content line (past its indentation), or the text's length. */
  contentPos: number;
  /** Column of that character; -1 at the end of the text. */
  indent: number;
  /** Greatest column of a comment in between; -1 when there is none (or when a collection already kept them). */
  maxCommentCol: number;
}

/** Skips blank and comment lines starting at the line start `from`. */
export function scanTrivia(text: string, from: number): Trivia {
  let maxCommentCol = -1;
  let lineStart = from;
  while (lineStart < text.length) {
    const first = skipSpaces(text, lineStart);
    const code = text.charCodeAt(first);
    if (code === NEWLINE) {
      lineStart = first + 1;
    } else if (code === HASH) {
      maxCommentCol = Math.max(maxCommentCol, first - lineStart);
      lineStart = nextLineStart(text, first);
    } else if (Number.isNaN(code)) {
      break;
    } else {
      return { contentPos: first, indent: first - lineStart, maxCommentCol };
    }
  }
  return { contentPos: text.length, indent: -1, maxCommentCol };
}
