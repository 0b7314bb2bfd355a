// Reads a catalogue decision's choice from the model; the derived passes fall back to a stated default when a
// decision is absent (a model built by hand in a test, or a pass that has not run).
import type { ArchitectureModel } from '../../model/types.js';
import { choiceOf } from '../decision.js';

/** The chosen value of decision `id`, or `fallback` when the model holds no such decision. */
export function choiceOr(model: ArchitectureModel, id: string, fallback: string): string {
  return choiceOf(model, id) ?? fallback;
}
