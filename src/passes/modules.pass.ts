// Module boundaries (rulebook step 3): responsibility, owned data, public interfaces, dependencies, deployment
// unit and failure impact of every module, derived from the spec and the `shape` decision.
import type { ArchitectureModel, ModuleModel } from '../model/types.js';
import { camelCase, operationId, schemaName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedFlow, NormalizedModule, NormalizedSpec } from '../spec/normalized.js';
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

/** Declared dependencies plus those implied by a `ref` to another module's entity. */
function dependenciesOf(spec: NormalizedSpec, module: NormalizedModule): string[] {
  const owners = entityModuleIndex(spec);
  const implied = spec.entities
    .filter((e) => e.module === module.name)
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

/** Flows that run in a module (it owns them, see flowOwner). */
function ownedFlows(spec: NormalizedSpec, module: string): NormalizedFlow[] {
  return spec.flows.filter((flow) => flowOwner(spec, flow) === module);
}

function responsibilityOf(spec: NormalizedSpec, module: NormalizedModule, entities: string[]): string {
  const sentences: string[] = [];
  if (module.description !== undefined && module.description.trim() !== '') sentences.push(`${stripPeriod(module.description)}.`);
  sentences.push(entities.length > 0
    ? `Source of truth for ${listText(entities)}.`
    : 'Owns no persistent entity.');
  const runs = ownedFlows(spec, module.name).map((f) => f.name);
  if (runs.length > 0) sentences.push(`Runs ${runs.length === 1 ? 'the flow' : 'the flows'} ${listText(runs)}.`);
  const reacts = spec.flows.filter((f) => f.consumers.includes(module.name)).map((f) => f.name);
  if (reacts.length > 0) sentences.push(`Reacts to ${listText(reacts)}.`);
  const calls = [...new Set(ownedFlows(spec, module.name).flatMap((f) => f.calls))].sort(compareNames);
  if (calls.length > 0) sentences.push(`Calls ${listText(calls)}.`);
  return sentences.join(' ');
}

/** Entity API operation ids and the synchronous flows the module runs; events are added by the events pass. */
function interfacesOf(spec: NormalizedSpec, module: string): string[] {
  const operations = spec.entities
    .filter((e) => e.module === module)
    .flatMap((e) => e.api.map((op) => operationId(op, e.name)));
  const flows = ownedFlows(spec, module)
    .filter((f) => SYNC_KINDS.has(f.kind))
    .map((f) => `${camelCase(f.name)} (${f.kind} flow)`);
  return [...operations, ...flows].sort(compareNames);
}

function failureImpactOf(spec: NormalizedSpec, module: string, deployment: ModuleModel['deployment']): string {
  const touching = spec.flows.filter((f) => touchedModules(spec, f).includes(module) || flowOwner(spec, f) === module);
  const failing = touching.filter((f) => SYNC_KINDS.has(f.kind)).map((f) => f.name);
  const delayed = touching.filter((f) => !SYNC_KINDS.has(f.kind)).map((f) => f.name);
  const touchingSet = new Set(touching);
  const reacting = spec.flows.filter((f) => f.consumers.includes(module) && !touchingSet.has(f)).map((f) => f.name);
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
  const modules = spec.modules.map((module): ModuleModel => {
    const entities = spec.entities.filter((e) => e.module === module.name).map((e) => e.name).sort(compareNames);
    const splitNeeds = [...(needs.get(module.name) ?? ([] as SplitNeed[]))].sort(compareNames);
    const deployment: ModuleModel['deployment'] = units.get(module.name) === CORE_DEPLOYABLE ? 'core' : 'service';
    return {
      name: module.name,
      schema: schemaName(module.name),
      description: module.description ?? '',
      responsibility: responsibilityOf(spec, module, entities),
      owner: module.owner ?? null,
      platform: module.platform,
      entities,
      interfaces: interfacesOf(spec, module.name),
      dependsOn: dependenciesOf(spec, module),
      dependents: [],
      splitNeeds,
      deployment,
      failureImpact: failureImpactOf(spec, module.name, deployment),
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
