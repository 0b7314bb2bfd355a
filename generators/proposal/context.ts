// What every section builder reads: the model, the compression level and the rendered diagrams.
import type { ArchitectureModel } from '../../src/model/types.js';
import { fenced } from '../markdown/blocks.js';
import { code, link } from '../markdown/escape.js';

export interface ProposalContext {
  readonly model: ArchitectureModel;
  /** `short` deliverable: same order, fewer rows, one-line reasons, diagrams linked rather than embedded where long. */
  readonly short: boolean;
  /** Mermaid sources by diagram name (`context`, `erd`, `flow-<name>` …); empty when the mermaid emitter is absent. */
  readonly diagrams: ReadonlyMap<string, string>;
}

/** The diagram as a ```mermaid block, or nothing when the mermaid emitter did not produce it. */
export function diagramBlock(ctx: ProposalContext, name: string): string {
  const source = ctx.diagrams.get(name);
  return source === undefined ? '' : fenced('mermaid', source);
}

/** A link to the diagram file the mermaid emitter writes, for the compressed variant. */
export function diagramLink(ctx: ProposalContext, name: string): string {
  return ctx.diagrams.has(name) ? link(`diagrams/${name}.mmd`, `diagrams/${name}.mmd`) : '';
}

/** Names as code spans joined by commas, or the given word when the list is empty. */
export function codeList(names: readonly string[], empty = 'none'): string {
  return names.length === 0 ? empty : names.map(code).join(', ');
}

/** Keeps the first `limit` rows in the short variant, all rows otherwise. */
export function rowsFor<T>(short: boolean, rows: readonly T[], limit: number): T[] {
  return short ? rows.slice(0, limit) : [...rows];
}

/** Said under a table the short variant cut, so the reader knows rows are missing and where to find them. */
export function moreRowsNote(short: boolean, total: number, limit: number): string {
  return short && total > limit ? 'Short form: more rows in `model.json` and in the `proposal` deliverable.' : '';
}
