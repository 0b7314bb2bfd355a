// ## Performance and Scaling: hot paths and amplification, the cache decision, the capacity projection and its thresholds.
import type { ArchitectureModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { diagramBlock, diagramLink, moreRowsNote, type ProposalContext } from '../context.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { formatBytes, formatNumber } from '../../markdown/numbers.js';

export function bottleneckBlocks(model: ArchitectureModel, short: boolean): string[] {
  const { hotPaths, bottlenecks, amplification } = model.performance;
  const hot = hotPaths.map((h) => [code(h.entity), inline(h.access), formatNumber(h.readRpsAtHorizon), inline(h.reason)]);
  const blocks = [
    bottlenecks.length === 0 ? 'No bottleneck identified in the model.' : bullets(bottlenecks.map(inline)),
    hot.length === 0 ? '' : `Hot paths:\n\n${table(['Entity', 'Access', 'Read rps at horizon', 'Why it is hot'], short ? hot.slice(0, 4) : hot)}`,
    moreRowsNote(short, hot.length, 4),
  ];
  if (!short && amplification.length > 0) blocks.push(`Read and write amplification:\n\n${bullets(amplification.map(inline))}`);
  return blocks;
}

function caching(ctx: ProposalContext): string[] {
  const rows = ctx.model.performance.caching.map((c) => [code(c.entity), code(c.key), `${formatNumber(c.ttlSeconds)} s`, inline(c.invalidation)]);
  return [
    ...decisionBlocks(findDecision(ctx.model, 'cache'), 'cache', ctx.short),
    rows.length === 0 ? 'Nothing is cached: the primary store serves every read, which keeps one source of truth and no invalidation path.' : table(['Entity', 'Key', 'TTL', 'Invalidation'], rows),
  ];
}

export function capacityTable(model: ArchitectureModel): string {
  const rows = model.capacity.years.map((y) => [formatNumber(y.year), formatNumber(y.peakRps), formatNumber(y.readRps), formatNumber(y.writeRps), formatBytes(y.storageBytes)]);
  return table(['Year', 'Peak rps', 'Read rps', 'Write rps', 'Storage'], rows);
}

export function thresholdRows(model: ArchitectureModel): string[][] {
  return model.capacity.thresholds.map((t) => [
    inline(t.label),
    t.metric === 'storageBytes' ? `storage ${formatBytes(t.value)}` : `${formatNumber(t.value)} ${t.metric === 'rps' ? 'requests/s' : 'rows'}`,
    t.crossedInYear === null ? 'not within the horizon' : `year ${formatNumber(t.crossedInYear)}`,
    inline(t.consequence),
  ]);
}

function capacityPlan(ctx: ProposalContext): string[] {
  const { capacity, performance } = ctx.model;
  const thresholds = thresholdRows(ctx.model);
  // Per-table row limits that the horizon never reaches are noise in a table: they are summarised in one line.
  const shown = thresholds.filter((_, i) => {
    const t = capacity.thresholds[i];
    return t !== undefined && (t.crossedInYear !== null || (!ctx.short && t.metric !== 'rows'));
  });
  const quietRows = capacity.thresholds.filter((t) => t.metric === 'rows' && t.crossedInYear === null);
  const blocks = [
    capacity.years.length === 0
      ? 'No capacity projection in the model.'
      : `Projection over ${formatNumber(capacity.horizonYears)} years at ×${formatNumber(capacity.growthPerYear)} per year:\n\n${capacityTable(ctx.model)}`,
    shown.length === 0 ? '' : `Thresholds:\n\n${table(['Threshold', 'At', 'Crossed', 'Then'], shown)}`,
    quietRows.length === 0 || ctx.short ? '' : `No table reaches its row-count threshold within the horizon (${quietRows.map((t) => `${inline(t.label)}: ${formatNumber(t.value)}`).join('; ')}).`,
    bullets([
      performance.horizontalScaling === '' ? '' : `Horizontal scaling: ${inline(performance.horizontalScaling)}`,
      performance.batchVsRealtime === '' ? '' : `Batch versus real time: ${inline(performance.batchVsRealtime)}`,
    ]),
  ];
  if (ctx.short) {
    const links = ['capacity-rps', 'capacity-storage'].map((n) => diagramLink(ctx, n)).filter((l) => l !== '');
    if (links.length > 0) blocks.push(`Charts: ${links.join(', ')}.`);
  } else {
    blocks.push(diagramBlock(ctx, 'capacity-rps'), diagramBlock(ctx, 'capacity-storage'));
  }
  const perEntity = (ctx.short ? [] : capacity.entities).map((e) => [code(e.entity), formatNumber(e.bytesPerRow), formatNumber(e.rowsAtHorizon), formatBytes(e.storageBytesAtHorizon)]);
  if (perEntity.length > 0) blocks.push(`Storage by entity at the horizon:\n\n${table(['Entity', 'Bytes/row', 'Rows', 'Storage'], perEntity)}`);
  return blocks;
}

export function performanceSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Performance and Scaling',
    blocks: [],
    subsections: [
      { title: 'Bottlenecks', blocks: bottleneckBlocks(ctx.model, ctx.short) },
      { title: 'Caching', blocks: caching(ctx) },
      { title: 'Capacity and scaling plan', blocks: capacityPlan(ctx) },
    ],
  };
}
