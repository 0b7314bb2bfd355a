/* Generated from schema/system.schema.json by `npm run gen:types`. Do not edit by hand. */

/**
 * Free text: any character but U+0000; escaped in every output.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "FreeText".
 */
export type FreeText = string;
/**
 * Business goals, in priority order.
 */
export type FreeTextList = FreeText[];
/**
 * What the system explicitly does not do.
 */
export type FreeTextList1 = FreeText[];
/**
 * An authentication mechanism.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "IdentityKind".
 */
export type IdentityKind = 'oidc' | 'saml' | 'password' | 'api-key';
/**
 * A kebab-case name (lower case words joined by '-'), at most 40 characters.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "KebabName".
 */
export type KebabName = string;
/**
 * A field's type.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "FieldType".
 */
export type FieldType =
  | 'uuid'
  | 'string'
  | 'text'
  | 'int'
  | 'bigint'
  | 'decimal'
  | 'money'
  | 'bool'
  | 'date'
  | 'timestamp'
  | 'json'
  | 'enum'
  | 'ref'
  | 'blob';
/**
 * An access pattern: either a lookup ({by, kind, hot}) or a full-text need ({search}).
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Access".
 */
export type Access = ByAccess | SearchAccess;
/**
 * An exposed API operation.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "ApiOperation".
 */
export type ApiOperation = 'create' | 'read' | 'list' | 'update' | 'delete';
/**
 * A PascalCase entity name, at most 40 characters.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "PascalName".
 */
export type PascalName = string;
/**
 * Problems with the current system, in priority order.
 */
export type FreeTextList2 = FreeText[];
/**
 * A snake_case field name, at most 40 characters.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "SnakeName".
 */
export type SnakeName = string;
/**
 * An ordered list of free-text items.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "FreeTextList".
 */
export type FreeTextList3 = FreeText[];
/**
 * Data sensitivity level.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Sensitivity".
 */
export type Sensitivity = 'public' | 'internal' | 'pii' | 'phi' | 'pci';

/**
 * archc input (system.yaml, version 1): what the system must do — scale, targets, data, flows, compliance. archc decides the architecture.
 */
export interface SystemSpec {
  /**
   * Language version of this file. This archc reads version 1.
   */
  archc: 1;
  system: System;
  team?: Team;
  traffic?: Traffic;
  targets?: Targets;
  data?: Data;
  tenancy?: Tenancy;
  auth?: Auth;
  api?: Api;
  /**
   * Domain modules (a service boundary is a module). At least one. No meaningful order: outputs sort them by name.
   *
   * @minItems 1
   */
  modules: [Module, ...Module[]];
  /**
   * Persistent (or ephemeral) domain entities, each owned by one module. No meaningful order.
   */
  entities?: Entity[];
  /**
   * User and system flows: requests, background jobs, realtime streams, batches, schedules and ingestion. No meaningful order.
   */
  flows?: Flow[];
  /**
   * External systems the flows call or that call in. No meaningful order.
   */
  integrations?: Integration[];
  current?: Current;
  /**
   * Pins: decisions fixed by the team. They win over every pass and preference.
   */
  decisions?: DecisionPin[];
}
/**
 * What the system is and which deliverable archc writes.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "System".
 */
export interface System {
  /**
   * The system's kebab-case name.
   */
  name: string;
  /**
   * One or two sentences: the business goal.
   */
  summary: string;
  goals?: FreeTextList;
  non_goals?: FreeTextList1;
  /**
   * Which document proposal.md is: the full proposal (default), a short one, or an API, schema, review or migration deliverable.
   */
  deliverable?: 'proposal' | 'short' | 'api' | 'schema' | 'review' | 'migration';
}
/**
 * The engineering organisation that builds and runs the system.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Team".
 */
export interface Team {
  /**
   * Number of engineers.
   */
  engineers?: number;
  /**
   * Number of teams.
   */
  teams?: number;
}
/**
 * Expected traffic and growth.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Traffic".
 */
export interface Traffic {
  /**
   * Monthly active users.
   */
  users?: number;
  /**
   * Peak external requests per second, today.
   */
  peak_rps?: number;
  /**
   * Share of requests that only read, 0..1 inclusive.
   */
  read_ratio?: number;
  /**
   * Traffic multiplier per year (1.0 = flat).
   */
  growth_per_year?: number;
  /**
   * Capacity planning horizon in years (1..10).
   */
  horizon_years?: number;
  /**
   * Bursts far above the average (a serverless driver).
   */
  spiky?: boolean;
}
/**
 * Availability, latency and recovery targets.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Targets".
 */
