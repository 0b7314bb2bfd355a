// Deployment: zones and regions from availability, recovery objectives and data residency.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { choiceOf, decide, firstTippingPoint, formatNumber, listProse, withChallenge, type Consequences } from './decision.js';
import { requiredNumber } from './projection.js';
import { thresholds } from './thresholds.js';

export const deploymentRules = {
  singleZone: 'deployment/single-zone-default',
  availability: 'deployment/availability',
  recoveryObjectives: 'deployment/recovery-objectives',
  residencyRegions: 'deployment/residency-regions',
  multiRegionRto: 'deployment/multi-region-rto',
} as const;

const postures = ['single-zone', 'multi-zone', 'multi-region-active-passive', 'multi-region-active-active'] as const;

const consequences: Record<string, Consequences> = {
  'single-zone': {
    cost: 'One zone: the smallest compute bill and no cross-zone traffic charges.',
    operations: 'A zone outage means restoring from backups within the RTO: backups are copied to another zone and restores rehearsed.',
  },
  'multi-zone': {
    cost: 'A standby database and spare application capacity in a second zone (about twice the database cost) plus cross-zone traffic.',
    operations: 'Automatic database failover between zones and health-checked load balancing across them; failover is rehearsed on a schedule.',
  },
  'multi-region-active-passive': {
    cost: 'A warm standby region: a replica database and scaled-down application capacity, plus cross-region replication traffic.',
    operations: 'Replication lag to watch, a failover runbook (promote the replica, move DNS) rehearsed regularly, and residency rules applied per region.',
  },
  'multi-region-active-active': {
    cost: 'Full serving capacity in every region plus cross-region replication: the most expensive posture.',
    operations: 'Writes partitioned by home region or reconciled on conflict, global traffic routing, and every schema change rolled out region by region.',
  },
};

/** Multi-region consequences name the residency regions the second region must respect. */
function withRegions(residency: readonly string[]): Record<string, Consequences> {
  if (residency.length === 0) return consequences;
  const where = `Regions are chosen inside ${listProse(residency)} (data.residency).`;
  return {
    ...consequences,
    'multi-region-active-passive': { ...consequences['multi-region-active-passive']!, operations: `${consequences['multi-region-active-passive']!.operations} ${where}` },
    'multi-region-active-active': { ...consequences['multi-region-active-active']!, operations: `${consequences['multi-region-active-active']!.operations} ${where}` },
  };
}

interface DeploymentFacts {
  availability: number;
  rpo: number;
  rto: number;
  residencies: number;
}

interface Level {
  level: number;
  rule: string;
}

function availabilityLevel(a: number): number {
  if (a >= thresholds.activeActiveAvailability) return 3;
  if (a >= thresholds.multiRegionAvailability) return 2;
  return a >= thresholds.multiZoneAvailability ? 1 : 0;
}

/** The strongest posture any driver requires, and the rule of the first driver requiring it. */
export function deploymentRule(f: DeploymentFacts): { choice: string; rule: string } {
  const drivers: Level[] = [
    { level: availabilityLevel(f.availability), rule: deploymentRules.availability },
    { level: f.residencies >= thresholds.multiRegionResidencies ? 2 : 0, rule: deploymentRules.residencyRegions },
    { level: f.rto < thresholds.multiZoneBelowRtoMinutes || f.rpo < thresholds.multiZoneBelowRpoMinutes ? 1 : 0, rule: deploymentRules.recoveryObjectives },
  ];
  let best = drivers.reduce((a, b) => (b.level > a.level ? b : a));
  if (best.level >= 2 && best.level < 3 && f.rto < thresholds.activeActiveBelowRtoMinutes) best = { level: 3, rule: deploymentRules.multiRegionRto };
  if (best.level === 0) best = { level: 0, rule: deploymentRules.singleZone };
  return { choice: postures[best.level]!, rule: best.rule };
}

/** Downtime minutes a month (30 days) an availability target leaves. */
export function downtimeBudgetMinutes(availability: number): number {
  return 30 * 24 * 60 * (1 - availability / 100);
}

