// Module boundaries (rulebook step 3): responsibility, owned data, public interfaces, dependencies, deployment
// unit and failure impact of every module, derived from the spec and the `shape` decision.
import type { ArchitectureModel, ModuleModel } from '../model/types.js';
import { camelCase, operationId, schemaName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedEntity, NormalizedFlow, NormalizedModule, NormalizedSpec } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { entityModuleIndex, flowOwner, touchedModules } from './derived/flow-ownership.js';
import { CORE_DEPLOYABLE, deployables, distinctOwners, moduleSplitNeeds, type SplitNeed } from './boundaries.js';
import { definePass } from './pass.js';
import { numberInput } from './projection.js';

const SYNC_KINDS = new Set<NormalizedFlow['kind']>(['request', 'realtime']);

/** Team count as written or assumed by the frame; without either, one team per distinct owner (the frame's rule). */
function teamsOf(model: ArchitectureModel): number {
  return numberInput(model.spec, model, 'team.teams') ?? Math.max(1, distinctOwners(model.spec).length);
}

/** What each module has in the spec, gathered in one pass over entities and flows (each list in spec order). */
interface ModuleFacts {
  entities: NormalizedEntity[];
  /** Flows that run in the module (it owns them, see flowOwner). */
  owned: NormalizedFlow[];
  /** Flows that name the module among their consumers. */
  consumed: NormalizedFlow[];
  /** Flows that touch an entity of the module or run in it. */
  touching: NormalizedFlow[];
}

function emptyFacts(): ModuleFacts {
  return { entities: [], owned: [], consumed: [], touching: [] };
}

/** Adds `flow` to a module's list once, however many of the flow's names lead there (flows are added in order). */
function addFlowOnce(list: NormalizedFlow[], flow: NormalizedFlow): void {
  if (list[list.length - 1] !== flow) list.push(flow);
}

/** Facts per module name; modules not in the spec get none (the lookups below then read empty lists). */
function factsByModule(spec: NormalizedSpec): Map<string, ModuleFacts> {
  const facts = new Map(spec.modules.map((m) => [m.name, emptyFacts()]));
  if (facts.size === 0) return facts; // no module asks, so no flow's owner is looked up
  for (const entity of spec.entities) facts.get(entity.module)?.entities.push(entity);
  for (const flow of spec.flows) {
    const owner = flowOwner(spec, flow);
    const ownerFacts = facts.get(owner);
    if (ownerFacts) ownerFacts.owned.push(flow);
    for (const module of flow.consumers) {
      const consumer = facts.get(module);
      if (consumer) addFlowOnce(consumer.consumed, flow);
    }
    for (const module of [...touchedModules(spec, flow), owner]) {
      const touched = facts.get(module);
      if (touched) addFlowOnce(touched.touching, flow);
    }
  }
  return facts;
}

/** Declared dependencies plus those implied by a `ref` to another module's entity. */
function dependenciesOf(spec: NormalizedSpec, module: NormalizedModule, entities: readonly NormalizedEntity[]): string[] {
  const owners = entityModuleIndex(spec);
  const implied = entities
    .flatMap((e) => e.fields.filter((f) => f.type === 'ref' && f.to !== undefined).map((f) => owners.get(f.to as string)))
    .filter((m): m is string => m !== undefined && m !== module.name);
  return [...new Set([...module.depends_on, ...implied])].sort(compareNames);
}

function listText(items: readonly string[]): string {
  return items.join(', ');
}

