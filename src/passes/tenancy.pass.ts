// Tenancy: none for single-tenant systems; for multi-tenant ones the isolation preference, raised by compliance
// (hipaa, pci-dss) and capped by what the tenant count lets a team operate.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { decide, findTippingPoint, formatNumber, listProse, withChallenge, type Consequences } from './decision.js';
import { requiredNumber } from './projection.js';
import { thresholds } from './thresholds.js';

export const tenancyRules = {
  singleTenant: 'tenancy/single-tenant',
  sharedDefault: 'tenancy/shared-schema-default',
  preference: 'tenancy/isolation-preference',
  complianceFloor: 'tenancy/compliance-floor',
  tenantCountCeiling: 'tenancy/tenant-count-ceiling',
} as const;

type Isolation = 'shared-schema' | 'schema-per-tenant' | 'database-per-tenant';
const levels: readonly Isolation[] = ['shared-schema', 'schema-per-tenant', 'database-per-tenant'];
const rank = (i: Isolation): number => levels.indexOf(i);

/** Compliance regimes that push isolation above shared tables. */
const isolatingRegimes = ['hipaa', 'pci-dss'] as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No per-tenant overhead.',
    operations: 'One organisation\'s data: no tenant context to carry or enforce.',
  },
  'shared-schema': {
    cost: 'Cheapest per tenant: one set of tables and one pool; a noisy tenant shares capacity with all others.',
    operations: 'tenant_id on every row with forced row-level security reading app.tenant_id; unique constraints and indexes lead with tenant_id; per-tenant export and deletion are queries.',
  },
  'schema-per-tenant': {
    cost: 'One schema per tenant in a shared database: shared compute, a catalog that grows with every tenant.',
    operations: 'Provisioning copies the template schemas; every migration runs once per tenant schema; connections set search_path per tenant.',
  },
  'database-per-tenant': {
    cost: 'A database per tenant: the highest cost, with per-tenant sizing, placement and residency.',
    operations: 'Migrations, backups, monitoring and connection pools per tenant database; provisioning and upgrades are automated runbooks.',
  },
};

/** The per-tenant consequences, scaled to the tenant count. */
function withTenantCount(tenants: number): Record<string, Consequences> {
  const n = formatNumber(tenants);
  return {
    ...consequences,
    'schema-per-tenant': { ...consequences['schema-per-tenant']!, operations: `${consequences['schema-per-tenant']!.operations} With ${n} tenants a migration runs ${n} times.` },
    'database-per-tenant': { ...consequences['database-per-tenant']!, operations: `${consequences['database-per-tenant']!.operations} With ${n} tenants that is ${n} databases to patch, back up and monitor.` },
  };
}

interface TenancyFacts {
  tenants: number;
  preference: Isolation | undefined;
  regimes: string[];
}

/** The isolation ceiling the tenant count allows. */
function ceilingFor(tenants: number): Isolation {
  if (tenants >= thresholds.schemaPerTenantLimit) return 'shared-schema';
  if (tenants >= thresholds.databasePerTenantLimit) return 'schema-per-tenant';
  return 'database-per-tenant';
}

/** The preference when stated (a preference is honoured); otherwise the compliance floor capped by the tenant count. */
export function tenancyRule(f: TenancyFacts): { choice: Isolation; rule: string } {
  if (f.preference !== undefined) return { choice: f.preference, rule: tenancyRules.preference };
  const floor: Isolation = f.regimes.length > 0 ? 'schema-per-tenant' : 'shared-schema';
  const ceiling = ceilingFor(f.tenants);
  if (rank(floor) > rank(ceiling)) return { choice: ceiling, rule: tenancyRules.tenantCountCeiling };
  return { choice: floor, rule: f.regimes.length > 0 ? tenancyRules.complianceFloor : tenancyRules.sharedDefault };
}

