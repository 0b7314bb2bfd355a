// Choose the architecture shape: a modular monolith unless modules state split needs (or a small team runs spiky load).
import type { NormalizedSpec } from '../spec/normalized.js';
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { decide, firstTippingPoint, listProse, type Consequences } from './decision.js';
import { distinctOwners, moduleSplitNeeds, ownershipClauseHolds, type SplitNeed } from './boundaries.js';
import { requiredNumber } from './projection.js';
import { assumedDefaults, thresholds } from './thresholds.js';

export const shapeRules = {
  serverless: 'shape/serverless-spiky-small-team',
  singleModule: 'shape/single-module',
  noSplitNeed: 'shape/no-split-need',
  ownershipSplit: 'shape/ownership-split',
  someModulesSplit: 'shape/some-modules-split',
  everyModuleSplits: 'shape/every-module-splits',
} as const;

const consequences: Record<string, Consequences> = {
  'modular-monolith': {
    cost: 'One deployable and one database: the smallest infrastructure bill; the whole application scales out as identical instances.',
    operations: 'One pipeline, one runtime to monitor and page on; module boundaries are enforced in code (package visibility, one schema per module), not by the network.',
  },
  microservices: {
    cost: 'A runtime, pipeline and data owner per service plus service discovery, distributed tracing and a gateway: infrastructure and platform work grow with the service count.',
    operations: 'Every service needs its own deploys, dashboards, alerts and on-call; cross-service changes need versioned contracts, and partial failures make timeouts, retries and idempotency mandatory.',
  },
  serverless: {
    cost: 'Pay per invocation: near zero when idle and proportional during bursts; at a steady high rate per-request pricing costs more than always-on instances.',
    operations: 'No servers to patch or scale; cold starts, execution time limits and connection pooling in front of PostgreSQL must be managed.',
  },
  hybrid: {
    cost: 'The core plus one runtime per extracted service: cost grows only with the modules that need splitting.',
    operations: 'Two operating models: the core deploys as a monolith, each extracted service needs its own pipeline, alerts and a versioned contract with the core.',
  },
};

interface ShapeFacts {
  modules: number;
  /** Modules with at least one split need. */
  needy: number;
  spiky: boolean;
  engineers: number;
  realtimeFlows: string[];
}

export function shapeRule(f: ShapeFacts): string {
  if (f.spiky && f.engineers <= thresholds.serverlessMaxEngineers && f.realtimeFlows.length === 0 && f.needy === 0) return 'serverless';
  if (f.needy === 0 || f.modules === 1) return 'modular-monolith';
  return f.needy === f.modules ? 'microservices' : 'hybrid';
}

function needList(needs: ReadonlyMap<string, readonly SplitNeed[]>): string[] {
  return [...needs].filter(([, n]) => n.length > 0).map(([m, n]) => `${m} (${n.join(', ')})`);
}

function serverlessBlockers(f: ShapeFacts): string[] {
  return [
    ...(f.spiky ? [] : ['traffic.spiky is false (no bursts for per-invocation pricing to absorb)']),
    ...(f.engineers > thresholds.serverlessMaxEngineers ? [`team.engineers is ${f.engineers} (more than ${thresholds.serverlessMaxEngineers}, enough to run servers)`] : []),
    ...(f.realtimeFlows.length > 0 ? [`realtime flow${f.realtimeFlows.length === 1 ? '' : 's'} ${listProse(f.realtimeFlows)} hold${f.realtimeFlows.length === 1 ? 's' : ''} long-lived connections that functions cannot`] : []),
    ...(f.needy > 0 ? ['modules state split needs that functions sharing one codebase do not meet'] : []),
  ];
}

function rationaleFor(choice: string, f: ShapeFacts, needs: ReadonlyMap<string, readonly SplitNeed[]>, teams: number, owners: number): string {
  const split = needList(needs);
  switch (choice) {
    case 'serverless':
      return `Use serverless because traffic.spiky is true, team.engineers is ${f.engineers} (at most ${thresholds.serverlessMaxEngineers}), no flow is realtime and no module states a split need: functions absorb the bursts and remove server operations a team this small cannot staff.`;
    case 'modular-monolith': {
      const why = f.modules === 1
        ? 'the spec has a single module, so there is no boundary to split along'
        : `none of the ${f.modules} modules states a split need (independent_scaling, independent_deploys, fault_isolation) and ownership does not force one (team.teams ${teams}, ${owners} distinct owners; the clause needs ${thresholds.ownershipMinTeams} of each)`;
      const notServerless = f.spiky ? ` Serverless is ruled out: ${serverlessBlockers(f).join('; ')}.` : '';
      return `Use a modular monolith first because ${why}: one deployable keeps transactions local and the domain free to evolve.${notServerless}`;
    }
    case 'hybrid':
      return `Run a core modular monolith and extract only ${listProse(split)} because only these modules state split needs; the other ${f.modules - f.needy} module(s) stay in the core, where their transactions remain local.`;
    default:
      return `Deploy each module as its own service because every module states a split need: ${listProse(split)}.`;
  }
}

