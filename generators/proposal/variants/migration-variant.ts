// `deliverable: migration` → # Migration Plan: from `current:` to the proposed design in strangler steps, never a big bang.
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { diagramBlock, type ProposalContext } from '../context.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { BUILDING_BLOCK_IDS } from '../sections/architecture-section.js';
import { assumptionBlocks } from '../sections/context-section.js';
import { MIGRATION_POLICY } from '../sections/data-section.js';
import { migrationStepTable, phaseBlocks } from '../sections/delivery-section.js';
import { backupLines } from '../sections/reliability-section.js';
import { crossCuttingSection } from './cross-cutting.js';
import { firstSentence } from '../format.js';
import { formatNumber } from '../../markdown/numbers.js';

function currentState(ctx: ProposalContext): string[] {
  const current = ctx.model.spec.current;
  if (current === null) {
    return ['The spec has no `current:` section, so this plan assumes a greenfield start: nothing to strangle, and cut-over is the first production release.', ...assumptionBlocks(ctx.model)];
  }
  const components = current.components.map((c) => [code(c.name), c.kind, c.tech === undefined ? 'not stated' : inline(c.tech)]);
  return [
    current.summary === undefined ? 'The spec describes the current system by its components only.' : inline(current.summary),
    components.length === 0 ? '' : table(['Component', 'Kind', 'Technology'], components),
    current.pain.length === 0 ? '' : `Pain points the migration must remove:\n\n${bullets(current.pain.map(inline))}`,
    current.downtime_minutes === undefined ? 'Tolerated cut-over downtime is not stated; the plan assumes none.' : `Tolerated cut-over downtime: ${formatNumber(current.downtime_minutes)} minutes.`,
    ...assumptionBlocks(ctx.model),
  ];
}

function targetState(ctx: ProposalContext): string[] {
  const rows = BUILDING_BLOCK_IDS.flatMap((id) => {
    const d = findDecision(ctx.model, id);
    return d === undefined ? [] : [[code(d.id), code(d.choice), inline(firstSentence(d.rationale))]];
  });
  return [
    ...decisionBlocks(findDecision(ctx.model, 'shape'), 'shape', false),
    table(['Decision', 'Choice', 'Because'], rows),
    diagramBlock(ctx, 'containers'),
  ];
}

function steps(ctx: ProposalContext): string[] {
  const { migrationSteps } = ctx.model.delivery;
  const approach = ctx.model.spec.current === null
    ? 'Greenfield: nothing to strangle. Each increment below ships to production on its own and can be rolled back on its own.'
    : 'Strangler-style: a routing layer in front of the current system sends one slice of traffic at a time to the new modules, while the current system keeps serving the rest. Each step is reversible on its own.';
  return [
    approach,
    migrationSteps.length === 0 ? 'The model has no strangler steps; the delivery phases stand in for them:' : migrationStepTable(ctx.model),
    ...(migrationSteps.length === 0 ? phaseBlocks(ctx.model, false) : []),
  ];
}

function compatibility(ctx: ProposalContext): string[] {
  // Steps often share one compatibility mechanism: each is stated once, in the order the steps first need it.
  const mechanisms = [...new Set(ctx.model.delivery.migrationSteps.map((s) => s.compatibility))];
  return [
    mechanisms.length === 0 ? '' : `Per step (see Incremental Steps):\n\n${bullets(mechanisms.map(inline))}`,
    MIGRATION_POLICY,
    ctx.model.api.style === 'none' || ctx.model.spec.current === null
      ? ''
      : `Clients keep calling the current endpoints until they move to ${code(ctx.model.api.basePath)}; both stay live for a compatibility window.`,
    ctx.model.api.style === 'none' ? '' : `API changes after launch are additive within ${code(ctx.model.api.version)}; a breaking change ships as a new version beside the old one.`,
  ];
}

function cutover(ctx: ProposalContext): string[] {
  const { rollout, rollback } = ctx.model.delivery;
  return [
    rollout.length === 0 ? 'No rollout step in the model yet.' : `Cut-over:\n\n${bullets(rollout.map(inline))}`,
    rollback.length === 0 ? 'No rollback step in the model yet.' : `Rollback:\n\n${bullets(rollback.map(inline))}`,
    `Recovery if a cut-over corrupts data:\n\n${bullets(backupLines(ctx.model))}`,
  ];
}

export function migrationVariantSections(ctx: ProposalContext): MarkdownSection[] {
  return [
    { title: 'Current-State Assumptions', blocks: currentState(ctx) },
    { title: 'Target-State Architecture', blocks: targetState(ctx) },
    { title: 'Incremental Steps', blocks: steps(ctx) },
    { title: 'Compatibility Strategy', blocks: compatibility(ctx) },
    { title: 'Cutover and Rollback', blocks: cutover(ctx) },
    crossCuttingSection(ctx.model),
  ];
}
