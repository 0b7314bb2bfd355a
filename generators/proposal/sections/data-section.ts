// ## Data Design: stores and why, entities with volumes and retention, consistency per flow, indexes with reasons, migrations.
import type { ArchitectureModel, TableModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList, diagramBlock, diagramLink, moreRowsNote, rowsFor, type ProposalContext } from '../context.js';
import { choiceOf, decisionBlocks, decisionsWithPrefix, findDecision } from '../decision-text.js';
import { firstSentence, numberOr } from '../format.js';
import { formatBytes, formatNumber } from '../../markdown/numbers.js';
import { findBy } from '../../../src/model/find-by.js';

export function qualifiedName(t: TableModel): string {
  return `${t.schema}.${t.name}`;
}

function primaryStores(ctx: ProposalContext): string[] {
  const blocks = ['primary-store', 'blob-store', 'search'].flatMap((id) => {
    const d = findDecision(ctx.model, id);
    if (d === undefined && id !== 'primary-store') return [];
    if (ctx.short && d !== undefined && d.choice === 'none' && id !== 'primary-store') return [];
    return decisionBlocks(d, id, ctx.short);
  });
  const years = ctx.model.capacity.years;
  const last = years[years.length - 1];
  if (last !== undefined) {
    blocks.push(`Stored data reaches ${formatBytes(last.storageBytes)} by year ${formatNumber(last.year)} of the capacity projection (see Capacity and scaling plan).`);
  }
  return blocks;
}

/** Retention as stated, with the mechanism that enforces it. */
export function retentionText(t: TableModel): string {
  if (t.retention === null) return 'kept';
  return `${formatNumber(t.retention.days)} days, then ${t.retention.then}`;
}

function entityRows(ctx: ProposalContext): string[][] {
  return rowsFor(ctx.short, ctx.model.tables, 8).map((t) => {
    const cap = findBy(ctx.model.capacity.entities, 'entity', t.entity);
    if (ctx.short) return [code(t.entity), code(qualifiedName(t)), numberOr(cap?.rowsAtHorizon, 'not projected')];
    return [
      code(t.entity), code(qualifiedName(t)), code(t.module), codeList(t.primaryKey), t.sensitivity,
      numberOr(cap?.rowsNow, 'not stated'), numberOr(cap?.rowsAtHorizon, 'not projected'), inline(retentionText(t)),
    ];
  });
}

/** One line per foreign reference: where it points and what happens on delete, or that it is an id across services. */
export function relationshipLines(model: ArchitectureModel): string[] {
  return model.tables.flatMap((t) => t.columns.flatMap((c) => {
    const ref = c.references;
    if (ref === undefined) return [];
    const target = code(`${ref.schema}.${ref.table}.${ref.column}`);
    const source = code(`${qualifiedName(t)}.${c.name}`);
    return ref.crossesService
      ? [`${source} → ${target}: an id across a service boundary, no foreign key; the owning service validates it.`]
      : [`${source} → ${target}: foreign key, ON DELETE ${ref.onDelete}.`];
  }));
}

function coreEntities(ctx: ProposalContext): string[] {
  if (ctx.model.tables.length === 0) return ['No persistent entities in the model.'];
  const headers = ctx.short
    ? ['Entity', 'Table', 'Rows at horizon']
    : ['Entity', 'Table', 'Module', 'Key', 'Sensitivity', 'Rows now', 'Rows at horizon', 'Retention'];
  const relations = relationshipLines(ctx.model);
  return [
    table(headers, entityRows(ctx)),
    moreRowsNote(ctx.short, ctx.model.tables.length, 8),
    ctx.short || relations.length === 0 ? '' : `Relationships:\n\n${bullets(relations)}`,
    ctx.short ? diagramLink(ctx, 'erd') : diagramBlock(ctx, 'erd'),
  ];
}