function stripPeriod(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

function responsibilityOf(module: NormalizedModule, entities: string[], facts: ModuleFacts): string {
  const sentences: string[] = [];
  if (module.description !== undefined && module.description.trim() !== '') sentences.push(`${stripPeriod(module.description)}.`);
  sentences.push(entities.length > 0
    ? `Source of truth for ${listText(entities)}.`
    : 'Owns no persistent entity.');
  const runs = facts.owned.map((f) => f.name);
  if (runs.length > 0) sentences.push(`Runs ${runs.length === 1 ? 'the flow' : 'the flows'} ${listText(runs)}.`);
  const reacts = facts.consumed.map((f) => f.name);
  if (reacts.length > 0) sentences.push(`Reacts to ${listText(reacts)}.`);
  const calls = [...new Set(facts.owned.flatMap((f) => f.calls))].sort(compareNames);
  if (calls.length > 0) sentences.push(`Calls ${listText(calls)}.`);
  return sentences.join(' ');
}

/** Entity API operation ids and the synchronous flows the module runs; events are added by the events pass. */
function interfacesOf(facts: ModuleFacts): string[] {
  const operations = facts.entities.flatMap((e) => e.api.map((op) => operationId(op, e.name)));
  const flows = facts.owned
    .filter((f) => SYNC_KINDS.has(f.kind))
    .map((f) => `${camelCase(f.name)} (${f.kind} flow)`);
  return [...operations, ...flows].sort(compareNames);
}

function failureImpactOf(facts: ModuleFacts, deployment: ModuleModel['deployment']): string {
  const touching = facts.touching;
  const failing = touching.filter((f) => SYNC_KINDS.has(f.kind)).map((f) => f.name);
  const delayed = touching.filter((f) => !SYNC_KINDS.has(f.kind)).map((f) => f.name);
  const touchingSet = new Set(touching);
  const reacting = facts.consumed.filter((f) => !touchingSet.has(f)).map((f) => f.name);
  const parts: string[] = [];
  if (failing.length > 0) parts.push(`user-facing flows fail: ${listText(failing)}`);
  if (delayed.length > 0) parts.push(`background work stops until it recovers: ${listText(delayed)}`);
  if (reacting.length > 0) parts.push(`its reactions to ${listText(reacting)} are delayed`);
  if (parts.length === 0) return 'No flow touches its entities: a failure affects only its own API operations.';
  const scope = deployment === 'core' ? ' It shares the core deployable, so a crash (not a logic fault) takes the other core modules down with it.' : '';
  return `When it fails, ${parts.join('; ')}.${scope}`;
}

/** Builds the module list; `dependents` is filled once every module's dependencies are known. */
export function buildModules(spec: NormalizedSpec, shape: string, teams: number): ModuleModel[] {
  const needs = moduleSplitNeeds(spec, teams);
  const units = deployables(spec, shape, needs);
  const factsOf = factsByModule(spec);
  const modules = spec.modules.map((module): ModuleModel => {
    const facts = factsOf.get(module.name) ?? emptyFacts();
    const entities = facts.entities.map((e) => e.name).sort(compareNames);
    const splitNeeds = [...(needs.get(module.name) ?? ([] as SplitNeed[]))].sort(compareNames);
    const deployment: ModuleModel['deployment'] = units.get(module.name) === CORE_DEPLOYABLE ? 'core' : 'service';
    return {
      name: module.name,
      schema: schemaName(module.name),
      description: module.description ?? '',
      responsibility: responsibilityOf(module, entities, facts),
      owner: module.owner ?? null,
      platform: module.platform,
      entities,
      interfaces: interfacesOf(facts),
      dependsOn: dependenciesOf(spec, module, facts.entities),
      dependents: [],
      splitNeeds,
      deployment,
      failureImpact: failureImpactOf(facts, deployment),
    };
  });
  for (const module of modules) {
    module.dependents = modules.filter((m) => m.dependsOn.includes(module.name)).map((m) => m.name).sort(compareNames);
  }
  return modules.sort((a, b) => compareNames(a.name, b.name));
}

/** The shape when the shape pass has not decided: the catalogue rule without the serverless branch. */
function fallbackShape(spec: NormalizedSpec, teams: number): string {
  if (spec.modules.length < 2) return 'modular-monolith';
  const withNeed = [...moduleSplitNeeds(spec, teams).values()].filter((needs) => needs.length > 0).length;
  if (withNeed === 0) return 'modular-monolith';
  return withNeed === spec.modules.length ? 'microservices' : 'hybrid';
}

export const modulesPass = definePass({
  id: 'modules',
  title: 'Module boundaries',
  run: (ctx, model): ArchitectureModel => {
    const teams = teamsOf(model);
    const shape = choiceOr(model, 'shape', fallbackShape(ctx.spec, teams));
    return { ...model, modules: buildModules(ctx.spec, shape, teams) };
  },
});
