// Single-line single- and double-quoted scalars, decoded as yaml 2.x decodes them.
import { decline } from './decline.js';
import { DOUBLE_QUOTE, NEWLINE, SINGLE_QUOTE } from './text-scan.js';

export interface QuotedScalar {
  /** Offset just past the closing quote. */
  end: number;
  value: string;
}

const BACKSLASH = 0x5c;

/** yaml's double-quote escapes that stand for one character (`\x`, `\u`, `\U` are decoded separately). */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** Scans the quoted scalar whose opening quote is at `pos`; a line break before the closing quote is declined. */
export function scanQuoted(text: string, pos: number): QuotedScalar {
  return text.charCodeAt(pos) === SINGLE_QUOTE ? scanSingleQuoted(text, pos) : scanDoubleQuoted(text, pos);
}

function scanSingleQuoted(text: string, pos: number): QuotedScalar {
  let i = pos + 1;
  let doubled = false;
  for (;;) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || code === NEWLINE) decline('unterminated or multi-line single-quoted scalar');
    if (code === SINGLE_QUOTE) {
      if (text.charCodeAt(i + 1) !== SINGLE_QUOTE) break;
      doubled = true;
      i += 2;
    } else {
      i++;
    }
  }
  const body = text.slice(pos + 1, i);
  return { end: i + 1, value: doubled ? body.replace(/''/g, "'") : body };
}

function scanDoubleQuoted(text: string, pos: number): QuotedScalar {
  let value = '';
  let chunkStart = pos + 1;
  let i = pos + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || code === NEWLINE) decline('unterminated or multi-line double-quoted scalar');
    if (code === DOUBLE_QUOTE) break;
    if (code !== BACKSLASH) {
      i++;
      continue;
    }
    value += text.slice(chunkStart, i);
    const next = text[i + 1] ?? '';
    const simple = ESCAPES[next];
    if (simple !== undefined && Object.hasOwn(ESCAPES, next)) {
      value += simple;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      value += decodeCodePoint(text.slice(i + 2, i + 2 + length), length);
      i += 2 + length;
    } else {
      decline(`escape not supported: \\${next}`);
    }
    chunkStart = i;
  }
  return { end: i + 1, value: value + text.slice(chunkStart, i) };
}

function decodeCodePoint(hex: string, length: number): string {
  if (hex.length !== length || !HEX_DIGITS.test(hex)) decline('invalid escape');
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) decline('invalid code point');
  return String.fromCodePoint(code);
}
