// decisions/README.md: one row per decision, linking its ADR.
import type { ArchitectureModel, Decision } from '../../src/model/types.js';
import { table } from '../markdown/blocks.js';
import { renderDocument } from '../markdown/document.js';
import { code, inline, link } from '../markdown/escape.js';
import { assertAdrId } from './adr-id.js';

function row(d: Decision): string[] {
  const id = assertAdrId(d.id);
  return [link(id, `${id}.md`), code(d.choice), code(d.rule), d.pinned === null ? 'no' : `yes: ${inline(d.pinned.reason || 'no reason given')}`];
}

/** The index over decisions already sorted by id. */
export function renderAdrIndex(model: ArchitectureModel, sorted: readonly Decision[]): string {
  return renderDocument('Architecture Decision Records', [
    `One record per decision archc made for ${code(model.spec.system.name)}. Pinned decisions come from \`decisions:\` in \`system.yaml\` and win over every rule.`,
  ], [{
    title: 'Index',
    blocks: [sorted.length === 0 ? 'No decision in the model.' : table(['ADR', 'Choice', 'Rule', 'Pinned'], sorted.map(row))],
  }]);
}
