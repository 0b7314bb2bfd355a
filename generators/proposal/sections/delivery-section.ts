// ## Delivery Plan: phases, risks (highest severity first), validation, rollout and rollback, strangler steps.
import type { ArchitectureModel, DeliveryModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { inline } from '../../markdown/escape.js';
import { moreRowsNote, type ProposalContext } from '../context.js';
import { firstSentence } from '../format.js';

const SEVERITY_RANK: Readonly<Record<DeliveryModel['risks'][number]['severity'], number>> = { high: 0, medium: 1, low: 2 };

/** Risks with the highest severity first; the model's order breaks ties (stable sort). */
export function risksBySeverity(model: ArchitectureModel): DeliveryModel['risks'] {
  return [...model.delivery.risks].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

export function phaseBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { phases } = model.delivery;
  if (phases.length === 0) return ['No delivery phase in the model yet.'];
  return [bullets(phases.map((p) => short
    ? `**${inline(p.name)}**: ${inline(p.goal)}`
    : `**${inline(p.name)}**: ${inline(p.goal)}${p.deliverables.length === 0 ? '' : ` Delivers: ${p.deliverables.map(inline).join('; ')}.`}`))];
}

export function riskTable(model: ArchitectureModel, short: boolean): string {
  const rows = risksBySeverity(model).map((r) => [r.severity, inline(r.risk), inline(short ? firstSentence(r.mitigation) : r.mitigation)]);
  if (rows.length === 0) return 'No delivery risk in the model yet.';
  const note = moreRowsNote(short, rows.length, 5);
  return `${table(['Severity', 'Risk', 'Mitigation'], short ? rows.slice(0, 5) : rows)}${note === '' ? '' : `\n\n${note}`}`;
}

export function migrationStepTable(model: ArchitectureModel): string {
  return table(['Step', 'Compatibility', 'Rollback'], model.delivery.migrationSteps.map((s) => [inline(s.step), inline(s.compatibility), inline(s.rollback)]));
}

function labelled(label: string, items: readonly string[]): string {
  return items.length === 0 ? '' : `${label}:\n\n${bullets(items.map(inline))}`;
}

export function rolloutBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { validation, rollout, rollback, migrationSteps } = model.delivery;
  const blocks: string[] = [labelled('Validation', validation), labelled('Rollout', rollout), labelled('Rollback', rollback)];
  if (migrationSteps.length > 0 && !short) blocks.push(`Strangler steps from the current system:\n\n${migrationStepTable(model)}`);
  if (!blocks.some((b) => b !== '')) blocks.push('No validation, rollout or rollback step in the model yet.');
  return blocks;
}

export function deliverySection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Delivery Plan',
    blocks: [],
    subsections: [
      { title: 'Phase breakdown', blocks: phaseBlocks(ctx.model, ctx.short) },
      { title: 'Risks', blocks: [riskTable(ctx.model, ctx.short)] },
      { title: 'Testing and rollout', blocks: rolloutBlocks(ctx.model, ctx.short) },
    ],
  };
}

