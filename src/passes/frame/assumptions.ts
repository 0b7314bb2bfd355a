// Labelled assumptions for every input a later pass needs and the spec lacks; each id is the spec path it stands for.
import type { NormalizedSpec } from '../../spec/normalized.js';
import { compareNames } from '../../spec/normalize.js';
import type { Assumption } from '../../model/types.js';
import { distinctOwners } from '../boundaries.js';
import { formatNumber } from '../decision.js';
import { assumedDefaults, thresholds } from '../thresholds.js';

/** The peak rate assumed from monthly users (see assumedDefaults.usersPerPeakRps). */
export function peakRpsFromUsers(users: number): number {
  return Math.max(assumedDefaults.minimumPeakRps, users / assumedDefaults.usersPerPeakRps);
}

function trafficAssumptions(spec: NormalizedSpec): Assumption[] {
  const out: Assumption[] = [];
  const t = spec.traffic;
  if (t.peak_rps === undefined) {
    out.push(t.users !== undefined
      ? {
        id: 'traffic.peak_rps', field: 'peak external requests per second', value: peakRpsFromUsers(t.users),
        basis: `traffic.users ${formatNumber(t.users)} / ${formatNumber(assumedDefaults.usersPerPeakRps)} (at least ${assumedDefaults.minimumPeakRps}): 20% of monthly users active daily, 100 requests each a day, peak four times the daily average`,
        ifWrong: 'every rate projection scales with it: the cache, read-replica and write-ceiling thresholds move in proportion',
      }
      : {
        id: 'traffic.peak_rps', field: 'peak external requests per second', value: assumedDefaults.peakRpsWithoutUsers,
        basis: 'neither traffic.peak_rps nor traffic.users is stated: sized as a small internal system',
        ifWrong: 'every rate projection scales with it: the cache, read-replica and write-ceiling thresholds move in proportion',
      });
  }
  if (t.read_ratio === undefined) {
    out.push({
      id: 'traffic.read_ratio', field: 'share of requests that only read', value: assumedDefaults.readRatio,
      basis: 'typical web and mobile traffic: four reads per write',
      ifWrong: 'a higher share moves the cache decision closer to redis; a lower one raises the projected write rate',
    });
  }
  if (t.growth_per_year === undefined) {
    out.push({
      id: 'traffic.growth_per_year', field: 'traffic multiplier per year', value: assumedDefaults.growthPerYear,
      basis: 'flat: decisions rest on the stated load only, so no capacity is bought ahead of unstated growth',
      ifWrong: 'growth g multiplies the horizon load by g^horizon_years; every rate threshold is reached that much sooner',
    });
  }
  if (t.horizon_years === undefined) {
    out.push({
      id: 'traffic.horizon_years', field: 'capacity planning horizon in years', value: assumedDefaults.horizonYears,
      basis: 'the usual planning horizon for an architecture proposal',
      ifWrong: 'a longer horizon compounds growth and row counts further; numeric decisions compare values at its end',
    });
  }
  return out;
}

function targetAssumptions(spec: NormalizedSpec): Assumption[] {
  const out: Assumption[] = [];
  if (spec.targets.availability === undefined) {
    out.push({
      id: 'targets.availability', field: 'monthly availability target (percent)', value: assumedDefaults.availability,
      basis: 'no target stated: a single-zone business system restored from backups',
      ifWrong: `at ${thresholds.multiZoneAvailability}% the deployment needs a second zone, at ${thresholds.multiRegionAvailability}% a second region`,
    });
  }
  if (spec.targets.rpo_minutes === undefined) {
    out.push({
      id: 'targets.rpo_minutes', field: 'recovery point objective (minutes)', value: assumedDefaults.rpoMinutes,
      basis: 'point-in-time recovery from continuously archived write-ahead log',
      ifWrong: `an RPO below ${thresholds.multiZoneBelowRpoMinutes} minutes needs a synchronous standby in a second zone`,
    });
  }
  if (spec.targets.rto_minutes === undefined) {
    out.push({
      id: 'targets.rto_minutes', field: 'recovery time objective (minutes)', value: assumedDefaults.rtoMinutes,
      basis: 'restore from backup into a fresh instance, with time to verify the data',
      ifWrong: `an RTO below ${thresholds.multiZoneBelowRtoMinutes} minutes needs a warm standby in a second zone`,
    });
  }
  return out;
}