export interface Targets {
  /**
   * Monthly availability target in percent (90..99.9999).
   */
  availability?: number;
  /**
   * p99 latency target for external requests in milliseconds; absent => no latency number is promised.
   */
  latency_p99_ms?: number;
  /**
   * Recovery point objective: data loss tolerated, in minutes.
   */
  rpo_minutes?: number;
  /**
   * Recovery time objective: downtime tolerated to restore service, in minutes.
   */
  rto_minutes?: number;
}
/**
 * Compliance regimes and data residency.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Data".
 */
export interface Data {
  /**
   * Compliance regimes that apply (a set).
   *
   * Items: A compliance regime.
   */
  compliance?: ('gdpr' | 'hipaa' | 'pci-dss' | 'soc2' | 'iso27001' | 'ccpa')[];
  /**
   * Regions where data must stay (a set of region codes such as eu, us, de, eu-west-1).
   *
   * Items: A region code.
   */
  residency?: string[];
}
/**
 * Whether the system serves one organisation or many tenants.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Tenancy".
 */
export interface Tenancy {
  /**
   * single (default) or multi tenant.
   */
  model?: 'single' | 'multi';
  /**
   * Expected number of tenants at the horizon (only with model: multi).
   */
  tenants?: number;
  /**
   * Preferred tenant isolation; a preference, not a pin.
   */
  isolation?: 'shared-schema' | 'schema-per-tenant' | 'database-per-tenant';
}
/**
 * Authentication and authorization requirements.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Auth".
 */
export interface Auth {
  /**
   * How callers authenticate: one mechanism or a list of them.
   */
  identity?: IdentityKind | [IdentityKind, ...IdentityKind[]];
  /**
   * User roles (a set of kebab names).
   */
  roles?: KebabName[];
  /**
   * Many privileged administrative operations (drives audit and privileged-operation controls).
   */
  admin_heavy?: boolean;
}
/**
 * External API preferences and consumers.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Api".
 */
export interface Api {
  /**
   * Preferred external API style; a preference, not a pin.
   */
  style?: 'rest' | 'graphql' | 'grpc';
  /**
   * Who calls the external API (a set).
   *
   * Items: An API consumer type.
   */
  consumers?: ('web' | 'mobile' | 'partners' | 'internal')[];
}
/**
 * A domain module: a unit of ownership and a potential service boundary.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Module".
 */
export interface Module {
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  name: string;
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  description?: string;
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  owner?: string;
  /**
   * true allows a shared/platform module (otherwise vague names such as 'common' warn).
   */
  platform?: boolean;
  /**
   * Modules this one calls (a set); they must exist and form no cycle.
   */
  depends_on?: KebabName[];
  needs?: ModuleNeeds;
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  renamed_from?: string;
}
/**
 * Reasons this module may need to be split out as its own service.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "ModuleNeeds".
 */
export interface ModuleNeeds {
  /**
   * Scales very differently from the rest.
   */
  independent_scaling?: boolean;
  /**
   * Must ship on its own release cadence.
   */
  independent_deploys?: boolean;
  /**
   * Its failure must not take down the rest (or the reverse).
   */
  fault_isolation?: boolean;
}
/**
 * A domain entity: a table when the primary store is PostgreSQL.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Entity".
 */
export interface Entity {
  /**
   * The entity's PascalCase name; its table is the snake_case form.
   */
  name: string;
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  module: string;
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  description?: string;
  /**
   * The entity's fields, in column order; exactly one is the key.
   *
   * @minItems 1
   */
  fields: [Field, ...Field[]];
  /**
   * Sensitivity of the entity's data (default internal); a field's own level wins for that field.
   */
  sensitivity?: 'public' | 'internal' | 'pii' | 'phi' | 'pci';
  volume?: Volume;
  retention?: Retention;
  /**
   * Short-lived state that need not be durable (sessions, presence).
   */
  ephemeral?: boolean;
  /**
   * Access patterns, in priority order.
   */
  access?: Access[];
  /**
   * Operations exposed in the external API (a set).
   */
  api?: ApiOperation[];
  /**
   * The entity's previous name: archc migrate copies the table's rows into the new table (the old one is dropped only after the compatibility window).
   */
  renamed_from?: string;
}
/**
 * A field of an entity (fields are ORDERED: column order).
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Field".
 */
export interface Field {
  /**
   * The field's snake_case name; a ref field `x` is the column and property `x_id`.
   */
  name: string;
  type: FieldType;
  /**
   * This field is the entity's key (exactly one per entity; never optional).
   */
  key?: boolean;
  /**
   * The field may be absent (nullable).
   */
  optional?: boolean;
  /**
   * Values are unique across the entity (per tenant under shared-schema tenancy).
   */
  unique?: boolean;
  /**
   * The referenced entity; required iff type is ref.
   */
  to?: string;
  /**
   * The allowed values; required iff type is enum: at least one, unique, 1..63 bytes each.
   *
   * @minItems 1
   *
   * Items: An enum value (free text, 1..63 bytes).
   */
  values?: [string, ...string[]];
  /**
   * This field's own sensitivity; wins over the entity's.
   */
  sensitivity?: 'public' | 'internal' | 'pii' | 'phi' | 'pci';
  /**
   * Default value for new rows (also the backfill value in migrations).
   */
  default?: string | number | boolean | null;
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  description?: string;
  /**
   * The field's previous name: archc migrate copies the column's data into the new column (the old one is dropped only after the compatibility window).
   */
  renamed_from?: string;
}
/**
 * Row counts today and growth.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Volume".
 */
