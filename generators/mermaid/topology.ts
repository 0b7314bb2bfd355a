// What the diagrams share: decision choices, deployables (the core and each separately deployed service),
// and which module owns which table. Read from the model only.
import type { ArchitectureModel, FlowModel, IntegrationModel, ModuleModel, TableModel } from '../../src/model/types.js';
import { choiceOf } from '../../src/passes/decision.js';
import { compareNames } from '../../src/spec/normalize.js';
import { oncePerObject } from '../../src/model/once-per-object.js';

/** The infrastructure decisions that appear in containers.mmd when not `none`, in catalogue order. */
export const INFRASTRUCTURE_DECISIONS = ['primary-store', 'cache', 'messaging', 'search', 'blob-store', 'realtime'] as const;
export type InfrastructureDecision = (typeof INFRASTRUCTURE_DECISIONS)[number];

/** A decision's choice, or `fallback` when no pass recorded it. */
export function choice(model: ArchitectureModel, id: string, fallback: string): string {
  return choiceOf(model, id) ?? fallback;
}

export function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNames(a.name, b.name));
}

/** The shape choice; without a recorded decision it follows the modules' deployment units. */
export function shapeOf(model: ArchitectureModel): string {
  const recorded = choiceOf(model, 'shape');
  if (recorded !== null) return recorded;
  const services = model.modules.filter((m) => m.deployment === 'service').length;
  if (services === 0) return 'modular-monolith';
  return services === model.modules.length && services >= 2 ? 'microservices' : 'hybrid';
}

export interface Deployable {
  /** Generated Mermaid id (never a raw name). */
  id: string;
  kind: 'core' | 'service';
  modules: ModuleModel[];
}

/** The core deployable (modules with deployment `core`, if any) first, then one per service, by name. */
export function deployablesOf(model: ArchitectureModel): Deployable[] {
  const modules = byName(model.modules);
  const core = modules.filter((m) => m.deployment === 'core');
  const services = modules.filter((m) => m.deployment === 'service');
  const result: Deployable[] = [];
  if (core.length > 0) result.push({ id: 'core', kind: 'core', modules: core });
  services.forEach((m, index) => result.push({ id: `svc${index + 1}`, kind: 'service', modules: [m] }));
  return result;
}

/** The id of the deployable each module runs in (built once per model: sequence diagrams ask it per message). */
export const deployableOfModule = oncePerObject((model: ArchitectureModel): ReadonlyMap<string, string> =>
  new Map(deployablesOf(model).flatMap((d) => d.modules.map((m) => [m.name, d.id] as const))));

/** Mermaid id of each module: `m<position in name order>`. */
export function moduleIds(model: ArchitectureModel): Map<string, string> {
  return new Map(byName(model.modules).map((m, index) => [m.name, `m${index + 1}`]));
}

// Emitters only read the model, so lookups derived from it are built once per model object: diagrams ask them
// per flow and per module, which on large models made each call a scan or a sort of every table.
const groupedTables = oncePerObject((model: ArchitectureModel): ReadonlyMap<string, readonly TableModel[]> => {
  const grouped = new Map<string, TableModel[]>();
  for (const table of byName(model.tables)) {
    const list = grouped.get(table.module) ?? [];
    list.push(table);
    grouped.set(table.module, list);
  }
  return grouped;
});

const entityOwners = oncePerObject((model: ArchitectureModel) => {
  const byTable = new Map<string, string>();
  for (const table of model.tables) if (!byTable.has(table.entity)) byTable.set(table.entity, table.module);
  const byModule = new Map<string, string>();
  for (const module of model.modules) for (const name of module.entities) if (!byModule.has(name)) byModule.set(name, module.name);
  return { byTable, byModule };
});

/** Tables grouped by owning module, each list sorted by table name. */
export function tablesByModule(model: ArchitectureModel): Map<string, TableModel[]> {
  // Copies, so that a caller reordering its lists cannot change the next caller's answer.
  return new Map([...groupedTables(model)].map(([module, tables]) => [module, [...tables]]));
}

/** The module owning an entity, or null: the first table of that entity, else the first module listing it. */
export function moduleOfEntity(model: ArchitectureModel, entity: string): string | null {
  const owners = entityOwners(model);
  return owners.byTable.get(entity) ?? owners.byModule.get(entity) ?? null;
}

/** Sorted, de-duplicated names. */
export function uniqueSorted(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(compareNames);
}

/** Human product name for an infrastructure choice (the choice id itself is printed beside it). */
export function infrastructureTitle(id: InfrastructureDecision, chosen: string): string {
  const titles: Record<string, string> = {
    postgresql: 'PostgreSQL',
    redis: 'Redis cache',
    queue: 'Message queue',
    'event-log': 'Event log',
    'postgres-fts': 'PostgreSQL full-text search',
    'search-engine': 'Search engine',
    'object-storage': 'Object storage',
    sse: 'Realtime gateway (SSE)',
    websocket: 'Realtime gateway (WebSocket)',
  };
  return titles[chosen] ?? `${id} ${chosen}`;
}

/** The caption that names a decision and its choice, e.g. `cache: redis`. */
export function decisionCaption(id: string, chosen: string): string {
  return `${id}: ${chosen}`;
}

/** The module that runs the flow, as the model decided it (the proposal and the ports name the same one). */
export function flowOwner(_model: ArchitectureModel, flow: FlowModel): string | null {
  return flow.owner;
}

/** The model's integrations; spec integrations the model does not (yet) describe are added with their spec facts. */
export function integrationsOf(model: ArchitectureModel): IntegrationModel[] {
  const described = new Set(model.integrations.map((i) => i.name));
  const fromSpec = model.spec.integrations
    .filter((i) => !described.has(i.name))
    .map((i): IntegrationModel => ({
      name: i.name, kind: i.kind, direction: i.direction, critical: i.critical, description: i.description ?? '', calledBy: [],
    }));
  return byName([...model.integrations, ...fromSpec]);
}
