// Literal and folded block scalars (`|`, `|-`, `>`, `>-`): where yaml's lexer ends them and the value its composer
// builds. Keep chomping (`+`) and indentation indicators are declined.
import { decline } from './decline.js';
import { DASH, GREATER, HASH, NEWLINE, SPACE, lineEnd, skipSpaces } from './text-scan.js';

export interface BlockScalar {
  /** Offset just past the scalar's last line (its range end; trailing blank lines are not part of it). */
  end: number;
  value: string;
  folded: boolean;
}

/** Scans the block scalar whose header (`|` or `>`) is at `pos`, in a collection whose items are at `ownerIndent`. */
export function scanBlockScalar(text: string, pos: number, ownerIndent: number): BlockScalar {
  const folded = text.charCodeAt(pos) === GREATER;
  let i = pos + 1;
  const strip = text.charCodeAt(i) === DASH;
  if (strip) i++;
  const afterHeader = text.charCodeAt(i);
  if (afterHeader === SPACE) {
    i = skipSpaces(text, i);
    if (text.charCodeAt(i) === HASH) i = lineEnd(text, i);
    if (text.charCodeAt(i) !== NEWLINE) decline('text after a block scalar header');
  } else if (afterHeader !== NEWLINE) {
    decline('block scalar header not supported');
  }
  const contentStart = i + 1;
  const { contentIndent, firstContentLine } = firstContentLineOf(text, contentStart);
  if (contentIndent <= ownerIndent) decline('empty block scalar');

  const end = Math.min(lastLineBreak(text, firstContentLine, contentStart, contentIndent) + 1, text.length);
  const source = text.slice(contentStart, end);
  return { end, value: blockScalarValue(source, ownerIndent, folded, strip), folded };
}

/**
 * Skips leading blank lines; the first line with content sets the indentation. A leading blank line with more spaces
 * than that is an error for yaml (it needs an indentation indicator), so it is declined.
 */
function firstContentLineOf(text: string, contentStart: number): { contentIndent: number; firstContentLine: number } {
  let lineStart = contentStart;
  let longestBlank = 0;
  for (;;) {
    const first = skipSpaces(text, lineStart);
    const code = text.charCodeAt(first);
    if (Number.isNaN(code)) return decline('empty block scalar');
    if (code !== NEWLINE) {
      if (longestBlank > first - lineStart) decline('more-indented leading blank line in a block scalar');
      return { contentIndent: first - lineStart, firstContentLine: lineStart };
    }
    longestBlank = Math.max(longestBlank, first - lineStart);
    lineStart = first + 1;
  }
}

/**
 * The line break that ends the scalar's source, as yaml's lexer finds it: lines continue while blank or indented at
 * least `contentIndent`; then trailing blank lines no longer than `contentIndent` are dropped. The text's length
 * stands for a last line without a line break.
 */
function lastLineBreak(text: string, firstContentLine: number, contentStart: number, contentIndent: number): number {
  let nl = firstContentLine - 1;
  for (;;) {
    const lineStart = nl + 1;
    const first = skipSpaces(text, lineStart);
    if (text.charCodeAt(first) !== NEWLINE && first - lineStart < contentIndent) break;
    nl = text.indexOf('\n', first);
    if (nl === -1) {
      nl = text.length;
      break;
    }
  }
  for (;;) {
    const lastChar = nl - 1;
    let i = lastChar;
    while (text.charCodeAt(i) === SPACE) i--;
    if (text.charCodeAt(i) === NEWLINE && i >= contentStart && i + 1 + contentIndent > lastChar) nl = i;
    else break;
  }
  return nl;
}

/** yaml's `splitLines`: [indentation, content] per line. */
function splitLines(source: string): Array<[string, string]> {
  const split = source.split(/\n( *)/);
  const first = split[0]!;
  const indent = /^( *)/.exec(first)![1]!;
  const lines: Array<[string, string]> = [[indent, first.slice(indent.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i]!, split[i + 1]!]);
  return lines;
}

/**
 * yaml's `resolveBlockScalar` for a header without indentation indicator and with clip or strip chomping; the
 * scalar's lines are checked already (content below the first line's indentation ends the scalar in the lexer).
 */
function blockScalarValue(source: string, ownerIndent: number, folded: boolean, strip: boolean): string {
  const lines = splitLines(source);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i]![1] === '') chompStart = i;
    else break;
  }
  let trimIndent = ownerIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (content !== '') {
      trimIndent = indent.length;
      contentStart = i;
      break;
    }
    if (indent.length > trimIndent) trimIndent = indent.length;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]![0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  for (let i = 0; i < contentStart; ++i) value += lines[i]![0].slice(trimIndent) + '\n';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; ++i) {
    const [indent, content] = lines[i]!;
    if (!folded) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  return strip ? value : value + '\n';
}