function decideDeployment(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const facts: DeploymentFacts = {
    availability: requiredNumber(spec, model, 'targets.availability'),
    rpo: requiredNumber(spec, model, 'targets.rpo_minutes'),
    rto: requiredNumber(spec, model, 'targets.rto_minutes'),
    residencies: spec.data.residency.length,
  };
  const { choice, rule } = deploymentRule(facts);
  const level = postures.indexOf(choice as (typeof postures)[number]);
  const budget = formatNumber(downtimeBudgetMinutes(facts.availability));
  const residency = spec.data.residency;
  const targetsProse = `availability ${facts.availability}% (${budget} minutes of downtime a month), RPO ${facts.rpo} and RTO ${facts.rto} minutes, ${residency.length === 0 ? 'no residency constraint' : `residency ${listProse(residency)}`}`;
  const why: Record<string, string> = {
    [deploymentRules.singleZone]: `no target needs a second zone (a second zone from availability ${thresholds.multiZoneAvailability}%, an RTO below ${thresholds.multiZoneBelowRtoMinutes} or an RPO below ${thresholds.multiZoneBelowRpoMinutes} minutes)`,
    [deploymentRules.availability]: level === 1
      ? `availability ${facts.availability}% is at least ${thresholds.multiZoneAvailability}%: one zone outage plus a restore would exceed the ${budget}-minute monthly budget`
      : level === 2
        ? `availability ${facts.availability}% is at least ${thresholds.multiRegionAvailability}%: a regional outage would exceed the ${budget}-minute monthly budget`
        : `availability ${facts.availability}% is at least ${thresholds.activeActiveAvailability}%: promoting a passive region takes longer than the ${budget}-minute monthly budget`,
    [deploymentRules.residencyRegions]: `data must stay in ${residency.length} residency regions (${listProse(residency)}): each region runs the system for the data that must stay in it`,
    [deploymentRules.recoveryObjectives]: `RTO ${facts.rto} or RPO ${facts.rpo} minutes cannot be met by restoring backups (RTO below ${thresholds.multiZoneBelowRtoMinutes} or RPO below ${thresholds.multiZoneBelowRpoMinutes} minutes needs a standby in a second zone)`,
    [deploymentRules.multiRegionRto]: `the system spans regions and RTO ${facts.rto} minutes is below the ${thresholds.activeActiveBelowRtoMinutes} minutes a passive region takes to promote`,
  };
  const rationale = `Deploy ${choice} because ${why[rule]}. Inputs: ${targetsProse}.`;
  const rejected = Object.fromEntries(postures.filter((p) => p !== choice).map((p) => {
    const l = postures.indexOf(p);
    return [p, l < level
      ? `Below what the targets need: ${why[rule]}.`
      : `More than the targets need (${targetsProse}): ${p} adds ${l - level} step(s) of standby capacity and failover operations without a driver.`];
  }));
  let next = decide(ctx, model, {
    id: 'deployment', choice, rule, rationale, rejected,
    uses: ['targets.availability', 'targets.rpo_minutes', 'targets.rto_minutes', ...(residency.length > 0 ? ['data.residency'] : [])],
    tippingPoint: firstTippingPoint([
      {
        input: 'targets.availability', value: facts.availability, integer: false, min: 90,
        breakpoints: [thresholds.multiZoneAvailability, thresholds.multiRegionAvailability, thresholds.activeActiveAvailability],
        decideAt: (a) => deploymentRule({ ...facts, availability: a }).choice,
      },
      {
        input: 'targets.rto_minutes', value: facts.rto, integer: true, min: 0,
        breakpoints: [thresholds.activeActiveBelowRtoMinutes, thresholds.multiZoneBelowRtoMinutes],
        decideAt: (r) => deploymentRule({ ...facts, rto: r }).choice,
      },
      {
        input: 'targets.rpo_minutes', value: facts.rpo, integer: true, min: 0,
        breakpoints: [thresholds.multiZoneBelowRpoMinutes],
        decideAt: (r) => deploymentRule({ ...facts, rpo: r }).choice,
      },
    ]),
    consequences: withRegions(residency),
    contradicts: {
      ...(residency.length >= thresholds.multiRegionResidencies
        ? { 'single-zone': `data must stay in ${listProse(residency)}, which one zone cannot serve`, 'multi-zone': `data must stay in ${listProse(residency)}, which one region cannot serve` }
        : {}),
    },
  });
  const final = choiceOf(next, 'deployment')!;
  const singleRegion = final === 'single-zone' || final === 'multi-zone';
  if (facts.availability >= thresholds.singleRegionChallengeAvailability && singleRegion) {
    next = withChallenge(next, 'ARC0406', { availability: facts.availability, budget, deployment: final }, 'targets.availability');
  }
  if (!singleRegion && residency.length === 1) {
    next = withChallenge(next, 'ARC0407', { deployment: final, region: residency[0]! }, 'data.residency');
  }
  return next;
}

export const deploymentPass = definePass({
  id: 'deployment',
  title: 'Choose the deployment posture',
  run: decideDeployment,
});
