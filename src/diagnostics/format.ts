// Prints diagnostics: the human form (with source line and caret) for stderr, and JSON for tools.
import type { Diagnostic } from './diagnostic.js';
import { LineIndex } from './line-index.js';

export interface LocatedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
}

/** Source texts by file path, so positions can be computed; a file without text is located at 1:1. */
export type SourceTexts = ReadonlyMap<string, string>;

const indexes = new WeakMap<object, Map<string, LineIndex>>();

function indexFor(sources: SourceTexts, file: string): LineIndex | null {
  let byFile = indexes.get(sources);
  if (!byFile) {
    byFile = new Map();
    indexes.set(sources, byFile);
  }
  const text = sources.get(file);
  if (text === undefined) return null;
  let index = byFile.get(file);
  if (!index) {
    index = new LineIndex(text);
    byFile.set(file, index);
  }
  return index;
}

export function locateDiagnostic(d: Diagnostic, sources: SourceTexts): LocatedDiagnostic {
  const index = indexFor(sources, d.file);
  const start = d.span && index ? index.position(d.span.start) : { line: 1, column: 1 };
  const end = d.span && index ? index.position(Math.max(d.span.end, d.span.start)) : start;
  return { file: d.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
    code: d.code, severity: d.severity, message: d.message };
}

export function formatJson(diagnostics: readonly Diagnostic[], sources: SourceTexts): string {
  return `${JSON.stringify(diagnostics.map((d) => locateDiagnostic(d, sources)), null, 2)}\n`;
}

export interface HumanFormatOptions {
  color: boolean;
}

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m', gray: '\u001b[90m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** Control characters from the spec would garble a terminal: show them as escapes. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatHuman(diagnostics: readonly Diagnostic[], sources: SourceTexts, options: HumanFormatOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const blocks: string[] = [];
  for (const d of diagnostics) {
    const at = locateDiagnostic(d, sources);
    const severity = paint(d.severity === 'error' ? ANSI.red : ANSI.yellow, d.severity);
    const lines = [`${paint(ANSI.cyan, `${at.file}:${at.line}:${at.column}`)} - ${severity} ${paint(ANSI.gray, d.code)}: ${printable(d.message)}`];
    const index = indexFor(sources, d.file);
    if (index && d.span) {
      const source = index.lineText(at.line).replace(/\t/g, ' ');
      const width = at.endLine === at.line ? Math.max(1, at.endColumn - at.column) : Math.max(1, [...source].length - at.column + 1);
      const gutter = `${at.line} | `;
      lines.push('', `${paint(ANSI.gray, gutter)}${printable(source)}`, `${' '.repeat(gutter.length + at.column - 1)}${paint(d.severity === 'error' ? ANSI.red : ANSI.yellow, '~'.repeat(width))}`, '');
    }
    blocks.push(lines.join('\n'));
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) blocks.push(`Found ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
}
