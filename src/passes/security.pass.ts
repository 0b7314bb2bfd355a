// Security and trust boundaries (rulebook step 6): authentication per identity mechanism, RBAC from the roles,
// secrets, encryption, rate limits, audit, least-privilege database roles, tenant isolation and service auth.
import type { ArchitectureModel, RateLimit, SecurityModel, SensitivityLevel } from '../model/types.js';
import { columnName, operationId, schemaName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { isPrivilegedRole } from './derived/privilege.js';
import { peakRpsAtHorizon } from './derived/projection.js';
import { definePass } from './pass.js';
import { crossesService } from './derived/table-context.js';
import { findBy } from '../model/find-by.js';

export const AUDIT_TABLE = 'audit.audit_log';

const SENSITIVE = new Set<SensitivityLevel>(['pii', 'phi', 'pci']);
const FIELD_ENCRYPTED = new Set<SensitivityLevel>(['phi', 'pci']);

const AUTHN_DETAIL: Record<string, string> = {
  oidc: 'OpenID Connect authorization-code flow with PKCE; the API accepts only IdP-issued access tokens whose signature (JWKS), issuer, audience and expiry it verifies on every request.',
  saml: 'SAML 2.0 SSO: the service provider verifies the signed assertion once and exchanges it for a short-lived session token; assertions are never accepted by the API itself.',
  password: 'Passwords hashed with Argon2id (per-user salt); login attempts are rate limited per account and per IP, and privileged roles require a second factor.',
  'api-key': 'Per-client API keys: only a hash is stored, each key carries scopes and an expiry, and a key is revocable and rotatable without downtime (two active keys per client).',
};

function authnOf(spec: NormalizedSpec): SecurityModel['authn'] {
  if (spec.auth.identity.length === 0) {
    return [{ mechanism: 'oidc', detail: `Assumed because auth.identity is not set: ${AUTHN_DETAIL.oidc as string} If clients authenticate differently, the API gateway's token validation changes.` }];
  }
  return spec.auth.identity.map((mechanism) => ({ mechanism, detail: AUTHN_DETAIL[mechanism] ?? mechanism }));
}

/** Flows run by a privileged role, then delete operations of the API (destructive, restricted to privileged roles). */
export function privilegedOperations(spec: NormalizedSpec): string[] {
  const privilegedRoles = spec.auth.roles.filter(isPrivilegedRole);
  const flows = spec.flows.filter((f) => f.actor !== undefined && privilegedRoles.includes(f.actor)).map((f) => `${f.name} (flow, ${f.actor as string})`);
  const deletes = privilegedRoles.length > 0 || spec.auth.admin_heavy
    ? spec.entities.filter((e) => e.api.includes('delete')).map((e) => operationId('delete', e.name))
    : [];
  return [...flows, ...deletes].sort(compareNames);
}

function authzOf(spec: NormalizedSpec, tenancy: string): SecurityModel['authz'] {
  const roles = [...spec.auth.roles];
  const privileged = roles.filter(isPrivilegedRole);
  const tenantScope = tenancy !== 'none'
    ? ' Every grant is scoped to one tenant: the tenant comes from the verified token, never from the request path or body.'
    : '';
  if (roles.length === 0) {
    return { model: 'authenticated', roles, detail: `auth.roles is empty, so every authenticated caller may call every operation; name roles to get per-operation checks.${tenantScope}` };
  }
  const actingRoles = [...new Set(spec.flows.map((f) => f.actor).filter((a): a is string => a !== undefined && roles.includes(a)))].sort(compareNames);
  const privilegedText = privileged.length > 0
    ? ` Privileged roles (${privileged.join(', ')}) alone may run administrative and delete operations, and each such call is audited.`
    : '';
  const flowText = actingRoles.length > 0 ? ` Flow actors map to roles: ${actingRoles.map((r) => `${r} runs ${spec.flows.filter((f) => f.actor === r).map((f) => f.name).join(', ')}`).join('; ')}.` : '';
  return {
    model: tenancy !== 'none' ? 'RBAC (tenant-scoped)' : 'RBAC',
    roles,
    detail: `Role-based access control: each operation lists the roles allowed to call it and the check runs in the API layer before any data access (deny by default).${flowText}${privilegedText}${tenantScope}`,
  };
}

function secretsOf(spec: NormalizedSpec, model: ArchitectureModel): string {
  const held = ['database credentials (one per database role)'];
  if (choiceOr(model, 'cache', 'none') === 'redis') held.push('Redis credentials');
  if (choiceOr(model, 'messaging', 'none') !== 'none') held.push('broker credentials');
  if (spec.integrations.length > 0) held.push(`integration credentials (${spec.integrations.map((i) => i.name).join(', ')})`);
  if (spec.auth.identity.includes('oidc') || spec.auth.identity.includes('saml')) held.push('IdP client secrets and signing certificates');
  return `A managed secret store (KMS-backed) holds ${held.join(', ')}; services read them at start-up through their workload identity, never from the repository or images. Rotation: database credentials every 90 days through two alternating users, integration keys on the provider's schedule and at once after any suspected exposure.`;
}

function sensitiveFieldsOf(spec: NormalizedSpec): SecurityModel['sensitiveFields'] {
  return spec.entities
    .flatMap((e) => e.fields.filter((f) => SENSITIVE.has(f.sensitivity)).map((f) => ({ entity: e.name, field: columnName(f), sensitivity: f.sensitivity })))
    .sort((a, b) => compareNames(a.entity, b.entity) || compareNames(a.field, b.field));
}

function encryptionAtRestOf(model: ArchitectureModel, fields: SecurityModel['sensitiveFields']): string {
  const stores = ['PostgreSQL volumes and backups'];
  if (choiceOr(model, 'blob-store', 'none') === 'object-storage') stores.push('object storage (server-side encryption with a KMS key)');
  if (choiceOr(model, 'cache', 'none') === 'redis') stores.push('Redis persistence files');
  if (choiceOr(model, 'messaging', 'none') !== 'none') stores.push('broker storage');
  const encrypted = fields.filter((f) => FIELD_ENCRYPTED.has(f.sensitivity)).map((f) => `${f.entity}.${f.field}`);
  const fieldLevel = encrypted.length > 0
    ? ` Field-level encryption (envelope encryption, per-environment data key in KMS) for the phi/pci fields ${encrypted.join(', ')}: a database dump or replica alone does not reveal them.`
    : '';
  return `Storage encryption with KMS-managed keys for ${stores.join(', ')}.${fieldLevel}`;
}

function encryptionInTransitOf(model: ArchitectureModel): string {
  const internal = ['PostgreSQL (sslmode=verify-full)'];
  if (choiceOr(model, 'cache', 'none') === 'redis') internal.push('Redis');
  if (choiceOr(model, 'messaging', 'none') !== 'none') internal.push('the broker');
  return `TLS 1.2+ on every external endpoint (HSTS on web origins) and TLS to ${internal.join(', ')} and every integration.`;
}

/** Share of monthly active users assumed concurrently active at peak, for per-user limits. */
const CONCURRENT_SHARE = 0.01;
/** A single client may burst to this multiple of its average share of the projected peak. */
const BURST_FACTOR = 5;
const MIN_RPM = 60;

function rateLimitsOf(spec: NormalizedSpec, model: ArchitectureModel): RateLimit[] {
  const peak = peakRpsAtHorizon(model);
  const peakRpm = peak === null ? null : Math.ceil(peak * 60);
  const consumers = spec.api.consumers.length > 0 ? spec.api.consumers : ['clients'];
  const limits = consumers.map((consumer): RateLimit => {
    if (peakRpm === null) {
      return { consumer, requestsPerMinute: 600, scope: scopeOf(consumer), basis: 'traffic.peak_rps is not set: 600 requests per minute per client is a placeholder to revisit once a peak is known' };
    }
    if (consumer === 'partners' || consumer === 'internal') {
      const share = consumer === 'partners' ? 0.1 : 0.5;
      return {
        consumer, requestsPerMinute: Math.max(MIN_RPM, Math.ceil(peakRpm * share)), scope: scopeOf(consumer),
        basis: `${share * 100}% of the projected peak of ${peakRpm} requests/min (traffic.peak_rps at the horizon): one ${consumer === 'partners' ? 'partner' : 'internal caller'} cannot take more`,
      };
    }
    const users = spec.traffic.users;
    const concurrent = Math.max(1, Math.round((users ?? 0) * CONCURRENT_SHARE));
    const perClient = Math.max(MIN_RPM, Math.ceil((peakRpm / concurrent) * BURST_FACTOR));
    const basis = users === undefined
      ? `traffic.users is not set, so one client is assumed: ${BURST_FACTOR}× the projected peak of ${peakRpm} requests/min`
      : `projected peak ${peakRpm} requests/min shared by ${concurrent} concurrently active users (${CONCURRENT_SHARE * 100}% of ${users} monthly users), ${BURST_FACTOR}× that share for bursts`;
    return { consumer, requestsPerMinute: perClient, scope: scopeOf(consumer), basis };
  });
  if (spec.auth.identity.includes('password')) {
    limits.push({ consumer: 'login', requestsPerMinute: 10, scope: 'per account and per source IP', basis: 'password login: caps credential-stuffing attempts independent of traffic' });
  }
  return limits.sort((a, b) => compareNames(a.consumer, b.consumer));
}

function scopeOf(consumer: string): string {
  if (consumer === 'partners') return 'per API key';
  if (consumer === 'internal') return 'per service identity';
  return 'per authenticated user (token subject), and per IP before authentication';
}

function auditOf(spec: NormalizedSpec, model: ArchitectureModel): SecurityModel['audit'] {
  const entities = model.tables.filter((t) => t.audited).map((t) => t.entity).sort(compareNames);
  const privileged = privilegedOperations(spec);
  if (entities.length === 0 && !spec.auth.admin_heavy) {
    return { table: null, entities, privilegedOperations: privileged, detail: 'No table holds pii, phi or pci data and auth.admin_heavy is false: request logs carry the acting user and no separate audit trail is kept.' };
  }
  const why = [
    entities.length > 0 ? `reads and writes of ${entities.join(', ')} (sensitive or written by privileged flows)` : '',
    privileged.length > 0 ? `the privileged operations ${privileged.join(', ')}` : '',
  ].filter((s) => s !== '').join(' and ');
  if (model.tables.length === 0) {
    return { table: null, entities, privilegedOperations: privileged, detail: `No primary store holds an audit table: ${why === '' ? 'administrative actions' : why} are written as structured audit events to the log pipeline, kept apart from application logs and write-once.` };
  }
  return {
    table: AUDIT_TABLE,
    entities,
    privilegedOperations: privileged,
    detail: `An append-only ${AUDIT_TABLE} records ${why === '' ? 'administrative actions' : why}: who (user, role${spec.tenancy.model === 'multi' ? ', tenant' : ''}), what (operation, entity, key), when and from where. The application role may only INSERT into it; no role may UPDATE or DELETE.`,
  };
}

function dbRolesOf(spec: NormalizedSpec, model: ArchitectureModel, tenancy: string): SecurityModel['dbRoles'] {
  const rls = tenancy === 'shared-schema' ? ', NOBYPASSRLS' : '';
  const schemas = [...new Set(model.tables.map((t) => t.schema))].sort(compareNames);
  // The first module with each schema name, found once rather than by converting every module's name per schema.
  const moduleBySchema = new Map<string, NormalizedSpec['modules'][number]>();
  for (const m of spec.modules) {
    const schema = schemaName(m.name);
    if (!moduleBySchema.has(schema)) moduleBySchema.set(schema, m);
  }
  const roles: SecurityModel['dbRoles'] = schemas.map((schema) => {
    const module = moduleBySchema.get(schema);
    // Only dependencies in the same deployable: a separately deployed service's data is reached through its API.
    const reads = (module === undefined ? [] : findBy(model.modules, 'name', module.name)?.dependsOn ?? [])
      .filter((dep) => module !== undefined && !crossesService(model.modules, module.name, dep))
      .map(schemaName).filter((s) => schemas.includes(s));
    return {
      name: `${schema}_rw`,
      grants: `SELECT, INSERT, UPDATE, DELETE on the tables of schema ${schema}${reads.length > 0 ? `; SELECT on ${reads.join(', ')} (dependencies in the same deployable)` : ''}; no DDL${rls}`,
      privileges: [
        { schema, table: null, actions: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] },
        ...reads.map((read) => ({ schema: read, table: null, actions: ['SELECT' as const] })),
      ],
    };
  });
  if (schemas.length > 0) {
    roles.push({
      name: 'app_readonly', grants: `SELECT on ${schemas.join(', ')} for support and reporting; no writes${rls}`,
      privileges: schemas.map((schema) => ({ schema, table: null, actions: ['SELECT' as const] })),
    });
    roles.push({ name: 'app_migrator', grants: 'owns the schemas and runs DDL from the migration job only; never used by a running service' });
  }
  if (auditOf(spec, model).table !== null) {
    const [auditSchema = 'audit', auditTable = 'audit_log'] = AUDIT_TABLE.split('.');
    roles.push({
      name: 'audit_writer', grants: `INSERT only on ${AUDIT_TABLE}, granted to every *_rw role`,
      privileges: [{ schema: auditSchema, table: auditTable, actions: ['INSERT'] }],
    });
  }
  return roles.sort((a, b) => compareNames(a.name, b.name));
}

