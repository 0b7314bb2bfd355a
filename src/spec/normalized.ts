// The normalized spec: defaults applied, sets and named lists sorted, identity as a list.
// Inputs that are not marked "(default)" in the contract stay optional so passes can label assumptions.
import type {
  Access, ApiOperation, CurrentComponent, FieldType, IdentityKind, SystemSpec,
} from './types.js';

export type Sensitivity = 'public' | 'internal' | 'pii' | 'phi' | 'pci';
export type Deliverable = 'proposal' | 'short' | 'api' | 'schema' | 'review' | 'migration';

export interface NormalizedField {
  name: string;
  type: FieldType;
  key: boolean;
  optional: boolean;
  unique: boolean;
  to?: string;
  values?: string[];
  /** The field's own level if set, else the entity's. */
  sensitivity: Sensitivity;
  default?: string | number | boolean | null;
  description?: string;
  renamed_from?: string;
}

export type NormalizedAccess =
  | { by: string[]; kind: 'get' | 'list'; hot: boolean }
  | { search: string[] };

export interface NormalizedEntity {
  name: string;
  module: string;
  description?: string;
  fields: NormalizedField[];
  sensitivity: Sensitivity;
  volume?: { rows?: number; rows_per_day?: number };
  retention?: { days: number; then: 'archive' | 'delete' };
  ephemeral: boolean;
  access: NormalizedAccess[];
  api: ApiOperation[];
  renamed_from?: string;
}

export interface NormalizedModule {
  name: string;
  description?: string;
  owner?: string;
  platform: boolean;
  depends_on: string[];
  needs: { independent_scaling: boolean; independent_deploys: boolean; fault_isolation: boolean };
  renamed_from?: string;
}

export interface NormalizedFlow {
  name: string;
  kind: 'request' | 'background' | 'realtime' | 'batch' | 'scheduled' | 'ingest';
  description?: string;
  actor?: string;
  consistency?: 'strong' | 'eventual';
  touches: string[];
  writes: string[];
  calls: string[];
  consumers: string[];
  ordered: boolean;
  replay: boolean;
  bidirectional: boolean;
  rate_per_sec?: number;
  latency_p99_ms?: number;
  schedule?: string;
}

export interface NormalizedIntegration {
  name: string;
  kind: 'payment' | 'email' | 'sms' | 'identity' | 'storage' | 'search' | 'analytics' | 'other';
  direction: 'outbound' | 'inbound' | 'both';
  critical: boolean;
  description?: string;
}

export interface NormalizedSpec {
  archc: 1;
  system: { name: string; summary: string; goals: string[]; non_goals: string[]; deliverable: Deliverable };
  team: { engineers?: number; teams?: number };
  traffic: { users?: number; peak_rps?: number; read_ratio?: number; growth_per_year?: number; horizon_years?: number; spiky: boolean };
  targets: { availability?: number; latency_p99_ms?: number; rpo_minutes?: number; rto_minutes?: number };
  data: { compliance: string[]; residency: string[] };
  tenancy: { model: 'single' | 'multi'; tenants?: number; isolation?: 'shared-schema' | 'schema-per-tenant' | 'database-per-tenant' };
  auth: { identity: IdentityKind[]; roles: string[]; admin_heavy: boolean };
  api: { style?: 'rest' | 'graphql' | 'grpc'; consumers: string[] };
  modules: NormalizedModule[];
  entities: NormalizedEntity[];
  flows: NormalizedFlow[];
  integrations: NormalizedIntegration[];
  current: { summary?: string; pain: string[]; components: CurrentComponent[]; downtime_minutes?: number } | null;
  decisions: Array<{ id: string; choice: string; reason?: string }>;
}

export type { Access, SystemSpec };
