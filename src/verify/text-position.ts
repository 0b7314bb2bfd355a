// Converts the positions that tools report (1-based lines, columns, code-point indexes) into text offsets.
import type { SourceSpan } from '../load/locator.js';

function lineStart(text: string, line: number): number | null {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return null;
    offset = next + 1;
  }
  return offset;
}

function lineEnd(text: string, start: number): number {
  const next = text.indexOf('\n', start);
  const end = next === -1 ? text.length : next;
  return end > start && text[end - 1] === '\r' ? end - 1 : end;
}

/** Offset of `count` code points after `start` (a surrogate pair is one code point, as in the diagnostics' columns). */
export function advanceCodePoints(text: string, start: number, count: number): number {
  let offset = start;
  for (let i = 0; i < count && offset < text.length; i++) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return offset;
}

/** The span of a line's text without its leading indentation; null when the file has fewer lines. */
export function lineSpan(text: string, line: number): SourceSpan | null {
  const start = lineStart(text, line);
  if (start === null) return null;
  const end = lineEnd(text, start);
  let first = start;
  while (first < end && (text[first] === ' ' || text[first] === '\t')) first++;
  return { start: first === end ? start : first, end };
}

/** Clips a span to the line it starts on, so a diagnostic on a large node underlines one line. */
export function firstLineOf(text: string, span: SourceSpan): SourceSpan {
  const next = text.indexOf('\n', span.start);
  const end = next === -1 ? span.end : Math.min(span.end, next);
  return { start: span.start, end: Math.max(span.start, end) };
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
