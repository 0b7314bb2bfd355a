// Every diagrams/*.mmd must parse with Mermaid's own parser (jsdom-backed, see generators/mermaid/parse-check.ts).
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../load/locator.js';
import { defineCheck } from './check.js';
import { sourceOffset } from './mermaid-lines.js';
import { lineOf, lineSpan } from './text-position.js';

export const DIAGRAMS_FOLDER = 'diagrams';

/** Where Mermaid says the error is, in its preprocessed text: jison errors carry `hash.line` (0-based),
 *  Langium-based diagrams say "line N, column M" in the message. */
function reportedPosition(error: unknown): { line: number; column: number | null } | null {
  const hashLine = (error as { hash?: { line?: unknown } } | null)?.hash?.line;
  if (typeof hashLine === 'number' && Number.isInteger(hashLine)) return { line: hashLine + 1, column: null };
  const message = error instanceof Error ? error.message : String(error);
  const match = /\bline (\d+)(?:, column (\d+))?/.exec(message);
  if (!match) return null;
  return { line: Number(match[1]), column: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * Mermaid's message without what cites its preprocessed text: a jison error's excerpt and caret (lines 2-3) and
 * its "on line N" (N counts preprocessed lines; the diagnostic's own position is the file's line).
 */
function summary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  if (/^-*\^$/.test(lines[2] ?? '')) lines.splice(1, 2);
  lines[0] = (lines[0] ?? '').replace(/^(Parse|Lexical) error on line \d+[:.]?$/, '').replace(/^(Parse|Lexical) error on line \d+[:.] /, '$1 error: ');
  return shortenExpected(lines.map((l) => l.trim()).filter((l) => l !== '').join(' '));
}

const LISTED_TOKENS = 6;

/** Jison lists every token it would accept (thirty or more in a diagram body); the first few make the point. */
function shortenExpected(message: string): string {
  return message.replace(/Expecting ((?:'[^']*', )+'[^']*'), got/, (whole, list: string) => {
    const tokens = list.split(', ');
    if (tokens.length <= LISTED_TOKENS) return whole;
    return `Expecting ${tokens.slice(0, LISTED_TOKENS).join(', ')} or ${tokens.length - LISTED_TOKENS} more, got`;
  });
}

function errorSpan(text: string, error: unknown): SourceSpan | null {
  const at = reportedPosition(error);
  if (!at) return null;
  const offset = sourceOffset(text, at.line, at.column ?? 1);
  const line = lineOf(text, offset);
  return at.column === null ? lineSpan(text, line) : { start: offset, end: Math.max(offset, lineSpan(text, line)?.end ?? offset) };
}

export const mermaidCheck = defineCheck({
  name: 'diagrams',
  subject: DIAGRAMS_FOLDER,
  run: async (target): Promise<Diagnostic[] | null> => {
    const paths = target.list(DIAGRAMS_FOLDER, '.mmd');
    if (paths.length === 0) return null;
    const { parseMermaid } = await import('../../generators/mermaid/parse-check.js');
    const diagnostics: Diagnostic[] = [];
    for (const path of paths) {
      const text = target.read(path) ?? '';
      try {
        await parseMermaid(text);
      } catch (error) {
        diagnostics.push(createDiagnostic('ARC0025', { detail: summary(error) }, target.shown(path), errorSpan(text, error) ?? undefined));
      }
    }
    return diagnostics;
  },
});
