// The mermaid emitter: diagrams/<name>.mmd for context, containers, ERD, one sequence diagram per flow,
// deployment and the two capacity charts. `renderDiagrams` is pure and shared with the proposal, which
// embeds the same sources.
import type { ArchitectureModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { defineGenerator } from '../generator.js';
import { renderCapacityRps, renderCapacityStorage } from './capacity.js';
import { renderContainers } from './containers.js';
import { renderContext } from './context.js';
import { renderDeployment } from './deployment.js';
import { renderErd } from './erd.js';
import { renderFlow } from './flows.js';
import { byName } from './topology.js';
import { oncePerObject } from '../../src/model/once-per-object.js';

export { bytesToGb, formatChartNumber, formatStorageGb } from './chart-numbers.js';

export interface DiagramSource {
  /** File name without extension, e.g. `context`, `flow-book-appointment`. */
  name: string;
  /** Mermaid source, ending in a newline; byte-identical to diagrams/<name>.mmd. */
  source: string;
}

// The proposal embeds the same sources the emitter writes: render once per model object (emitters never modify it).
const rendered = oncePerObject((model: ArchitectureModel): readonly DiagramSource[] => renderAll(model));

/** Every diagram of the model, sorted by name. */
export function renderDiagrams(model: ArchitectureModel): DiagramSource[] {
  return rendered(model).map((d) => ({ ...d }));
}

function renderAll(model: ArchitectureModel): DiagramSource[] {
  const diagrams: DiagramSource[] = [
    { name: 'capacity-rps', source: renderCapacityRps(model) },
    { name: 'capacity-storage', source: renderCapacityStorage(model) },
    { name: 'containers', source: renderContainers(model) },
    { name: 'context', source: renderContext(model) },
    { name: 'deployment', source: renderDeployment(model) },
    { name: 'erd', source: renderErd(model) },
    ...byName(model.flows).map((flow) => ({ name: `flow-${flow.name}`, source: renderFlow(model, flow) })),
  ];
  return diagrams.sort((a, b) => compareNames(a.name, b.name));
}

export const mermaidGenerator = defineGenerator({
  name: 'mermaid',
  generate: (model) => renderDiagrams(model).map((d) => ({ path: `diagrams/${d.name}.mmd`, content: d.source })),
});
