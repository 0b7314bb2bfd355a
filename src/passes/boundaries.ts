// Service boundaries: which modules have a split need (the shape rule's input) and which deployable each module
// lands in for a given shape choice (read by internal-comm, consistency and the derived passes).
import type { NormalizedSpec } from '../spec/normalized.js';
import { compareNames } from '../spec/normalize.js';
import { thresholds } from './thresholds.js';

export type SplitNeed = 'independent_scaling' | 'independent_deploys' | 'fault_isolation' | 'ownership';

const needFlags = ['independent_scaling', 'independent_deploys', 'fault_isolation'] as const;

/** Distinct module owners, sorted. */
export function distinctOwners(spec: NormalizedSpec): string[] {
  return [...new Set(spec.modules.flatMap((m) => (m.owner === undefined ? [] : [m.owner])))].sort(compareNames);
}

/** The ownership clause: enough teams and enough distinct owners make every owned module a split candidate. */
export function ownershipClauseHolds(spec: NormalizedSpec, teams: number): boolean {
  return teams >= thresholds.ownershipMinTeams && distinctOwners(spec).length >= thresholds.ownershipMinOwners;
}

/** Split needs per module (module name → needs, empty when none), for a given team count. */
export function moduleSplitNeeds(spec: NormalizedSpec, teams: number): Map<string, SplitNeed[]> {
  const ownership = ownershipClauseHolds(spec, teams);
  return new Map(spec.modules.map((m) => [m.name, [
    ...needFlags.filter((flag) => m.needs[flag]),
    ...(ownership && m.owner !== undefined ? ['ownership' as const] : []),
  ]]));
}

export const CORE_DEPLOYABLE = 'core';

/**
 * The deployable of each module under a shape choice: one core for modular-monolith and serverless (modules are
 * libraries of one codebase), one per module for microservices, and for hybrid a core plus one per module with a need.
 */
export function deployables(
  spec: NormalizedSpec, shape: string, needs: ReadonlyMap<string, readonly SplitNeed[]>,
): Map<string, string> {
  return new Map(spec.modules.map((m) => {
    if (shape === 'microservices') return [m.name, m.name];
    if (shape === 'hybrid' && (needs.get(m.name)?.length ?? 0) > 0) return [m.name, m.name];
    return [m.name, CORE_DEPLOYABLE];
  }));
}

/** Number of distinct deployables. */
export function deployableCount(units: ReadonlyMap<string, string>): number {
  return new Set(units.values()).size;
}

/** The deployable of each module under the shape already decided in the model (pins included). */
export function modelDeployables(spec: NormalizedSpec, shape: string | null, teams: number): Map<string, string> {
  return deployables(spec, shape ?? 'modular-monolith', moduleSplitNeeds(spec, teams));
}
