// `deliverable: schema` → # Database Schema: tables, keys and indexes, constraints, migration notes, access-pattern rationale.
import type { ArchitectureModel, ColumnModel, IndexModel, TableModel } from '../../../src/model/types.js';
import type { NormalizedAccess } from '../../../src/spec/normalized.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList, diagramBlock, type ProposalContext } from '../context.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { MIGRATION_POLICY, qualifiedName, relationshipLines, retentionText } from '../sections/data-section.js';
import { migrationStepTable } from '../sections/delivery-section.js';
import { bottleneckBlocks } from '../sections/performance-section.js';
import { crossCuttingSection } from './cross-cutting.js';
import { findBy } from '../../../src/model/find-by.js';

function columnNotes(c: ColumnModel): string {
  const notes: string[] = [];
  if (c.synthetic === true) notes.push('added by archc');
  if (c.enumValues !== undefined) notes.push(`one of ${c.enumValues.map(code).join(', ')}`);
  if (c.references !== undefined) notes.push(`→ ${code(`${c.references.schema}.${c.references.table}.${c.references.column}`)}`);
  if (c.description !== undefined && c.description !== '') notes.push(inline(c.description));
  return notes.join('; ');
}

function columnRow(c: ColumnModel): string[] {
  const keyness = [c.key ? 'key' : '', c.unique ? 'unique' : ''].filter((k) => k !== '').join(', ');
  return [code(c.name), code(c.type), c.nullable ? 'null' : 'not null', c.default === undefined ? '' : code(String(c.default)), keyness, c.sensitivity, columnNotes(c)];
}

function tableBlocks(ctx: ProposalContext): string[] {
  const { tables } = ctx.model;
  if (tables.length === 0) return ['No persistent entity: the `primary-store` decision has nothing to store.'];
  const blocks = decisionBlocks(findDecision(ctx.model, 'primary-store'), 'primary-store', false);
  for (const t of tables) {
    const facts = [`entity ${code(t.entity)}`, `module ${code(t.module)}`, `sensitivity ${t.sensitivity}`];
    if (t.tenantScoped) facts.push('tenant-scoped');
    if (t.ephemeral) facts.push('ephemeral');
    blocks.push(`${code(qualifiedName(t))} (${facts.join(', ')})${t.description === '' ? '' : `: ${inline(t.description)}`}`);
    blocks.push(table(['Column', 'Type', 'Null', 'Default', 'Key', 'Sensitivity', 'Notes'], t.columns.map(columnRow)));
    if (t.notes.length > 0) blocks.push(`Design notes:\n\n${bullets(t.notes.map(inline))}`);
  }
  blocks.push(diagramBlock(ctx, 'erd'));
  return blocks;
}

function indexKind(i: IndexModel): string {
  return `${i.method}${i.unique ? ', unique' : ''}${i.where === null ? '' : `, where ${code(i.where)}`}`;
}

function keysAndIndexes(model: ArchitectureModel): string[] {
  const keys = model.tables.map((t) => [code(qualifiedName(t)), codeList(t.primaryKey)]);
  const indexes = model.tables.flatMap((t) => t.indexes.map((i) => [code(qualifiedName(t)), code(i.name), codeList(i.columns), indexKind(i), inline(i.reason)]));
  return [
    keys.length === 0 ? 'No table, so no key.' : table(['Table', 'Primary key'], keys),
    indexes.length === 0 ? 'No secondary index: every access in the spec is by primary key.' : table(['Table', 'Index', 'Columns', 'Kind', 'Reason'], indexes),
  ];
}

