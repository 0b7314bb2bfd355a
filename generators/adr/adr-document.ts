// One ADR per decision: status, context (cited inputs and labelled assumptions), decision, consequences, alternatives, tipping point.
import type { ArchitectureModel, Decision, SpecInput } from '../../src/model/types.js';
import { bullets, table } from '../markdown/blocks.js';
import { renderDocument } from '../markdown/document.js';
import { code, inline } from '../markdown/escape.js';
import { formatNumber } from '../markdown/numbers.js';
import { specValueAt } from './spec-value.js';
import { tippingDirection } from '../../src/model/tipping-point.js';

function position(input: SpecInput): string {
  return input.line === undefined ? 'default, not written in the spec' : `system.yaml ${String(input.line)}:${String(input.column ?? 1)}`;
}

function inputLine(model: ArchitectureModel, input: SpecInput): string {
  const value = specValueAt(model.spec, input.path);
  const shown = value === null ? '' : Array.isArray(value)
    ? ` = ${value.length === 0 ? 'empty' : value.map((v) => code(String(v))).join(', ')}`
    : ` = ${code(String(value))}`;
  return `${code(input.path)}${shown} (${position(input)})`;
}

function assumptionLine(model: ArchitectureModel, id: string): string {
  const a = model.assumptions.find((x) => x.id === id);
  if (a === undefined) return `${code(id)}: assumed; the assumption record is missing from the model.`;
  return `${code(a.id)} assumed ${a.value === null ? 'unset' : code(String(a.value))}. Basis: ${inline(a.basis)} If wrong: ${inline(a.ifWrong)}`;
}

export function statusLine(d: Decision): string {
  return d.pinned === null ? '**Status:** Accepted' : `**Status:** Pinned in the spec: ${inline(d.pinned.reason || 'no reason given')}`;
}

/** The Markdown of one ADR. */
export function renderAdr(model: ArchitectureModel, d: Decision): string {
  const inputs = d.inputs.map((i) => inputLine(model, i));
  const assumptions = d.assumptions.map((id) => assumptionLine(model, id));
  const alternatives = d.alternatives.map((a) => [code(a.choice), inline(a.reason)]);
  const tp = d.tippingPoint;
  return renderDocument(`ADR: ${d.id} — ${d.choice}`, [statusLine(d), `**Rule:** ${code(d.rule)} · [index](README.md)`], [
    {
      title: 'Context',
      blocks: [
        inputs.length === 0 ? 'No spec input drove this decision.' : `Inputs:\n\n${bullets(inputs)}`,
        assumptions.length === 0 ? 'No assumed input.' : `Assumptions:\n\n${bullets(assumptions)}`,
      ],
    },
    { title: 'Decision', blocks: [`Choose ${code(d.choice)}. ${inline(d.rationale)}`] },
    {
      title: 'Consequences',
      blocks: [bullets([`Cost: ${inline(d.consequences.cost || 'not stated')}`, `Operations: ${inline(d.consequences.operations || 'not stated')}`])],
    },
    {
      title: 'Alternatives considered',
      blocks: [alternatives.length === 0 ? 'The model records no rejected alternative.' : table(['Choice', 'Why not'], alternatives)],
    },
    {
      title: 'Tipping point',
      blocks: [tp === null
        ? 'None: no number drove this choice, so only a change in the spec\'s facts would revisit it.'
        : `Flips to ${code(tp.flipsTo)} when ${code(tp.input)} ${tippingDirection(tp)} ${formatNumber(tp.threshold)} (now ${formatNumber(tp.value)}), all else fixed.`],
    },
  ]);
}
