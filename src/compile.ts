// The pipeline as one function: read → load → validate (check-spec.ts) → normalize → decide. No output is written here.
export { readSpecBytes } from './check-spec.js';
import { checkSpecBytes, readSpecBytes } from './check-spec.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { diagnosticMessages, type DiagnosticCode } from './diagnostics/messages.js';
import type { LoadedSpec } from './load/load-spec.js';
import type { ArchitectureModel } from './model/types.js';
import { runPasses } from './passes/index.js';
import { normalizeSpec } from './spec/normalize.js';

export interface CompileResult {
  loaded: LoadedSpec | null;
  model: ArchitectureModel | null;
  diagnostics: Diagnostic[];
  /** Source texts by file, for printing positions. */
  sources: Map<string, string>;
}

/** Weak constraints the passes challenged become warnings located at the spec path they name. */
function challengeDiagnostics(model: ArchitectureModel, loaded: LoadedSpec): Diagnostic[] {
  return model.challenges.map((challenge) => {
    const code = (challenge.code in diagnosticMessages ? challenge.code : 'ARC0400') as DiagnosticCode;
    const span = loaded.locator.span(challenge.path, 'key') ?? undefined;
    const d: Diagnostic = { code, severity: diagnosticMessages[code]?.severity ?? 'warning', message: challenge.message, file: loaded.file };
    if (span) d.span = span;
    return d;
  });
}

export interface CompileOptions {
  /** Run the decision passes (build, explain, check, diff); false stops after validation. */
  decide: boolean;
}

export function compileBytes(file: string, bytes: Uint8Array, options: CompileOptions): CompileResult {
  const checked = checkSpecBytes(file, bytes);
  if (!checked.loaded || !checked.spec || !options.decide) {
    return { loaded: checked.loaded, model: null, diagnostics: checked.diagnostics, sources: checked.sources };
  }
  const model = runPasses(normalizeSpec(checked.spec), checked.loaded.locator);
  const diagnostics = sortDiagnostics([...checked.diagnostics, ...challengeDiagnostics(model, checked.loaded)]);
  return { loaded: checked.loaded, model, diagnostics, sources: checked.sources };
}

export function compileFile(file: string, options: CompileOptions): CompileResult {
  const read = readSpecBytes(file);
  if (!read.bytes) return { loaded: null, model: null, diagnostics: read.diagnostics, sources: new Map() };
  return compileBytes(file, read.bytes, options);
}
