// A decision pass: pure metadata plus a pure `run` (spec + model in, model out). No I/O, clock or randomness.
import type { SpecLocator } from '../load/locator.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import type { ArchitectureModel } from '../model/types.js';

export interface PassContext {
  readonly spec: NormalizedSpec;
  /** Cites spec lines for decision inputs; `noPositions` for in-memory specs. */
  readonly locate: SpecLocator;
}

export interface Pass {
  /** Stable kebab id, e.g. "shape". */
  readonly id: string;
  readonly title: string;
  run(ctx: PassContext, model: ArchitectureModel): ArchitectureModel;
}

export function definePass(pass: Pass): Pass {
  return pass;
}

/** The model before any pass ran: every collection empty. */
export function emptyModel(spec: NormalizedSpec): ArchitectureModel {
  return {
    archc: 1,
    spec,
    decisions: [],
    assumptions: [],
    challenges: [],
    capacity: { horizonYears: 0, growthPerYear: 1, years: [], entities: [], thresholds: [] },
    modules: [],
    tables: [],
    events: [],
    flows: [],
    integrations: [],
    api: { style: 'none', version: 'v1', basePath: '/v1', consumers: [], identity: [], resources: [] },
    security: {
      authn: [], authz: { model: '', roles: [], detail: '' }, secrets: '', encryptionInTransit: '', encryptionAtRest: '',
      rateLimits: [], audit: { table: null, entities: [], privilegedOperations: [], detail: '' }, dbRoles: [],
      tenantIsolation: null, internalServiceAuth: null, sensitiveFields: [], compliance: [], residency: [],
    },
    reliability: {
      slo: { availability: 0, errorBudgetMinutesPerMonth: 0, latencyP99Ms: null },
      failureModes: [], budgets: [],
      backup: { method: '', frequency: '', rpoMinutes: 0, rtoMinutes: 0, restoreTest: '' },
      disasterRecovery: '',
      telemetry: { logs: '', metrics: [], traces: [], alerts: [] },
    },
    performance: { hotPaths: [], caching: [], amplification: [], bottlenecks: [], horizontalScaling: '', batchVsRealtime: '' },
    delivery: { phases: [], risks: [], validation: [], rollout: [], rollback: [], migrationSteps: [] },
  };
}
