// The ordered pass registry: order is execution order and follows the rulebook's workflow.
import type { SpecLocator } from '../load/locator.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import type { ArchitectureModel } from '../model/types.js';
import { emptyModel, type Pass } from './pass.js';

export const passes: readonly Pass[] = [
  // frame → shape → tenancy → data → cache / search / blob-store → messaging → APIs and communication
  // → security → reliability → performance → delivery (filled in by the decision engine).
];

/** Runs every pass in order over a normalized spec. */
export function runPasses(spec: NormalizedSpec, locate: SpecLocator): ArchitectureModel {
  const ctx = { spec, locate };
  return passes.reduce((model, pass) => pass.run(ctx, model), emptyModel(spec));
}