function constraints(model: ArchitectureModel): string[] {
  const unique = model.tables.flatMap((t) => t.columns.filter((c) => c.unique && !c.key).map((c) => code(`${qualifiedName(t)}.${c.name}`)));
  const enums = model.tables.flatMap((t) => t.columns.filter((c) => c.enumValues !== undefined).map((c) => code(`${qualifiedName(t)}.${c.name}`)));
  const relations = relationshipLines(model);
  const blocks = [
    bullets([
      'Every column is NOT NULL unless the spec marks its field optional.',
      unique.length === 0 ? '' : `Unique: ${unique.join(', ')}.`,
      enums.length === 0 ? '' : `Enumerated values are checked by the database: ${enums.join(', ')}.`,
    ]),
    relations.length === 0 ? '' : `References:\n\n${bullets(relations)}`,
  ];
  if (model.security.tenantIsolation !== null) blocks.push(`Tenant isolation: ${inline(model.security.tenantIsolation)}`);
  if (model.security.audit.table !== null) blocks.push(`Audited tables write to ${code(model.security.audit.table)}: ${codeList(model.security.audit.entities)}.`);
  return blocks;
}

function migrationNotes(ctx: ProposalContext): string[] {
  const { model } = ctx;
  const lifecycle = model.tables.flatMap((t) => {
    const lines: string[] = [];
    if (t.partitioning !== null) lines.push(`${code(qualifiedName(t))}: partitioned by ${code(t.partitioning.column)} per ${t.partitioning.interval}; ${inline(t.partitioning.reason)}`);
    if (t.retention !== null) lines.push(`${code(qualifiedName(t))}: ${inline(retentionText(t))}; ${inline(t.retention.mechanism || 'mechanism not stated')}`);
    return lines;
  });
  const tenancy = findDecision(model, 'tenancy');
  return [
    MIGRATION_POLICY,
    tenancy !== undefined && tenancy.choice !== 'none' ? `Tenancy ${code(tenancy.choice)}: ${inline(tenancy.consequences.operations || tenancy.rationale)}` : '',
    lifecycle.length === 0 ? '' : bullets(lifecycle),
    model.delivery.migrationSteps.length === 0 ? '' : migrationStepTable(model),
  ];
}

/** The index serving an access: its columns (after a leading tenant_id) start with the access's columns. */
export function servingIndex(t: TableModel, columns: readonly string[]): string {
  if (columns.length > 0 && columns.every((c, i) => t.primaryKey[i] === c) && columns.length === t.primaryKey.length) return 'primary key';
  const match = t.indexes.find((i) => {
    const cols = i.columns[0] === 'tenant_id' && columns[0] !== 'tenant_id' ? i.columns.slice(1) : i.columns;
    return columns.every((c, k) => cols[k] === c);
  });
  return match === undefined ? 'no index' : code(match.name);
}

function accessRow(t: TableModel, access: NormalizedAccess): string[] {
  const columnOf = (field: string): string => t.columns.find((c) => c.field === field)?.name ?? field;
  if ('search' in access) {
    const cols = access.search.map(columnOf);
    const gin = t.indexes.find((i) => i.method === 'gin' && cols.every((c) => i.columns.includes(c)));
    return [code(t.entity), `search ${codeList(access.search)}`, 'no', gin === undefined ? 'no index' : code(gin.name)];
  }
  return [code(t.entity), `${access.kind} by ${codeList(access.by)}`, access.hot ? 'yes' : 'no', servingIndex(t, access.by.map(columnOf))];
}

function accessPatterns(ctx: ProposalContext): string[] {
  const rows = ctx.model.spec.entities.flatMap((e) => {
    const t = findBy(ctx.model.tables, 'entity', e.name);
    return t === undefined ? [] : e.access.map((a) => accessRow(t, a));
  });
  return [
    rows.length === 0 ? 'The spec declares no access pattern beyond primary-key reads.' : table(['Entity', 'Access', 'Hot', 'Served by'], rows),
    ...bottleneckBlocks(ctx.model, false),
  ];
}

export function schemaVariantSections(ctx: ProposalContext): MarkdownSection[] {
  return [
    { title: 'Tables', blocks: tableBlocks(ctx) },
    { title: 'Keys and Indexes', blocks: keysAndIndexes(ctx.model) },
    { title: 'Constraints', blocks: constraints(ctx.model) },
    { title: 'Migration Notes', blocks: migrationNotes(ctx) },
    { title: 'Access-Pattern Rationale', blocks: accessPatterns(ctx) },
    crossCuttingSection(ctx.model),
  ];
}
