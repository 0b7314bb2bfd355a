// Loads the Mermaid sources from the mermaid emitter's `renderDiagrams(model)`, if it exports one; otherwise no diagrams.
import type { ArchitectureModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';

type RenderDiagrams = (model: ArchitectureModel) => ReadonlyArray<{ name: string; source: string }> | Promise<ReadonlyArray<{ name: string; source: string }>>;

/**
 * Diagram name → Mermaid source. The import is guarded because the mermaid emitter is developed in parallel and may
 * not export `renderDiagrams` yet; a proposal without diagrams is still complete.
 */
export async function loadDiagrams(model: ArchitectureModel): Promise<Map<string, string>> {
  const mermaid: Record<string, unknown> = await import('../mermaid/index.js');
  const render = mermaid['renderDiagrams'];
  if (typeof render !== 'function') return new Map();
  const diagrams = await (render as RenderDiagrams)(model);
  return new Map([...diagrams].sort((a, b) => compareNames(a.name, b.name)).map((d) => [d.name, d.source]));
}
