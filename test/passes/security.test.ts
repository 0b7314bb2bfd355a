import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const spec: PartialSpec = {
  traffic: { users: 100_000, peak_rps: 100, growth_per_year: 1, horizon_years: 1 },
  auth: { identity: ['oidc', 'password'], roles: ['member', 'admin'] },
  api: { style: 'rest', consumers: ['web', 'partners'] },
  data: { compliance: ['hipaa'], residency: ['eu'] },
  modules: [{ name: 'patients' }, { name: 'billing-core' }],
  entities: [
    { name: 'Patient', module: 'patients', sensitivity: 'phi', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'email', type: 'string', sensitivity: 'pii' }], api: ['read', 'delete'] },
    { name: 'Card', module: 'billing-core', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'pan', type: 'string', sensitivity: 'pci' }, { name: 'label', type: 'string' }] },
  ],
  flows: [{ name: 'purge-patient', kind: 'request', actor: 'admin', touches: ['Patient'], writes: ['Patient'] }],
  decisions: [pin('shape', 'modular-monolith'), pin('tenancy', 'none')],
};

describe('security model', () => {
  const security = modelOf(spec).security;

  test('one authn entry per identity mechanism', () => {
    expect(security.authn.map((a) => a.mechanism)).toEqual(['oidc', 'password']);
  });

  test('RBAC over the roles; the admin role is privileged', () => {
    expect(security.authz.model).toBe('RBAC');
    expect(security.authz.roles).toEqual(['admin', 'member']);
    expect(security.authz.detail).toContain('admin');
  });

  test('rate limits: per user from peak and concurrent users, partners a tenth of the peak, login fixed', () => {
    // peak 100 rps flat ⇒ 6000/min; 1% of 100000 users = 1000 concurrent; 6000/1000 × 5 = 30 ⇒ floor of 60.
    // partners: 10% of 6000 = 600.
    expect(security.rateLimits.map((r) => [r.consumer, r.requestsPerMinute])).toEqual([['login', 10], ['partners', 600], ['web', 60]]);
    expect(security.rateLimits.every((r) => r.basis.length > 0)).toBe(true);
  });

  test('audit: the audit table for sensitive tables, privileged flows and deletes', () => {
    expect(security.audit.table).toBe('audit.audit_log');
    expect(security.audit.entities).toEqual(['Card', 'Patient']);
    expect(security.audit.privilegedOperations).toEqual(['deletePatient', 'purge-patient (flow, admin)']);
  });

  test('sensitive fields and field-level encryption for phi/pci only', () => {
    expect(security.sensitiveFields).toEqual([
      { entity: 'Card', field: 'pan', sensitivity: 'pci' },
      { entity: 'Patient', field: 'email', sensitivity: 'pii' },
      { entity: 'Patient', field: 'id', sensitivity: 'phi' },
    ]);
    expect(security.encryptionAtRest).toContain('Card.pan');
    expect(security.encryptionAtRest).toContain('Patient.id');
    expect(security.encryptionAtRest).not.toContain('Patient.email');
  });

  test('least-privilege roles: one per module schema, read-only, migrator, audit writer', () => {
    expect(security.dbRoles.map((r) => r.name)).toEqual(['app_migrator', 'app_readonly', 'audit_writer', 'billing_core_rw', 'patients_rw']);
  });

  test('monolith: no internal service auth; single tenant: no tenant isolation; compliance and residency copied', () => {
    expect(security.internalServiceAuth).toBeNull();
    expect(security.tenantIsolation).toBeNull();
    expect(security.compliance).toEqual(['hipaa']);
    expect(security.residency).toEqual(['eu']);
  });
});

test('multi-tenant and microservices: tenant-scoped RBAC, RLS isolation, service auth', () => {
  const security = modelOf({ ...spec, tenancy: { model: 'multi', tenants: 50 }, decisions: [pin('shape', 'microservices'), pin('tenancy', 'shared-schema'), pin('internal-comm', 'rest')] }).security;
  expect(security.authz.model).toBe('RBAC (tenant-scoped)');
  expect(security.tenantIsolation).toContain('FORCE ROW LEVEL SECURITY');
  expect(security.internalServiceAuth).toContain('mTLS');
  expect(security.dbRoles.find((r) => r.name === 'patients_rw')?.grants).toContain('NOBYPASSRLS');
});

test('module roles read dependency schemas only inside one deployable', () => {
  const withDependency: PartialSpec = { ...spec, modules: [{ name: 'patients' }, { name: 'billing-core', depends_on: ['patients'] }] };
  const role = (shape: string) => modelOf({ ...withDependency, decisions: [pin('shape', shape), pin('tenancy', 'none')] })
    .security.dbRoles.find((r) => r.name === 'billing_core_rw');
  expect(role('modular-monolith')?.privileges).toEqual([
    { schema: 'billing_core', table: null, actions: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] },
    { schema: 'patients', table: null, actions: ['SELECT'] },
  ]);
  expect(role('microservices')?.privileges).toEqual([{ schema: 'billing_core', table: null, actions: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }]);
});

test('no sensitive data and not admin-heavy: no audit table', () => {
  const security = modelOf({ modules: [{ name: 'catalog' }], entities: [{ name: 'Item', module: 'catalog', fields: [{ name: 'id', type: 'uuid', key: true }] }] }).security;
  expect(security.audit.table).toBeNull();
});
