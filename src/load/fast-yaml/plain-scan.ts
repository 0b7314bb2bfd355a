// Finds where a single-line plain scalar ends, in block or flow context, following yaml's lexer.
import { decline } from './decline.js';
import {
  COLON, DASH, HASH, NEWLINE, SPACE, isBlankOrEnd, isFlowIndicator, skipSpaces,
} from './text-scan.js';

/**
 * Why a plain scalar stopped: at the end of the line or text, at ` #`, at a `:` that is a mapping indicator, or at a
 * flow indicator (flow context only).
 */
export type PlainStop = 'lineEnd' | 'comment' | 'colon' | 'flowIndicator';

export interface PlainExtent {
  /** Offset just past the last non-space character. */
  end: number;
  /** Offset of the character that stopped the scan. */
  stop: number;
  reason: PlainStop;
}

/**
 * Characters that cannot start a plain scalar in the subset: indicators, and the ones yaml rejects
 * (`, % | > @ \``). `-` may start one when it is not followed by a space (`-1`, `-x`); `?` and `:` are declined.
 */
export function checkPlainStart(text: string, pos: number, inFlow: boolean): void {
  const code = text.charCodeAt(pos);
  switch (code) {
    case DASH: {
      const next = text.charCodeAt(pos + 1);
      if (isBlankOrEnd(next) || (inFlow && isFlowIndicator(next))) decline('sequence indicator where a value was expected');
      return;
    }
    case 0x3f: case COLON: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case HASH: case 0x26: case 0x2a:
    case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
      decline(`plain scalar starting with ${text[pos]}`);
      return;
    default:
      if (Number.isNaN(code) || code === NEWLINE || code === SPACE) decline('missing value');
  }
}

/** Scans a plain scalar starting at `pos` up to the end of its line. */
export function scanPlain(text: string, pos: number, inFlow: boolean): PlainExtent {
  let end = pos;
  let i = pos;
  for (;;) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || code === NEWLINE) return { end, stop: i, reason: 'lineEnd' };
    if (code === COLON) {
      const next = text.charCodeAt(i + 1);
      if (isBlankOrEnd(next) || (inFlow && isFlowIndicator(next))) return { end, stop: i, reason: 'colon' };
      end = i + 1;
    } else if (code === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) return { end, stop: i + 1, reason: 'comment' };
    } else if (inFlow && isFlowIndicator(code)) {
      return { end, stop: i, reason: 'flowIndicator' };
    } else {
      end = i + 1;
    }
    i++;
  }
}

/**
 * In a flow collection a plain scalar at the end of a line would continue on the next one unless that line starts
 * with a comment or a flow indicator that ends it; multi-line plain scalars are outside the subset.
 */
export function checkFlowPlainEndsAtLineEnd(text: string, lineBreak: number): void {
  let lineStart = lineBreak + 1;
  for (;;) {
    const first = skipSpaces(text, lineStart);
    const code = text.charCodeAt(first);
    if (code === NEWLINE) {
      lineStart = first + 1;
      continue;
    }
    if (code === HASH || code === 0x2c || code === 0x5d || code === 0x7d) return;
    decline('plain scalar may continue on the next line');
  }
}