function rejectionsFor(rule: string, f: ShapeFacts, needs: ReadonlyMap<string, readonly SplitNeed[]>): Record<string, string> {
  const split = needList(needs);
  const blockers = serverlessBlockers(f);
  return {
    'modular-monolith': f.needy > 0 && f.modules > 1
      ? `${listProse(split)} state split needs that one deployable cannot meet.`
      : 'Serverless fits better: the load is spiky and the team too small to run servers.',
    microservices: f.needy === 0 || f.modules === 1
      ? 'No module states a split need: separate services would add network calls, partial failures and per-service operations without a driver.'
      : `Only ${f.needy} of ${f.modules} modules state split needs; splitting the rest adds services without a driver.`,
    serverless: blockers.length > 0 ? `Serverless is ruled out: ${blockers.join('; ')}.` : `Chosen by ${rule}.`,
    hybrid: f.needy === 0 || f.modules === 1
      ? 'No module states a split need, so there is nothing to extract from the core.'
      : 'Every module states a split need, so no core would remain.',
  };
}

function realtimeFlows(spec: NormalizedSpec): string[] {
  return spec.flows.filter((f) => f.kind === 'realtime').map((f) => f.name);
}

function decideShape(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const teams = requiredNumber(spec, model, 'team.teams');
  const engineers = requiredNumber(spec, model, 'team.engineers');
  const owners = distinctOwners(spec).length;
  const factsAt = (teamCount: number, engineerCount: number): ShapeFacts => ({
    modules: spec.modules.length,
    needy: [...moduleSplitNeeds(spec, teamCount).values()].filter((n) => n.length > 0).length,
    spiky: spec.traffic.spiky,
    engineers: engineerCount,
    realtimeFlows: realtimeFlows(spec),
  });
  const facts = factsAt(teams, engineers);
  const needs = moduleSplitNeeds(spec, teams);
  const choice = shapeRule(facts);
  const ownership = ownershipClauseHolds(spec, teams);
  const rule = choice === 'serverless' ? shapeRules.serverless
    : choice === 'modular-monolith' ? (facts.modules === 1 ? shapeRules.singleModule : shapeRules.noSplitNeed)
      : ownership ? shapeRules.ownershipSplit
        : choice === 'hybrid' ? shapeRules.someModulesSplit : shapeRules.everyModuleSplits;

  const uses = [
    ...spec.modules.flatMap((m) => (['independent_scaling', 'independent_deploys', 'fault_isolation'] as const)
      .filter((flag) => m.needs[flag]).map((flag) => `modules.${m.name}.needs.${flag}`)),
    ...(owners >= thresholds.ownershipMinOwners ? ['team.teams', ...spec.modules.filter((m) => m.owner !== undefined).map((m) => `modules.${m.name}.owner`)] : []),
    'traffic.spiky',
    ...(spec.traffic.spiky ? ['team.engineers', ...facts.realtimeFlows.map((f) => `flows.${f}.kind`)] : []),
  ];
  const tippingPoint = firstTippingPoint([
    {
      input: 'team.engineers', value: engineers, integer: true, min: 1,
      breakpoints: [thresholds.serverlessMaxEngineers + 1], decideAt: (x) => shapeRule(factsAt(teams, x)),
    },
    {
      input: 'team.teams', value: teams, integer: true, min: 1,
      // An assumed engineer count follows the team count (engineersPerTeam × teams); a written one stays fixed.
      breakpoints: [thresholds.ownershipMinTeams],
      decideAt: (x) => shapeRule(factsAt(x, spec.team.engineers ?? x * assumedDefaults.engineersPerTeam)),
    },
  ]);
  return decide(ctx, model, {
    id: 'shape', choice, rule,
    rationale: rationaleFor(choice, facts, needs, teams, owners),
    rejected: rejectionsFor(rule, facts, needs),
    uses, tippingPoint, consequences,
    contradicts: {
      ...(facts.realtimeFlows.length > 0 ? { serverless: `realtime flow ${facts.realtimeFlows.join(', ')} needs long-lived connections` } : {}),
      ...(facts.modules === 1
        ? { microservices: 'the spec has a single module', hybrid: 'the spec has a single module' }
        : facts.needy === 0 ? { hybrid: 'no module states a split need, so every module stays in the core' } : {}),
    },
  });
}

export const shapePass = definePass({
  id: 'shape',
  title: 'Choose the architecture shape',
  run: decideShape,
});
