// ## Recommended Architecture: the shape decision, why it fits (inputs, cost, operations, tipping point), what was rejected.
import type { MarkdownSection } from '../../markdown/document.js';
import { table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { diagramBlock, diagramLink, type ProposalContext } from '../context.js';
import { alternativeRows, choiceHeadline, decisionBlocks, findDecision, tippingText } from '../decision-text.js';
import { firstSentence } from '../format.js';

/** Infrastructure decisions in the order a reader meets them; `none` choices still show, since "none" is a decision. */
export const BUILDING_BLOCK_IDS = [
  'primary-store', 'cache', 'search', 'blob-store', 'messaging', 'external-api', 'realtime', 'internal-comm', 'tenancy', 'deployment',
] as const;

function buildingBlocksTable(ctx: ProposalContext): string {
  const rows = BUILDING_BLOCK_IDS.flatMap((id) => {
    const d = findDecision(ctx.model, id);
    return d === undefined ? [] : [[code(d.id), code(d.choice), inline(firstSentence(d.rationale))]];
  });
  return table(['Decision', 'Choice', 'Because'], rows);
}

function chosenPattern(ctx: ProposalContext): string[] {
  const shape = findDecision(ctx.model, 'shape');
  const head = shape === undefined ? 'No `shape` decision in the model.' : choiceHeadline(shape);
  const core = ctx.model.modules.filter((m) => m.deployment === 'core').map((m) => m.name);
  const services = ctx.model.modules.filter((m) => m.deployment === 'service').map((m) => m.name);
  const deployables: string[] = [];
  const coreUnit = shape?.choice === 'serverless' ? 'one codebase deployed as functions' : 'one core deployable';
  if (core.length > 0) deployables.push(`${coreUnit} holding ${core.map(code).join(', ')}`);
  if (services.length > 0) deployables.push(`separately deployed ${services.map(code).join(', ')}`);
  return [
    head,
    deployables.length === 0 ? '' : `Deployables: ${deployables.join('; ')}.`,
    buildingBlocksTable(ctx),
    diagramBlock(ctx, 'context'),
    ctx.short ? diagramLink(ctx, 'containers') : diagramBlock(ctx, 'containers'),
  ];
}

function whyItFits(ctx: ProposalContext): string[] {
  const shape = findDecision(ctx.model, 'shape');
  const blocks = decisionBlocks(shape, 'shape', ctx.short);
  if (shape !== undefined && !ctx.short && shape.inputs.length > 0) {
    blocks.push(`Inputs read: ${shape.inputs.map((i) => code(i.path)).join(', ')}.`);
  }
  const needs = ctx.model.modules.filter((m) => m.splitNeeds.length > 0);
  if (needs.length > 0) {
    blocks.push(`Split needs: ${needs.map((m) => `${code(m.name)} (${m.splitNeeds.map(code).join(', ')})`).join('; ')}.`);
  } else if (ctx.model.modules.length > 0) {
    blocks.push('No module states a need for independent scaling, independent deploys or fault isolation, so no module is deployed on its own.');
  }
  return blocks;
}

function rejected(ctx: ProposalContext): string[] {
  const shape = findDecision(ctx.model, 'shape');
  const others = ctx.short ? [] : BUILDING_BLOCK_IDS.flatMap((id) => findDecision(ctx.model, id) ?? []);
  const rows = [shape, ...others].flatMap((d) => (d === undefined ? [] : alternativeRows(d, ctx.short)));
  if (rows.length === 0) return ['The model records no rejected alternative.'];
  const shapeTip = shape?.tippingPoint;
  return [
    table(['Decision', 'Rejected', 'Why not (and when it would win)'], rows),
    shapeTip === undefined || shapeTip === null || ctx.short ? '' : `Revisit the shape when the input moves: ${tippingText(shapeTip)}`,
  ];
}

export function architectureSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Recommended Architecture',
    blocks: [],
    subsections: [
      { title: 'Chosen pattern', blocks: chosenPattern(ctx) },
      { title: 'Why this pattern fits', blocks: whyItFits(ctx) },
      { title: 'Rejected alternatives', blocks: rejected(ctx) },
    ],
  };
}
