// `deliverable: review` → # Architecture Review of `current:` when present, else of the proposed design.
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import type { ProposalContext } from '../context.js';
import { choiceHeadline, findDecision } from '../decision-text.js';
import { risksBySeverity, riskTable } from '../sections/delivery-section.js';
import { bottleneckBlocks, thresholdRows } from '../sections/performance-section.js';
import { crossCuttingSection } from './cross-cutting.js';
import { operabilityGaps, securityGaps, type Gap } from './review-gaps.js';

/** The design the findings refer to: every catalogue decision that adds a component (consistency is per flow). */
function designUnderReview(ctx: ProposalContext): string {
  const decisions = ctx.model.decisions.filter((d) => !d.id.startsWith('consistency.') && d.id !== 'shape' && d.choice !== 'none');
  if (decisions.length === 0) return '';
  return ` Design decisions: ${decisions.map((d) => `${code(d.id)}: ${code(d.choice)}`).join(', ')} (each with its ADR under [decisions/](decisions/README.md)).`;
}

/** The line under the H1 naming what is reviewed. */
export function reviewSubject(ctx: ProposalContext): string {
  return `${reviewedSystem(ctx)}${designUnderReview(ctx)}`;
}

function reviewedSystem(ctx: ProposalContext): string {
  const current = ctx.model.spec.current;
  if (current !== null) {
    const components = current.components.map((c) => `${code(c.name)} (${c.kind}${c.tech === undefined ? '' : `, ${inline(c.tech)}`})`);
    return `Reviewed: the current system of ${code(ctx.model.spec.system.name)}${current.summary === undefined ? '' : `: ${inline(current.summary)}`}${components.length === 0 ? '' : ` Components: ${components.join(', ')}.`} Findings are measured against the design archc proposes for the same spec.`;
  }
  const shape = findDecision(ctx.model, 'shape');
  return `Reviewed: the proposed design for ${code(ctx.model.spec.system.name)}${shape === undefined ? '' : `, ${choiceHeadline(shape)}`}.`;
}

function gapBlocks(gaps: readonly Gap[], none: string): string[] {
  return gaps.length === 0 ? [none] : [bullets(gaps.map((g) => g.finding))];
}

function topRisks(ctx: ProposalContext): string[] {
  const blocks = [riskTable(ctx.model, false)];
  const high = risksBySeverity(ctx.model).filter((r) => r.severity === 'high');
  if (high.length === 0 && ctx.model.delivery.risks.length > 0) blocks.push('No high-severity risk: the items above are ordered medium, then low.');
  return blocks;
}

function bottlenecks(ctx: ProposalContext): string[] {
  const crossed = thresholdRows(ctx.model).filter((_, i) => ctx.model.capacity.thresholds[i]?.crossedInYear !== null);
  return [
    ...bottleneckBlocks(ctx.model, false),
    crossed.length === 0 ? '' : `Capacity thresholds crossed within the horizon:\n\n${table(['Threshold', 'At', 'Crossed', 'Then'], crossed)}`,
  ];
}

function remediations(ctx: ProposalContext, gaps: readonly Gap[]): string[] {
  // Several risks share one mitigation: each is listed once, at its highest severity (risks come sorted).
  const seen = new Set<string>();
  const items: string[] = [];
  for (const r of risksBySeverity(ctx.model)) {
    if (seen.has(r.mitigation)) continue;
    seen.add(r.mitigation);
    items.push(`${r.severity}: ${inline(r.mitigation)}`);
  }
  for (const g of gaps) {
    if (seen.has(g.remediation)) continue;
    seen.add(g.remediation);
    items.push(g.remediation);
  }
  return items.length === 0 ? ['Nothing to remediate beyond the design as proposed.'] : [bullets(items)];
}

export function reviewVariantSections(ctx: ProposalContext): MarkdownSection[] {
  const security = securityGaps(ctx.model);
  const operability = operabilityGaps(ctx.model);
  return [
    { title: 'Top Risks', blocks: topRisks(ctx) },
    { title: 'Likely Bottlenecks', blocks: bottlenecks(ctx) },
    { title: 'Security Gaps', blocks: gapBlocks(security, 'No security gap against the model: authentication, authorization, encryption, rate limits and audit are all specified (see Cross-cutting Concerns).') },
    { title: 'Operability Gaps', blocks: gapBlocks(operability, 'No operability gap against the model: critical calls have breakers, alerts follow user impact and restores are tested.') },
    { title: 'Remediations', blocks: remediations(ctx, [...security, ...operability]) },
    crossCuttingSection(ctx.model),
  ];
}
