// Mermaid reports parse errors on its preprocessed text: front matter, %%{…}%% directives and %% comment lines are
// removed first, so its line numbers drift from the file's. This replays the same removals (the regular expressions
// of mermaid 11's preprocessDiagram) and maps a preprocessed position back to the file's.
import { advanceCodePoints } from './text-position.js';

/** A removed range, in the coordinates of the text it was removed from. */
interface Removal {
  start: number;
  length: number;
}

interface Step {
  text: string;
  removed: Removal[];
}

const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

function removeAll(text: string, pattern: RegExp): Step {
  const removed: Removal[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length > 0) removed.push({ start: match.index, length: match[0].length });
  }
  return { text: cut(text, removed), removed };
}

function cut(text: string, removed: readonly Removal[]): string {
  let out = '';
  let from = 0;
  for (const r of removed) {
    out += text.slice(from, r.start);
    from = r.start + r.length;
  }
  return out + text.slice(from);
}

function removeFirst(text: string, pattern: RegExp): Step {
  const match = pattern.exec(text);
  const removed = match && match[0].length > 0 ? [{ start: match.index, length: match[0].length }] : [];
  return { text: cut(text, removed), removed };
}

function removeLeadingSpace(text: string): Step {
  const length = text.length - text.trimStart().length;
  const removed = length > 0 ? [{ start: 0, length }] : [];
  return { text: text.slice(length), removed };
}

/** The preprocessing steps in order (CR LF becomes LF first, as Mermaid's cleanupText does). */
function preprocess(source: string): Step[] {
  const steps: Step[] = [];
  const apply = (make: (text: string) => Step): void => {
    steps.push(make(steps.length === 0 ? source : steps[steps.length - 1]!.text));
  };
  apply((text) => removeAll(text, /\r(?=\n)/g));
  apply((text) => removeFirst(text, FRONT_MATTER));
  apply((text) => removeAll(text, DIRECTIVE));
  apply((text) => removeAll(text, COMMENT_LINE));
  apply(removeLeadingSpace);
  return steps;
}

/** Maps an offset in a step's output back to its input: every removal at or before it shifts it right. */
function beforeStep(offset: number, removed: readonly Removal[]): number {
  let position = offset;
  for (const r of removed) {
    if (r.start <= position) position += r.length;
    else break;
  }
  return position;
}

/** The file's offset for a 1-based line and code-point column of Mermaid's preprocessed text (clamped to its end). */
export function sourceOffset(source: string, preprocessedLine: number, column = 1): number {
  const steps = preprocess(source);
  const text = steps[steps.length - 1]!.text;
  let offset = 0;
  for (let line = 1; line < preprocessedLine; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  offset = Math.min(advanceCodePoints(text, offset, column - 1), lineEnd);
  for (let i = steps.length - 1; i >= 0; i--) offset = beforeStep(offset, steps[i]!.removed);
  return Math.min(offset, source.length);
}
