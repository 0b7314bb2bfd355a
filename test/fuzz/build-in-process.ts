// The build pipeline in-process (no files written): spec bytes → compile → every emitter, with whatever went
// wrong as plain problem strings. An exception anywhere is a problem, never a crash of the test runner.
import { stringify } from 'yaml';
import { compileBytes } from '../../src/compile.js';
import { exitCodeFor } from '../../src/cli/report.js';
import { generateAll } from '../../generators/index.js';
import type { OutputFile } from '../../generators/generator.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const SPEC_FILE = 'system.yaml';

/** A spec as YAML text: no line folding, so a long free text stays one scalar the reader can find. */
export function specYaml(spec: unknown): string {
  return stringify(spec, { lineWidth: 0, minContentWidth: 0 });
}

export function describeDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code}: ${d.message}`;
}

export interface InProcessBuild {
  /** 0 built, 1 input errors, 2 usage; null when something threw. */
  exitCode: number | null;
  diagnostics: Diagnostic[];
  files: OutputFile[];
  /** Why a valid spec did not build: error diagnostics or an exception. */
  problems: string[];
}

/** Compiles and generates like `archc build` does before writing; a throw anywhere is reported, not rethrown. */
export async function buildBytes(text: string | Uint8Array): Promise<InProcessBuild> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  try {
    const result = compileBytes(SPEC_FILE, bytes, { decide: true });
    const exitCode = exitCodeFor(result.diagnostics, false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(describeDiagnostic);
    if (exitCode !== 0 || !result.model) {
      return { exitCode, diagnostics: result.diagnostics, files: [], problems: errors.length > 0 ? errors : [`exit ${exitCode} without an error`] };
    }
    try {
      const files = await generateAll(result.model);
      return { exitCode, diagnostics: result.diagnostics, files, problems: [] };
    } catch (error) {
      return { exitCode: null, diagnostics: result.diagnostics, files: [], problems: [`an emitter threw: ${stackOf(error)}`] };
    }
  } catch (error) {
    return { exitCode: null, diagnostics: [], files: [], problems: [`compile threw: ${stackOf(error)}`] };
  }
}

export function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}