function teamAssumptions(spec: NormalizedSpec): Assumption[] {
  const out: Assumption[] = [];
  const owners = distinctOwners(spec).length;
  const teams = spec.team.teams ?? Math.max(1, owners);
  if (spec.team.teams === undefined) {
    out.push({
      id: 'team.teams', field: 'number of teams', value: teams,
      basis: owners > 0 ? `one team per distinct module owner (${owners})` : 'no module owners are set: one team',
      ifWrong: `with ${thresholds.ownershipMinTeams} or more teams and as many distinct owners, ownership alone becomes a split need`,
    });
  }
  if (spec.team.engineers === undefined) {
    out.push({
      id: 'team.engineers', field: 'number of engineers', value: teams * assumedDefaults.engineersPerTeam,
      basis: `${assumedDefaults.engineersPerTeam} engineers per team × ${teams} team(s)`,
      ifWrong: `with ${thresholds.serverlessMaxEngineers} or fewer engineers and spiky traffic, serverless becomes the shape`,
    });
  }
  return out;
}

function tenancyAssumptions(spec: NormalizedSpec): Assumption[] {
  if (spec.tenancy.model !== 'multi' || spec.tenancy.tenants !== undefined) return [];
  return [{
    id: 'tenancy.tenants', field: 'tenants at the horizon', value: assumedDefaults.tenants,
    basis: 'multi-tenant with no stated tenant count: an early B2B customer base',
    ifWrong: `database-per-tenant stops being operable at ${thresholds.databasePerTenantLimit} tenants and schema-per-tenant at ${thresholds.schemaPerTenantLimit}`,
  }];
}

function volumeAssumptions(spec: NormalizedSpec): Assumption[] {
  const out: Assumption[] = [];
  for (const entity of spec.entities) {
    if (entity.volume?.rows === undefined) {
      out.push({
        id: `entities.${entity.name}.volume.rows`, field: `${entity.name} rows today`, value: assumedDefaults.entityRows,
        basis: 'no volume stated: sized as a small reference table',
        ifWrong: 'storage, partitioning and search-engine projections for this entity scale with it',
      });
    }
    if (entity.volume?.rows_per_day === undefined) {
      out.push({
        id: `entities.${entity.name}.volume.rows_per_day`, field: `${entity.name} new rows per day`, value: assumedDefaults.entityRowsPerDay,
        basis: 'no insert rate stated: sized as a slowly growing table',
        ifWrong: 'rows at the horizon grow by 365 × horizon_years × this rate (capped by retention)',
      });
    }
  }
  return out;
}

function flowRateAssumptions(spec: NormalizedSpec, peakRps: number): Assumption[] {
  // Only ordered flows need a rate: the messaging rule compares it with the ordered event-log threshold.
  return spec.flows.filter((f) => f.ordered && f.rate_per_sec === undefined).map((f) => ({
    id: `flows.${f.name}.rate_per_sec`, field: `${f.name} messages per second`, value: peakRps,
    basis: 'an ordered flow with no stated rate: bounded by the system peak (every peak request could trigger it)',
    ifWrong: `the messaging rule moves ordered flows to an event log from ${formatNumber(thresholds.orderedEventLogRate)} messages/s at the horizon`,
  }));
}

export function frameAssumptions(spec: NormalizedSpec): Assumption[] {
  const traffic = trafficAssumptions(spec);
  const peak = spec.traffic.peak_rps ?? (traffic.find((a) => a.id === 'traffic.peak_rps')!.value as number);
  return [
    ...traffic, ...targetAssumptions(spec), ...teamAssumptions(spec), ...tenancyAssumptions(spec),
    ...volumeAssumptions(spec), ...flowRateAssumptions(spec, peak),
  ].sort((a, b) => compareNames(a.id, b.id));
}
