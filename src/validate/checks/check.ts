// A semantic check: a rule JSON Schema draft-07 cannot express, run after the schema passed.
import type { DiagnosticCollector } from '../../diagnostics/diagnostic.js';
import type { SpecLocator } from '../../load/locator.js';
import type { SystemSpec } from '../../spec/types.js';

export interface CheckContext {
  /** Schema-valid, not yet normalized (positions follow the author's order). */
  readonly spec: SystemSpec;
  readonly locate: SpecLocator;
  readonly report: DiagnosticCollector;
}

export interface SemanticCheck {
  /** Stable kebab id. */
  readonly id: string;
  readonly description: string;
  run(ctx: CheckContext): void;
}

export function defineCheck(check: SemanticCheck): SemanticCheck {
  return check;
}
