// Validation stage: schema first, then semantic checks on a schema-valid spec.
import { DiagnosticCollector, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedSpec } from '../load/load-spec.js';
import type { SystemSpec } from '../spec/types.js';
import { semanticChecks } from './checks/index.js';
import { validateSchema } from './schema-validate.js';

export interface ValidationResult {
  /** Present when there are no errors (warnings allowed). */
  spec: SystemSpec | null;
  diagnostics: Diagnostic[];
}

export function validateSpec(loaded: LoadedSpec): ValidationResult {
  const report = new DiagnosticCollector(loaded.file);
  if (!validateSchema(loaded, report)) return { spec: null, diagnostics: report.items };
  const spec = loaded.value as SystemSpec;
  for (const check of semanticChecks) check.run({ spec, locate: loaded.locator, report });
  return { spec: hasErrors(report.items) ? null : spec, diagnostics: report.items };
}
