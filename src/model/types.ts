// The intermediate architecture model: the only thing emitters read. Built by the passes in src/passes/.
import type { NormalizedSpec } from '../spec/normalized.js';

/** A spec path with the position of its value in system.yaml (absent for defaults). */
export interface SpecInput {
  path: string;
  line?: number;
  column?: number;
}

export interface Alternative {
  choice: string;
  reason: string;
}

export interface TippingPoint {
  /** Spec path of the numeric input that drove the choice. */
  input: string;
  /** The input as written (or as assumed). */
  value: number;
  /** Smallest value of that input, all else fixed, at which the choice flips (>=). */
  threshold: number;
  flipsTo: string;
}

/** One catalogue decision, exactly as the contract's model.json section shows. */
export interface Decision {
  id: string;
  choice: string;
  rule: string;
  rationale: string;
  alternatives: Alternative[];
  inputs: SpecInput[];
  assumptions: string[];
  tippingPoint: TippingPoint | null;
  pinned: { reason: string } | null;
  consequences: { cost: string; operations: string };
}

/** A bounded, labelled assumption for an input the spec lacks. Its id is the spec path it stands for. */
export interface Assumption {
  id: string;
  field: string;
  value: string | number | boolean | null;
  basis: string;
  ifWrong: string;
}

/** A weak constraint challenged early (also reported as a warning diagnostic). */
export interface Challenge {
  code: string;
  message: string;
  path: string;
}

export interface CapacityYear {
  year: number;
  peakRps: number;
  readRps: number;
  writeRps: number;
  storageBytes: number;
}

export interface EntityCapacity {
  entity: string;
  bytesPerRow: number;
  rowsNow: number;
  rowsAtHorizon: number;
  /** Rows at the end of each year 0..horizon (index = year). */
  rowsPerYear: number[];
  storageBytesAtHorizon: number;
}

export interface CapacityThreshold {
  id: string;
  label: string;
  metric: 'rps' | 'storageBytes' | 'rows';
  value: number;
  /** First year (0 = today) the projection crosses it, or null. */
  crossedInYear: number | null;
  consequence: string;
}

export interface CapacityModel {
  horizonYears: number;
  growthPerYear: number;
  years: CapacityYear[];
  entities: EntityCapacity[];
  thresholds: CapacityThreshold[];
}

export interface ModuleModel {
  name: string;
  /** DDL schema: the name with '_' for '-'. */
  schema: string;
  description: string;
  responsibility: string;
  owner: string | null;
  platform: boolean;
  entities: string[];
  /** Public interface operations, e.g. "createAppointment", "appointment.booked (event)". */
  interfaces: string[];
  dependsOn: string[];
  dependents: string[];
  /** Split needs that apply (independent_scaling, independent_deploys, fault_isolation, ownership). */
  splitNeeds: string[];
  /** core: in the monolith / core deployable; service: deployed on its own. */
  deployment: 'core' | 'service';
  failureImpact: string;
}

export type FieldTypeName =
  | 'uuid' | 'string' | 'text' | 'int' | 'bigint' | 'decimal' | 'money' | 'bool'
  | 'date' | 'timestamp' | 'json' | 'enum' | 'ref' | 'blob';

export type SensitivityLevel = 'public' | 'internal' | 'pii' | 'phi' | 'pci';

export interface ColumnModel {
  /** Column / property name (a ref field `x` becomes `x_id`). */
  name: string;
  /** The spec field name. */
  field: string;
  type: FieldTypeName;
  /** For a ref: the key type of the referenced entity. */
  refKeyType?: FieldTypeName;
  nullable: boolean;
  unique: boolean;
  key: boolean;
  default?: string | number | boolean | null;
  sensitivity: SensitivityLevel;
  enumValues?: string[];
  description?: string;
  /** Added by archc (tenant_id, assumed id), not in the spec. */
  synthetic?: boolean;
  references?: {
    entity: string;
    table: string;
    schema: string;
    column: string;
    onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL';
    /** The reference crosses a separately deployed service boundary: no FK, reference by id. */
    crossesService: boolean;
  };
}

export interface IndexModel {
  name: string;
  columns: string[];
  unique: boolean;
  /** WHERE clause for a partial index, or null. */
  where: string | null;
  /** btree, or gin for full-text. */
  method: 'btree' | 'gin';
  reason: string;
}

export interface TableModel {
  entity: string;
  /** snake_case table name. */
  name: string;
  schema: string;
  module: string;
  description: string;
  columns: ColumnModel[];
  primaryKey: string[];
  indexes: IndexModel[];
  tenantScoped: boolean;
  sensitivity: SensitivityLevel;
  ephemeral: boolean;
  audited: boolean;
  partitioning: { column: string; interval: 'month' | 'day'; reason: string } | null;
  retention: { days: number; then: 'archive' | 'delete'; mechanism: string } | null;
  api: Array<'create' | 'read' | 'list' | 'update' | 'delete'>;
  /** Design notes in derivation order: indexes not created and why, partitioning not applied and why, references without a FK. */
  notes: string[];
}

export interface EventModel {
  /** e.g. "appointment-booked". */
  name: string;
  flow: string;
  producer: string;
  consumers: string[];
  channel: 'queue' | 'event-log';
  delivery: 'at-least-once';
  idempotencyKey: string;
  orderingKey: string | null;
  retry: { attempts: number; initialBackoffMs: number; maxBackoffMs: number; multiplier: number };
  deadLetter: string;
  replayable: boolean;
}

