// A diagnostic is a code, a message and a span in one source file; lines and columns are computed when printed.
import { diagnosticMessages, formatMessage, type DiagnosticCode, type Severity } from './messages.js';
import type { SourceSpan } from '../load/locator.js';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Path as given on the command line. */
  file: string;
  /** Offsets in the decoded text; absent means the whole file (1:1). */
  span?: SourceSpan;
}

export function createDiagnostic(
  code: DiagnosticCode,
  args: Readonly<Record<string, string | number>>,
  file: string,
  span?: SourceSpan,
): Diagnostic {
  const d: Diagnostic = { code, severity: diagnosticMessages[code].severity, message: formatMessage(code, args), file };
  if (span) d.span = span;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Source order first, then code: output never depends on the order checks ran in. Exact repeats are dropped. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}|${d.span?.start ?? -1}|${d.span?.end ?? -1}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || (a.span?.start ?? -1) - (b.span?.start ?? -1)
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Collects diagnostics instead of throwing: user errors are data. */
export class DiagnosticCollector {
  readonly items: Diagnostic[] = [];
  constructor(readonly file: string) {}

  report(code: DiagnosticCode, args: Readonly<Record<string, string | number>>, span?: SourceSpan | null): void {
    this.items.push(createDiagnostic(code, args, this.file, span ?? undefined));
  }
}
