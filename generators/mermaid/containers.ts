// containers.mmd: deployables, modules, stores and infrastructure. A monolith draws every module inside one
// deployable over one database (a schema per module); services each get a subgraph with their own schema and
// labelled calls (internal-comm); a hybrid draws a core subgraph plus separate services.
import type { ArchitectureModel, ModuleModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { quoted, quotedLines } from './escape.js';
import {
  byName, choice, decisionCaption, deployablesOf, flowOwner, infrastructureTitle, integrationsOf, moduleIds, moduleOfEntity, shapeOf,
  tablesByModule, uniqueSorted, type Deployable, type InfrastructureDecision,
} from './topology.js';

interface Context {
  model: ArchitectureModel;
  ids: Map<string, string>;
  deployables: Deployable[];
  /** Module name → the id of the deployable it runs in. */
  deployableOf: Map<string, string>;
  /** Node and subgraph declarations, then edges: an edge to a subgraph id must follow the subgraph. */
  lines: string[];
  edges: string[];
}

const SHAPE_TITLES: Readonly<Record<string, string>> = {
  'modular-monolith': 'modular monolith · one deployable',
  serverless: 'serverless functions · one codebase',
  hybrid: 'core · one deployable',
  microservices: 'core · one deployable',
};

function moduleLabel(module: ModuleModel): string {
  const entities = [...module.entities].sort(compareNames);
  return quotedLines(entities.length > 0 ? [module.name, entities.join(', ')] : [module.name]);
}

function storeChoice(model: ArchitectureModel): string {
  return choice(model, 'primary-store', model.tables.length > 0 ? 'postgresql' : 'none');
}

function tenancyLine(model: ArchitectureModel): string[] {
  const tenancy = choice(model, 'tenancy', 'none');
  return tenancy === 'none' ? [] : [decisionCaption('tenancy', tenancy)];
}

/** Modules of a deployable that own tables (only they get a schema). */
function modulesWithSchema(ctx: Context, deployable: Deployable): ModuleModel[] {
  const tables = tablesByModule(ctx.model);
  return deployable.modules.filter((m) => (tables.get(m.name)?.length ?? 0) > 0 || m.entities.length > 0);
}

function databaseId(deployable: Deployable, ctx: Context): string {
  return deployable.kind === 'core' ? 'coredb' : `db_${ctx.ids.get(deployable.modules[0]!.name)}`;
}

function renderCore(ctx: Context, deployable: Deployable, store: string): void {
  const title = `${ctx.model.spec.system.name} ${SHAPE_TITLES[shapeOf(ctx.model)] ?? 'core · one deployable'}`;
  ctx.lines.push(`  subgraph ${deployable.id}[${quoted(title)}]`);
  for (const module of deployable.modules) ctx.lines.push(`    ${ctx.ids.get(module.name)}[${moduleLabel(module)}]`);
  ctx.lines.push('  end');
  const owners = modulesWithSchema(ctx, deployable);
  if (store === 'none' || owners.length === 0) return;
  const db = databaseId(deployable, ctx);
  const schemas = uniqueSorted(owners.map((m) => m.schema));
  const databases = choice(ctx.model, 'tenancy', 'none') === 'database-per-tenant' ? 'one database per tenant' : 'one database';
  const label = [`${infrastructureTitle('primary-store', store)} · ${databases}`, `schemas ${schemas.join(', ')}`,
    decisionCaption('primary-store', store), ...tenancyLine(ctx.model)];
  ctx.lines.push(`  ${db}[(${quotedLines(label)})]`);
  for (const module of owners) ctx.edges.push(`  ${ctx.ids.get(module.name)} -->|${quoted(`schema ${module.schema}`)}| ${db}`);
}

function renderService(ctx: Context, deployable: Deployable, store: string): void {
  const module = deployable.modules[0]!;
  const moduleId = ctx.ids.get(module.name)!;
  ctx.lines.push(`  subgraph ${deployable.id}[${quoted(`${module.name} service · own deployable`)}]`);
  ctx.lines.push(`    ${moduleId}[${moduleLabel(module)}]`);
  const ownsData = modulesWithSchema(ctx, deployable).length > 0 && store !== 'none';
  const db = databaseId(deployable, ctx);
  if (ownsData) {
    const label = [infrastructureTitle('primary-store', store), `own schema ${module.schema}`,
      decisionCaption('primary-store', store), ...tenancyLine(ctx.model)];
    ctx.lines.push(`    ${db}[(${quotedLines(label)})]`);
  }
  ctx.lines.push('  end');
  if (ownsData) ctx.edges.push(`  ${moduleId} --> ${db}`);
}

function dependencyEdges(ctx: Context): void {
  const comm = choice(ctx.model, 'internal-comm', 'in-process');
  for (const module of byName(ctx.model.modules)) {
    for (const dependency of uniqueSorted(module.dependsOn)) {
      const to = ctx.ids.get(dependency);
      if (to === undefined || dependency === module.name) continue;
      const from = ctx.ids.get(module.name)!;
      const sameDeployable = ctx.deployableOf.get(module.name) === ctx.deployableOf.get(dependency);
      if (sameDeployable) ctx.edges.push(`  ${from} -->|${quoted('in-process')}| ${to}`);
      else if (comm === 'events') ctx.edges.push(`  ${from} -.->|${quoted('events')}| ${to}`);
      else ctx.edges.push(`  ${from} -->|${quoted(comm === 'in-process' ? 'call' : comm)}| ${to}`);
    }
  }
}

/** Mermaid ids of the given modules, or of every deployable when none is known. */
function attachTo(ctx: Context, modules: Iterable<string>): string[] {
  const ids = uniqueSorted(modules).map((m) => ctx.ids.get(m)).filter((id): id is string => id !== undefined);
  return ids.length > 0 ? ids : ctx.deployables.map((d) => d.id);
}

function infrastructureNode(id: InfrastructureDecision, chosen: string, open: string, close: string, nodeId: string): string {
  return `  ${nodeId}${open}${quotedLines([infrastructureTitle(id, chosen), decisionCaption(id, chosen)])}${close}`;
}

function renderMessaging(ctx: Context, chosen: string): void {
  ctx.lines.push(infrastructureNode('messaging', chosen, '[[', ']]', 'mq'));
  const events = byName(ctx.model.events);
  if (events.length === 0) {
    const asyncModules = ctx.model.flows.filter((f) => !f.synchronous).flatMap((f) => f.modules);
    for (const id of attachTo(ctx, asyncModules)) ctx.edges.push(`  ${id} -.->|${quoted('jobs')}| mq`);
    return;
  }
  const published = new Map<string, string[]>();
  const delivered = new Map<string, string[]>();
  for (const event of events) {
    published.set(event.producer, [...(published.get(event.producer) ?? []), event.name]);
    for (const consumer of event.consumers) delivered.set(consumer, [...(delivered.get(consumer) ?? []), event.name]);
  }
  for (const [producer, names] of [...published].sort(([a], [b]) => compareNames(a, b))) {
    for (const id of attachTo(ctx, [producer])) ctx.edges.push(`  ${id} -.->|${quoted(`publishes ${names.join(', ')}`)}| mq`);
  }
  for (const [consumer, names] of [...delivered].sort(([a], [b]) => compareNames(a, b))) {
    for (const id of attachTo(ctx, [consumer])) ctx.edges.push(`  mq -.->|${quoted(`delivers ${names.join(', ')}`)}| ${id}`);
  }
  ctx.lines.push(`  dlq[[${quotedLines(['Dead-letter queues', events.map((e) => e.deadLetter).join(', ')])}]]`);
  ctx.edges.push(`  mq -.->|${quoted('after the last retry')}| dlq`);
}

function cacheUsers(model: ArchitectureModel): string[] {
  const cached = model.performance.caching.map((c) => moduleOfEntity(model, c.entity));
  const ephemeral = model.tables.filter((t) => t.ephemeral).map((t) => t.module);
  return [...cached, ...ephemeral].filter((m): m is string => m !== null);
}

function searchUsers(model: ArchitectureModel): string[] {
  const searched = model.spec.entities.filter((e) => e.access.some((a) => 'search' in a)).map((e) => e.module);
  const gin = model.tables.filter((t) => t.indexes.some((i) => i.method === 'gin')).map((t) => t.module);
  return [...searched, ...gin];
}

function blobUsers(model: ArchitectureModel): string[] {
  return model.tables.filter((t) => t.columns.some((c) => c.type === 'blob')).map((t) => t.module);
}

function realtimeUsers(model: ArchitectureModel): string[] {
  return model.flows.filter((f) => f.kind === 'realtime').flatMap((f) => f.modules);
}

/** Clients enter through the external API and, with realtime, through the gateway. */
function renderEntry(ctx: Context): void {
  const api = choice(ctx.model, 'external-api', ctx.model.api.style);
  const realtime = choice(ctx.model, 'realtime', 'none');
  if (api === 'none' && realtime === 'none') return;
  const consumers = uniqueSorted([...ctx.model.spec.api.consumers, ...ctx.model.api.consumers]);
  ctx.lines.push(`  clients([${quotedLines(consumers.length > 0 ? ['Clients', consumers.join(', ')] : ['Clients'])}])`);
  if (api === 'none') return;
  ctx.lines.push(`  api{{${quotedLines([`${api.toUpperCase()} API ${ctx.model.api.basePath}`, decisionCaption('external-api', api)])}}}`);
  ctx.edges.push('  clients --> api');
  const served = ctx.model.api.resources.map((r) => r.module);
  for (const id of attachTo(ctx, served)) ctx.edges.push(`  api --> ${id}`);
}

function renderIntegrations(ctx: Context): void {
  integrationsOf(ctx.model).forEach((integration, index) => {
    const id = `ext${index + 1}`;
    const facts = [integration.kind, integration.direction, ...(integration.critical ? ['critical'] : [])];
    ctx.lines.push(`  ${id}[[${quotedLines([integration.name, facts.join(' · ')])}]]`);
    const callers = [
      ...integration.calledBy,
      ...ctx.model.flows.filter((f) => f.calls.includes(integration.name)).map((f) => flowOwner(ctx.model, f)).filter((m): m is string => m !== null),
    ];
    for (const module of attachTo(ctx, callers.filter((c) => ctx.ids.has(c)))) {
      if (integration.direction === 'inbound') ctx.edges.push(`  ${id} --> ${module}`);
      else ctx.edges.push(`  ${module} ${integration.direction === 'both' ? '<-->' : '-->'} ${id}`);
    }
  });
}

function renderInfrastructure(ctx: Context): void {
  const { model } = ctx;
  const cache = choice(model, 'cache', 'none');
  if (cache !== 'none') {
    ctx.lines.push(infrastructureNode('cache', cache, '[(', ')]', 'cache'));
    for (const id of attachTo(ctx, cacheUsers(model))) ctx.edges.push(`  ${id} --> cache`);
  }
  const messaging = choice(model, 'messaging', 'none');
  if (messaging !== 'none') renderMessaging(ctx, messaging);
  const search = choice(model, 'search', 'none');
  if (search !== 'none') {
    ctx.lines.push(infrastructureNode('search', search, search === 'postgres-fts' ? '[/' : '[(', search === 'postgres-fts' ? '/]' : ')]', 'search'));
    for (const id of attachTo(ctx, searchUsers(model))) ctx.edges.push(`  ${id} -->|${quoted('full-text queries')}| search`);
  }
  const blob = choice(model, 'blob-store', 'none');
  if (blob !== 'none') {
    ctx.lines.push(infrastructureNode('blob-store', blob, '[(', ')]', 'blob'));
    for (const id of attachTo(ctx, blobUsers(model))) ctx.edges.push(`  ${id} -->|${quoted('objects')}| blob`);
  }
  const realtime = choice(model, 'realtime', 'none');
  if (realtime !== 'none') {
    ctx.lines.push(infrastructureNode('realtime', realtime, '{{', '}}', 'rt'));
    ctx.edges.push(`  clients <-->|${quoted(realtime)}| rt`);
    for (const id of attachTo(ctx, realtimeUsers(model))) ctx.edges.push(`  rt <--> ${id}`);
  }
}

export function renderContainers(model: ArchitectureModel): string {
  const deployables = deployablesOf(model);
  const deployableOf = new Map(deployables.flatMap((d) => d.modules.map((m) => [m.name, d.id] as const)));
  const ctx: Context = { model, ids: moduleIds(model), deployables, deployableOf, lines: ['flowchart TB'], edges: [] };
  const store = storeChoice(model);
  renderEntry(ctx);
  for (const deployable of deployables) {
    if (deployable.kind === 'core') renderCore(ctx, deployable, store);
    else renderService(ctx, deployable, store);
  }
  if (deployables.length === 0 && store !== 'none') {
    ctx.lines.push(infrastructureNode('primary-store', store, '[(', ')]', 'coredb'));
  }
  dependencyEdges(ctx);
  renderInfrastructure(ctx);
  renderIntegrations(ctx);
  return `${[...ctx.lines, ...ctx.edges].join('\n')}\n`;
}
