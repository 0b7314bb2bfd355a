// Prints a command's diagnostics in the requested format and turns them into an exit code.
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, formatJson, type SourceTexts } from '../diagnostics/format.js';
import { formatSarif } from '../diagnostics/sarif.js';
import { packageVersion } from '../package-root.js';
import { ExitCode, useColor, type CliIo } from './io.js';

export type OutputFormat = 'human' | 'json' | 'sarif';

export interface ReportOptions {
  format: OutputFormat;
  warningsAsErrors: boolean;
}

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], sources: SourceTexts, format: OutputFormat): void {
  if (format === 'json') io.stdout(formatJson(diagnostics, sources));
  else if (format === 'sarif') io.stdout(formatSarif(diagnostics, sources, packageVersion()));
  else io.stderr(formatHuman(diagnostics, sources, { color: useColor(io) }));
}

export function exitCodeFor(diagnostics: readonly Diagnostic[], warningsAsErrors: boolean): number {
  if (hasErrors(diagnostics)) return ExitCode.inputError;
  if (warningsAsErrors && diagnostics.length > 0) return ExitCode.inputError;
  return ExitCode.ok;
}