export interface Volume {
  /**
   * Rows today.
   */
  rows?: number;
  /**
   * New rows per day.
   */
  rows_per_day?: number;
}
/**
 * How long rows are kept and what happens after.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Retention".
 */
export interface Retention {
  /**
   * Days a row is kept in the primary store.
   */
  days: number;
  /**
   * archive (default) or delete after the retention period.
   */
  then?: 'archive' | 'delete';
}
/**
 * A user or system flow.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Flow".
 */
export interface Flow {
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  name: string;
  /**
   * What triggers the flow and how it runs.
   */
  kind: 'request' | 'background' | 'realtime' | 'batch' | 'scheduled' | 'ingest';
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  description?: string;
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  actor?: string;
  /**
   * Required consistency (a preference): strong or eventual.
   */
  consistency?: 'strong' | 'eventual';
  /**
   * Entities read or written (a set).
   */
  touches?: PascalName[];
  /**
   * Entities written (a set; a subset of touches).
   */
  writes?: PascalName[];
  /**
   * Integrations called (a set).
   */
  calls?: KebabName[];
  /**
   * Modules that react to this flow's events (a set).
   */
  consumers?: KebabName[];
  /**
   * Consumers need per-key order.
   */
  ordered?: boolean;
  /**
   * Consumers must be able to re-read history.
   */
  replay?: boolean;
  /**
   * Realtime: clients send as well as receive.
   */
  bidirectional?: boolean;
  /**
   * Peak rate of this flow today, per second.
   */
  rate_per_sec?: number;
  /**
   * p99 latency target for this flow in milliseconds.
   */
  latency_p99_ms?: number;
  /**
   * 5-field cron expression; required iff kind is scheduled.
   */
  schedule?: string;
}
/**
 * An external system.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Integration".
 */
export interface Integration {
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  name: string;
  /**
   * What the integration provides.
   */
  kind: 'payment' | 'email' | 'sms' | 'identity' | 'storage' | 'search' | 'analytics' | 'other';
  /**
   * outbound (default): we call it; inbound: it calls us; both (webhooks).
   */
  direction?: 'outbound' | 'inbound' | 'both';
  /**
   * The user flow fails without it.
   */
  critical?: boolean;
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  description?: string;
}
/**
 * The system today, for migration and review deliverables.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "Current".
 */
export interface Current {
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  summary?: string;
  pain?: FreeTextList2;
  /**
   * Components today (ORDERED).
   */
  components?: CurrentComponent[];
  /**
   * Downtime tolerated for the cut-over, in minutes.
   */
  downtime_minutes?: number;
}
/**
 * A component of the system today.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "CurrentComponent".
 */
export interface CurrentComponent {
  /**
   * A kebab-case name (lower case words joined by '-'), at most 40 characters.
   */
  name: string;
  /**
   * What kind of component it is.
   */
  kind: 'service' | 'database' | 'job' | 'queue' | 'other';
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  tech?: string;
}
/**
 * A pinned decision: a catalogue id and one of its choices.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "DecisionPin".
 */
export interface DecisionPin {
  /**
   * A decision id from the catalogue (shape, primary-store, cache, messaging, search, blob-store, external-api, realtime, internal-comm, tenancy, deployment, consistency.<flow>).
   */
  id: string;
  /**
   * One of the decision's catalogue choices.
   */
  choice: string;
  /**
   * Free text: any character but U+0000; escaped in every output.
   */
  reason?: string;
}
/**
 * A lookup access pattern: field names in index order.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "ByAccess".
 */
export interface ByAccess {
  /**
   * ORDERED field names (index column order).
   *
   * @minItems 1
   */
  by: [SnakeName, ...SnakeName[]];
  /**
   * get (one row) or list (default).
   */
  kind?: 'get' | 'list';
  /**
   * A hot read path (drives caching when the read rate is high).
   */
  hot?: boolean;
}
/**
 * A full-text search need over these fields.
 *
 * This interface was referenced by `SystemSpec`'s JSON-Schema
 * via the `definition` "SearchAccess".
 */
export interface SearchAccess {
  /**
   * Fields searched as full text.
   *
   * @minItems 1
   */
  search: [SnakeName, ...SnakeName[]];
}