const TENANT_ISOLATION: Record<string, string> = {
  'shared-schema': 'Shared schema: every tenant-owned table has tenant_id NOT NULL and a row-level-security policy (FORCE ROW LEVEL SECURITY) comparing it with the session setting app.tenant_id, which the API sets per transaction from the verified token; application roles are NOBYPASSRLS, so a missing WHERE clause cannot leak rows.',
  'schema-per-tenant': 'Schema per tenant: each tenant gets its own copy of the module schemas; the connection sets search_path to the tenant schemas named by the verified token, and database roles per tenant own only their schemas.',
  'database-per-tenant': 'Database per tenant: each tenant has its own database and credentials; the router picks the connection from the verified token, so no query can reach the data of another tenant.',
};

function internalServiceAuthOf(model: ArchitectureModel): string | null {
  if (!model.modules.some((m) => m.deployment === 'service')) return null;
  const comm = choiceOr(model, 'internal-comm', 'rest');
  if (comm === 'events') return 'Services authenticate to the broker with per-service credentials; topic ACLs let each service publish only its own events and consume only its subscriptions. Synchronous calls, if any, use mTLS.';
  return `mTLS between services with per-service workload certificates, plus a short-lived signed service token (audience = callee) on every ${comm === 'grpc' ? 'gRPC' : 'REST'} call; a service accepts calls only from the callers its dependencies list.`;
}

export function buildSecurity(model: ArchitectureModel): SecurityModel {
  const spec = model.spec;
  const tenancy = choiceOr(model, 'tenancy', spec.tenancy.model === 'multi' ? spec.tenancy.isolation ?? 'shared-schema' : 'none');
  const sensitiveFields = sensitiveFieldsOf(spec);
  return {
    authn: authnOf(spec),
    authz: authzOf(spec, tenancy),
    secrets: secretsOf(spec, model),
    encryptionInTransit: encryptionInTransitOf(model),
    encryptionAtRest: encryptionAtRestOf(model, sensitiveFields),
    rateLimits: rateLimitsOf(spec, model),
    audit: auditOf(spec, model),
    dbRoles: dbRolesOf(spec, model, tenancy),
    tenantIsolation: TENANT_ISOLATION[tenancy] ?? null,
    internalServiceAuth: internalServiceAuthOf(model),
    sensitiveFields,
    compliance: [...spec.data.compliance],
    residency: [...spec.data.residency],
  };
}

export const securityPass = definePass({
  id: 'security',
  title: 'Security and trust boundaries',
  run: (_ctx, model): ArchitectureModel => ({ ...model, security: buildSecurity(model) }),
});