function consistencyModel(ctx: ProposalContext): string[] {
  const decisions = decisionsWithPrefix(ctx.model, 'consistency.');
  if (decisions.length === 0) return ['No flow-level consistency decision in the model: every write runs in one transaction of its module.'];
  const rows = decisions.map((d) => {
    const flowName = d.id.slice('consistency.'.length);
    const flow = findBy(ctx.model.flows, 'name', flowName);
    const row = [code(flowName), code(d.choice), inline(ctx.short ? firstSentence(d.rationale) : d.rationale)];
    if (!ctx.short) row.push(flow === undefined ? 'not modelled' : codeList(flow.writes, 'reads only'));
    return row;
  });
  const headers = ctx.short ? ['Flow', 'Consistency', 'Why'] : ['Flow', 'Consistency', 'Why', 'Transaction writes'];
  const store = choiceOf(ctx.model, 'primary-store') === 'postgresql' ? 'one PostgreSQL transaction' : 'one transaction';
  const kinds = new Set(decisions.map((d) => d.choice));
  const rules = [
    kinds.has('strong') ? `Strong flows commit their writes in ${store} before answering.` : '',
    kinds.has('eventual') ? 'Eventual flows accept a bounded lag: they read replicas or caches, or converge through the events listed under Async workflows and events.' : '',
  ].filter((r) => r !== '');
  return [
    rules.join(' '),
    table(headers, rows),
  ];
}

function renames(model: ArchitectureModel): string[] {
  const out: string[] = [];
  for (const m of model.spec.modules) if (m.renamed_from !== undefined) out.push(`module ${code(m.renamed_from)} → ${code(m.name)}`);
  for (const e of model.spec.entities) {
    if (e.renamed_from !== undefined) out.push(`entity ${code(e.renamed_from)} → ${code(e.name)}`);
    for (const f of e.fields) if (f.renamed_from !== undefined) out.push(`field ${code(`${e.name}.${f.renamed_from}`)} → ${code(f.name)}`);
  }
  return out;
}

/** The schema-evolution policy: expand, migrate, contract behind a compatibility window (the rulebook's default). */
export const MIGRATION_POLICY =
  'Schema changes ship as expand → backfill → contract: add nullable columns or new tables first, deploy code that writes both shapes, backfill in batches, and drop the old shape only after every reader has moved. No change needs a flag day.';

function indexing(ctx: ProposalContext): string[] {
  const allIndexes = ctx.model.tables.flatMap((t) => t.indexes.map((i) => ({ t, i })));
  const rows = rowsFor(ctx.short, allIndexes, 8).map(({ t, i }) => {
    const row = [code(qualifiedName(t)), code(i.name), codeList(i.columns)];
    if (!ctx.short) row.push(`${i.method}${i.unique ? ', unique' : ''}${i.where === null ? '' : `, where ${code(i.where)}`}`);
    row.push(inline(ctx.short ? firstSentence(i.reason) : i.reason));
    return row;
  });
  const headers = ctx.short ? ['Table', 'Index', 'Columns', 'Reason'] : ['Table', 'Index', 'Columns', 'Kind', 'Reason'];
  const lifecycle = ctx.model.tables.flatMap((t) => {
    const lines: string[] = [];
    if (t.partitioning !== null) lines.push(`${code(qualifiedName(t))} is partitioned by ${code(t.partitioning.column)} per ${t.partitioning.interval}: ${inline(t.partitioning.reason)}`);
    if (t.retention !== null) lines.push(`${code(qualifiedName(t))} keeps rows ${inline(retentionText(t))}: ${inline(t.retention.mechanism || 'mechanism not stated')}`);
    for (const note of t.notes) lines.push(`${code(qualifiedName(t))}: ${inline(note)}`);
    return lines;
  });
  const renamed = renames(ctx.model);
  return [
    rows.length === 0 ? 'No secondary index: every access in the spec is by primary key.' : table(headers, rows),
    moreRowsNote(ctx.short, allIndexes.length, 8),
    lifecycle.length === 0 || ctx.short ? '' : bullets(lifecycle),
    MIGRATION_POLICY,
    renamed.length === 0 ? '' : `Renames declared in the spec (migrated with a rename, not drop and add):\n\n${bullets(renamed)}`,
  ];
}

export function dataSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Data Design',
    blocks: [],
    subsections: [
      { title: 'Primary stores', blocks: primaryStores(ctx) },
      { title: 'Core entities', blocks: coreEntities(ctx) },
      { title: 'Consistency model', blocks: consistencyModel(ctx) },
      { title: 'Indexing and migrations', blocks: indexing(ctx) },
    ],
  };
}
