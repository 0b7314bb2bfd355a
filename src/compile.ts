// The pipeline as one function: read → load → validate → normalize → decide. No output is written here.
import { readFileSync, statSync } from 'node:fs';
import { DiagnosticCollector, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { diagnosticMessages, type DiagnosticCode } from './diagnostics/messages.js';
import { MAX_SPEC_BYTES } from './load/limits.js';
import { loadSpec, type LoadedSpec } from './load/load-spec.js';
import type { ArchitectureModel } from './model/types.js';
import { runPasses } from './passes/index.js';
import { normalizeSpec } from './spec/normalize.js';
import { validateSpec } from './validate/validate-spec.js';

export interface CompileResult {
  loaded: LoadedSpec | null;
  model: ArchitectureModel | null;
  diagnostics: Diagnostic[];
  /** Source texts by file, for printing positions. */
  sources: Map<string, string>;
}

/** Reads a spec file, reporting a missing, unreadable or oversized file as ARC0001 / ARC0105. */
export function readSpecBytes(file: string): { bytes: Uint8Array | null; diagnostics: Diagnostic[] } {
  const report = new DiagnosticCollector(file);
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      report.report('ARC0001', { path: file, reason: 'it is a directory' });
      return { bytes: null, diagnostics: report.items };
    }
    if (stat.size > MAX_SPEC_BYTES) {
      report.report('ARC0105', { size: stat.size, limit: MAX_SPEC_BYTES });
      return { bytes: null, diagnostics: report.items };
    }
    return { bytes: readFileSync(file), diagnostics: [] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    report.report('ARC0001', { path: file, reason: code === 'ENOENT' ? 'no such file' : code ?? String(error) });
    return { bytes: null, diagnostics: report.items };
  }
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
  /** Run the decision passes (build, explain); validate runs them too, for the challenges. */
  decide: boolean;
}

export function compileBytes(file: string, bytes: Uint8Array, options: CompileOptions): CompileResult {
  const sources = new Map<string, string>();
  const load = loadSpec(file, bytes);
  if (load.loaded) sources.set(file, load.loaded.text);
  else sources.set(file, new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  if (!load.loaded || hasErrors(load.diagnostics)) {
    return { loaded: load.loaded, model: null, diagnostics: sortDiagnostics(load.diagnostics), sources };
  }
  const validation = validateSpec(load.loaded);
  const diagnostics = [...load.diagnostics, ...validation.diagnostics];
  if (!validation.spec || !options.decide) {
    return { loaded: load.loaded, model: null, diagnostics: sortDiagnostics(diagnostics), sources };
  }
  const model = runPasses(normalizeSpec(validation.spec), load.loaded.locator);
  diagnostics.push(...challengeDiagnostics(model, load.loaded));
  return { loaded: load.loaded, model, diagnostics: sortDiagnostics(diagnostics), sources };
}

export function compileFile(file: string, options: CompileOptions): CompileResult {
  const read = readSpecBytes(file);
  if (!read.bytes) return { loaded: null, model: null, diagnostics: read.diagnostics, sources: new Map() };
  return compileBytes(file, read.bytes, options);
}