export interface FlowModel {
  name: string;
  kind: 'request' | 'background' | 'realtime' | 'batch' | 'scheduled' | 'ingest';
  description: string;
  actor: string | null;
  actorKind: 'role' | 'module' | 'integration' | 'unknown' | 'none';
  consistency: 'strong' | 'eventual';
  /** The request path waits for the whole flow (true) or hands off to a queue/log (false). */
  synchronous: boolean;
  touches: string[];
  writes: string[];
  calls: string[];
  consumers: string[];
  /** Modules owning the touched entities, sorted. */
  modules: string[];
  /** The module that runs the flow (its actor when that is a module, else the owner of most written entities). */
  owner: string;
  event: string | null;
  schedule: string | null;
  ratePerSecNow: number | null;
  ratePerSecAtHorizon: number | null;
  /** Only when the spec supplied it. */
  latencyP99Ms: number | null;
  timeoutMs: number;
}

export interface IntegrationModel {
  name: string;
  kind: string;
  direction: 'outbound' | 'inbound' | 'both';
  critical: boolean;
  description: string;
  calledBy: string[];
}

export interface RateLimit {
  consumer: string;
  requestsPerMinute: number;
  scope: string;
  basis: string;
}

export interface SecurityModel {
  authn: Array<{ mechanism: string; detail: string }>;
  authz: { model: string; roles: string[]; detail: string };
  secrets: string;
  encryptionInTransit: string;
  encryptionAtRest: string;
  rateLimits: RateLimit[];
  audit: { table: string | null; entities: string[]; privilegedOperations: string[]; detail: string };
  dbRoles: Array<{
    name: string;
    grants: string;
    /** Machine-readable form of `grants` for the DDL's GRANT statements (a table null: every table of the schema). Absent: the DDL creates the role and quotes `grants` as a comment. */
    privileges?: Array<{ schema: string; table: string | null; actions: Array<'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'> }>;
  }>;
  tenantIsolation: string | null;
  internalServiceAuth: string | null;
  sensitiveFields: Array<{ entity: string; field: string; sensitivity: SensitivityLevel }>;
  compliance: string[];
  residency: string[];
}

export interface CallBudget {
  caller: string;
  callee: string;
  timeoutMs: number;
  attempts: number;
  backoffMs: number[];
  circuitBreaker: { failureThreshold: number; windowSeconds: number; openSeconds: number } | null;
}

export interface ReliabilityModel {
  slo: {
    availability: number;
    errorBudgetMinutesPerMonth: number;
    /** Only when the spec supplied it. */
    latencyP99Ms: number | null;
  };
  failureModes: Array<{ component: string; kind: 'integration' | 'store' | 'cache' | 'queue' | 'search' | 'blob' | 'realtime'; failure: string; impact: string; degradation: string }>;
  budgets: CallBudget[];
  backup: { method: string; frequency: string; rpoMinutes: number; rtoMinutes: number; restoreTest: string };
  disasterRecovery: string;
  telemetry: {
    logs: string;
    metrics: string[];
    traces: string[];
    alerts: Array<{ name: string; condition: string; userImpact: string }>;
  };
}

export interface PerformanceModel {
  hotPaths: Array<{ entity: string; access: string; readRpsAtHorizon: number; reason: string }>;
  caching: Array<{ entity: string; key: string; ttlSeconds: number; invalidation: string }>;
  amplification: string[];
  bottlenecks: string[];
  horizontalScaling: string;
  batchVsRealtime: string;
}

export interface ApiOperationModel {
  op: 'create' | 'read' | 'list' | 'update' | 'delete';
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  operationId: string;
}

export interface ApiResourceModel {
  entity: string;
  table: string;
  module: string;
  /** Collection path under the version prefix, e.g. /v1/appointments. */
  collectionPath: string;
  itemPath: string;
  operations: ApiOperationModel[];
}

export interface ApiModel {
  style: 'none' | 'rest' | 'graphql' | 'grpc';
  version: string;
  basePath: string;
  consumers: string[];
  identity: string[];
  resources: ApiResourceModel[];
}

export interface DeliveryModel {
  phases: Array<{ name: string; goal: string; deliverables: string[] }>;
  risks: Array<{ risk: string; severity: 'high' | 'medium' | 'low'; mitigation: string }>;
  validation: string[];
  rollout: string[];
  rollback: string[];
  /** Strangler steps when `current:` is present. */
  migrationSteps: Array<{ step: string; compatibility: string; rollback: string }>;
}

/** The whole model written to model.json. Arrays are sorted by name unless their order has meaning. */
export interface ArchitectureModel {
  archc: 1;
  spec: NormalizedSpec;
  decisions: Decision[];
  assumptions: Assumption[];
  challenges: Challenge[];
  capacity: CapacityModel;
  modules: ModuleModel[];
  tables: TableModel[];
  events: EventModel[];
  flows: FlowModel[];
  integrations: IntegrationModel[];
  api: ApiModel;
  security: SecurityModel;
  reliability: ReliabilityModel;
  performance: PerformanceModel;
  delivery: DeliveryModel;
}
