// Reading, loading and validating a spec — everything `archc validate` needs, and nothing heavier:
// this module must not import the decision passes or the emitters (validate pays only for yaml + ajv).
import { readFileSync, statSync } from 'node:fs';
import { DiagnosticCollector, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { MAX_SPEC_BYTES } from './load/limits.js';
import { loadSpec, type LoadedSpec } from './load/load-spec.js';
import type { SystemSpec } from './spec/types.js';
import { validateSpec } from './validate/validate-spec.js';

export interface CheckResult {
  loaded: LoadedSpec | null;
  /** The schema- and semantically valid spec, or null when there are errors. */
  spec: SystemSpec | null;
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

export function checkSpecBytes(file: string, bytes: Uint8Array): CheckResult {
  const sources = new Map<string, string>();
  const load = loadSpec(file, bytes);
  if (load.loaded) sources.set(file, load.loaded.text);
  else sources.set(file, new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  if (!load.loaded || hasErrors(load.diagnostics)) {
    return { loaded: load.loaded, spec: null, diagnostics: sortDiagnostics(load.diagnostics), sources };
  }
  const validation = validateSpec(load.loaded);
  return { loaded: load.loaded, spec: validation.spec, diagnostics: sortDiagnostics([...load.diagnostics, ...validation.diagnostics]), sources };
}

export function checkSpecFile(file: string): CheckResult {
  const read = readSpecBytes(file);
  if (!read.bytes) return { loaded: null, spec: null, diagnostics: read.diagnostics, sources: new Map() };
  return checkSpecBytes(file, read.bytes);
}