function decideTenancy(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  if (spec.tenancy.model === 'single') {
    return decide(ctx, model, {
      id: 'tenancy', choice: 'none', rule: tenancyRules.singleTenant,
      rationale: 'Build no tenant isolation because tenancy.model is single: the system serves one organisation, so no tenant context needs to be carried or enforced.',
      rejected: {
        'shared-schema': 'tenancy.model is single: a tenant_id column and row-level security would guard nothing.',
        'schema-per-tenant': 'tenancy.model is single: there is one tenant and one set of schemas.',
        'database-per-tenant': 'tenancy.model is single: there is one tenant and one database.',
      },
      uses: ['tenancy.model'], tippingPoint: null, consequences,
      contradicts: {
        'shared-schema': 'tenancy.model is single', 'schema-per-tenant': 'tenancy.model is single', 'database-per-tenant': 'tenancy.model is single',
      },
    });
  }
  const tenants = requiredNumber(spec, model, 'tenancy.tenants');
  const facts: TenancyFacts = {
    tenants,
    preference: spec.tenancy.isolation,
    regimes: isolatingRegimes.filter((r) => spec.data.compliance.includes(r)),
  };
  const { choice, rule } = tenancyRule(facts);
  const ceiling = ceilingFor(tenants);
  const floor: Isolation = facts.regimes.length > 0 ? 'schema-per-tenant' : 'shared-schema';
  const regimes = listProse(facts.regimes);
  const limits = `database-per-tenant is operable below ${formatNumber(thresholds.databasePerTenantLimit)} tenants, schema-per-tenant below ${formatNumber(thresholds.schemaPerTenantLimit)}`;
  const why: Record<string, string> = {
    [tenancyRules.preference]: `tenancy.isolation prefers it and a stated preference is honoured (${formatNumber(tenants)} tenants; ${limits}${facts.regimes.length > 0 ? `; ${regimes} data calls for at least schema-per-tenant` : ''})`,
    [tenancyRules.complianceFloor]: `data.compliance lists ${regimes}: a tenant_id column alone is a weaker boundary than those regimes' auditors expect, and ${formatNumber(tenants)} tenants are few enough to migrate schema by schema (${limits})`,
    [tenancyRules.tenantCountCeiling]: `${regimes} would call for separate schemas, but ${formatNumber(tenants)} tenants are too many to migrate schema by schema (${limits}): forced row-level security and per-tenant encryption keys carry the isolation instead`,
    [tenancyRules.sharedDefault]: `no isolation preference or isolating compliance regime (hipaa, pci-dss) is stated: shared tables with a tenant_id column and forced row-level security are the cheapest isolation that meets the constraints for ${formatNumber(tenants)} tenants`,
  };
  const rationale = `Isolate tenants with ${choice} because ${why[rule]}.`;
  const rejected = Object.fromEntries((['none', ...levels] as const).filter((c) => c !== choice).map((c) => {
    if (c === 'none') return [c, 'tenancy.model is multi: tenant data must be kept apart.'];
    if (facts.preference !== undefined) return [c, `tenancy.isolation prefers ${facts.preference}, and a preference is honoured.`];
    if (rank(c) > rank(ceiling)) return [c, `${formatNumber(tenants)} tenants are too many for ${c}: provisioning, migrations and backups multiply per tenant (${limits}).`];
    if (rank(c) < rank(floor)) return [c, `${regimes} data calls for a stronger boundary than a tenant_id column alone.`];
    return [c, `Stronger isolation than needed: ${choice} meets the compliance constraints at a lower cost per tenant.`];
  }));
  let next = decide(ctx, model, {
    id: 'tenancy', choice, rule, rationale, rejected,
    uses: ['tenancy.model', 'tenancy.tenants', ...(facts.preference ? ['tenancy.isolation'] : []), ...(facts.regimes.length > 0 ? ['data.compliance'] : [])],
    tippingPoint: findTippingPoint({
      input: 'tenancy.tenants', value: tenants, integer: true, min: 1,
      breakpoints: [thresholds.databasePerTenantLimit, thresholds.schemaPerTenantLimit],
      decideAt: (x) => tenancyRule({ ...facts, tenants: x }).choice,
    }),
    consequences: withTenantCount(tenants),
    contradicts: {
      none: 'tenancy.model is multi',
      ...(rank(ceiling) < 2 ? { 'database-per-tenant': `${formatNumber(tenants)} tenants are too many for a database each` } : {}),
      ...(rank(ceiling) < 1 ? { 'schema-per-tenant': `${formatNumber(tenants)} tenants are too many for a schema each` } : {}),
    },
  });
  const pinned = spec.decisions.some((d) => d.id === 'tenancy');
  if (!pinned && facts.preference !== undefined) {
    const objections = [
      ...(rank(facts.preference) > rank(ceiling) ? [`${formatNumber(tenants)} tenants are too many to operate it (${limits})`] : []),
      ...(rank(facts.preference) < rank(floor) ? [`data.compliance lists ${regimes}, which calls for at least schema-per-tenant`] : []),
    ];
    if (objections.length > 0) {
      next = withChallenge(next, 'ARC0416', { preference: 'tenancy.isolation', preferred: facts.preference, fact: listProse(objections) }, 'tenancy.isolation');
    }
  }
  return next;
}

export const tenancyPass = definePass({
  id: 'tenancy',
  title: 'Choose tenant isolation',
  run: decideTenancy,
});
