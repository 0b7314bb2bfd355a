import type { ColumnModel, TableModel } from '../../src/model/types.js';
import type { Entity, Module } from '../../src/spec/types.js';
import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

function table(spec: PartialSpec, entity: string): TableModel {
  const found = modelOf(spec).tables.find((t) => t.entity === entity);
  if (found === undefined) throw new Error(`no table for ${entity}`);
  return found;
}

function column(t: TableModel, name: string): ColumnModel {
  const found = t.columns.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no column ${name} in ${t.name}`);
  return found;
}

const modules: Module[] = [{ name: 'patients' }, { name: 'booking', depends_on: ['patients'] }];
const patient = {
  name: 'Patient', module: 'patients',
  fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'email', type: 'string', unique: true }],
} as const;

const multiTenant: PartialSpec = {
  modules: [{ name: 'accounts' }, ...modules],
  tenancy: { model: 'multi', tenants: 300, isolation: 'shared-schema' },
  decisions: [pin('tenancy', 'shared-schema')],
  entities: [
    { name: 'Tenant', module: 'accounts', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'slug', type: 'string', unique: true }] },
    { ...patient, fields: [...patient.fields] },
    {
      name: 'Appointment', module: 'booking',
      fields: [
        { name: 'id', type: 'uuid', key: true },
        { name: 'patient', type: 'ref', to: 'Patient' },
        { name: 'starts_at', type: 'timestamp' },
        { name: 'notes', type: 'text', optional: true },
      ],
      access: [{ by: ['patient', 'starts_at'], kind: 'list' }],
    },
  ],
};

describe('shared-schema tenancy', () => {
  const appointment = table(multiTenant, 'Appointment');

  test('the by-fields become a btree index led by tenant_id', () => {
    const index = appointment.indexes.find((i) => i.columns.includes('starts_at'));
    expect(index?.columns).toEqual(['tenant_id', 'patient_id', 'starts_at']);
    expect(index?.unique).toBe(false);
    expect(index?.method).toBe('btree');
  });

  test('a synthetic tenant_id uuid NOT NULL follows the key; field order is kept', () => {
    expect(appointment.columns.map((c) => c.name)).toEqual(['id', 'tenant_id', 'patient_id', 'starts_at', 'notes']);
    expect(column(appointment, 'tenant_id')).toMatchObject({ type: 'uuid', nullable: false, synthetic: true });
    expect(appointment.tenantScoped).toBe(true);
  });

  test('the FK column gets its own index: the tenant-led index does not start with it', () => {
    expect(appointment.indexes.map((i) => i.columns)).toContainEqual(['patient_id']);
  });

  test('tenant_id needs no index of its own when an index leads with it', () => {
    expect(appointment.indexes.map((i) => i.columns)).not.toContainEqual(['tenant_id']);
  });

  test('unique constraints lead with tenant_id', () => {
    const p = table(multiTenant, 'Patient');
    expect(p.indexes.filter((i) => i.unique).map((i) => i.columns)).toEqual([['tenant_id', 'email']]);
  });

  test('the Tenant entity has no tenant_id and is not tenant-scoped', () => {
    const tenant = table(multiTenant, 'Tenant');
    expect(tenant.columns.map((c) => c.name)).toEqual(['id', 'slug']);
    expect(tenant.tenantScoped).toBe(false);
    expect(tenant.indexes.map((i) => i.columns)).toEqual([['slug']]);
  });

  test('a ref field named tenant to Tenant is the tenant column itself', () => {
    const spec: PartialSpec = {
      ...multiTenant,
      entities: [
        ...(multiTenant.entities ?? []),
        { name: 'Invite', module: 'accounts', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'tenant', type: 'ref', to: 'Tenant' }, { name: 'code', type: 'string' }] },
      ],
    };
    const invite = table(spec, 'Invite');
    expect(invite.columns.map((c) => c.name)).toEqual(['id', 'tenant_id', 'code']);
    expect(column(invite, 'tenant_id')).toMatchObject({ type: 'ref', nullable: false, references: { entity: 'Tenant', table: 'tenant', schema: 'accounts', column: 'id' } });
  });
});

describe('columns', () => {
  test('an entity without a key gets a synthetic id uuid key first', () => {
    const t = table({ entities: [{ name: 'LogLine', module: 'core-domain', fields: [{ name: 'message', type: 'text' }] }] }, 'LogLine');
    expect(t.columns[0]).toMatchObject({ name: 'id', type: 'uuid', key: true, nullable: false, synthetic: true });
    expect(t.primaryKey).toEqual(['id']);
  });

  test('a ref column carries the referenced key type and column; optional means nullable, a key never is', () => {
    const t = table({
      entities: [
        { name: 'Country', module: 'core-domain', fields: [{ name: 'code', type: 'string', key: true }] },
        { name: 'Address', module: 'core-domain', fields: [{ name: 'id', type: 'bigint', key: true }, { name: 'country', type: 'ref', to: 'Country', optional: true }, { name: 'line', type: 'string', default: '' }] },
      ],
    }, 'Address');
    expect(column(t, 'country_id')).toMatchObject({ field: 'country', refKeyType: 'string', nullable: true, references: { table: 'country', column: 'code', onDelete: 'SET NULL' } });
    expect(column(t, 'id').nullable).toBe(false);
    expect(column(t, 'line').default).toBe('');
  });

  test('enum values and per-field sensitivity (the field level wins over the entity level)', () => {
    const t = table({
      entities: [{
        name: 'Visit', module: 'core-domain', sensitivity: 'pii',
        fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'state', type: 'enum', values: ['open', 'closed'], sensitivity: 'internal' }, { name: 'diagnosis', type: 'text', sensitivity: 'phi' }],
      }],
    }, 'Visit');
    expect(column(t, 'state')).toMatchObject({ enumValues: ['open', 'closed'], sensitivity: 'internal' });
    expect(column(t, 'diagnosis').sensitivity).toBe('phi');
    expect(column(t, 'id').sensitivity).toBe('pii');
    expect(t.sensitivity).toBe('phi');
    expect(t.audited).toBe(true);
  });
});

describe('ON DELETE rule', () => {
  const spec: PartialSpec = {
    modules: [{ name: 'sales' }, { name: 'crm' }],
    entities: [
      { name: 'Customer', module: 'crm', fields: [{ name: 'id', type: 'uuid', key: true }] },
      { name: 'Order', module: 'sales', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'customer', type: 'ref', to: 'Customer' }] },
      { name: 'OrderLine', module: 'sales', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'order', type: 'ref', to: 'Order' }] },
      { name: 'OrderNote', module: 'sales', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'order', type: 'ref', to: 'Order' }, { name: 'body', type: 'text', sensitivity: 'pii' }] },
      { name: 'Shipment', module: 'sales', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'order', type: 'ref', to: 'Order' }] },
      { name: 'Parcel', module: 'sales', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'shipment', type: 'ref', to: 'Shipment' }, { name: 'order', type: 'ref', to: 'Order', optional: true }] },
    ],
  };
  const model = modelOf(spec);
  const onDelete = (entity: string, col: string) => model.tables.find((t) => t.entity === entity)?.columns.find((c) => c.name === col)?.references?.onDelete;

  test.each([
    ['Order', 'customer_id', 'RESTRICT', 'a required ref across modules'],
    ['OrderLine', 'order_id', 'CASCADE', 'a required ref to the same module from a leaf child'],
    ['OrderNote', 'order_id', 'RESTRICT', 'an audited (pii) child is deleted explicitly'],
    ['Shipment', 'order_id', 'RESTRICT', 'a child other rows reference is not a leaf'],
    ['Parcel', 'order_id', 'SET NULL', 'an optional ref'],
  ])('%s.%s → %s (%s)', (entity, col, expected) => {
    expect(onDelete(entity, col)).toBe(expected);
  });

  test('under microservices a cross-module reference crosses a service boundary; same-module ones do not', () => {
    const services = modelOf({ ...spec, decisions: [pin('shape', 'microservices')] });
    const ref = (entity: string, col: string) => services.tables.find((t) => t.entity === entity)?.columns.find((c) => c.name === col)?.references;
    expect(ref('Order', 'customer_id')?.crossesService).toBe(true);
    expect(ref('OrderLine', 'order_id')?.crossesService).toBe(false);
    expect(model.tables.find((t) => t.entity === 'Order')?.columns.find((c) => c.name === 'customer_id')?.references?.crossesService).toBe(false);
  });
});

describe('index derivation', () => {
  const base = {
    name: 'Member', module: 'core-domain',
    fields: [
      { name: 'id', type: 'uuid', key: true },
      { name: 'email', type: 'string', unique: true },
      { name: 'team', type: 'string' },
      { name: 'joined_at', type: 'timestamp' },
      { name: 'bio', type: 'text', optional: true },
    ],
  } as const;

  test('get by the key adds nothing: the primary key serves it', () => {
    const t = table({ entities: [{ ...base, fields: [...base.fields], access: [{ by: ['id'], kind: 'get' }] }] }, 'Member');
    expect(t.indexes.map((i) => i.columns)).toEqual([['email']]);
    expect(t.notes.some((n) => n.includes('primary key'))).toBe(true);
  });

  test('get by a unique field is served by its unique index; get by other fields is a plain, non-unique index', () => {
    const t = table({ entities: [{ ...base, fields: [...base.fields], access: [{ by: ['email'], kind: 'get' }, { by: ['team', 'joined_at'], kind: 'get' }] }] }, 'Member');
    expect(t.indexes.map((i) => [i.columns, i.unique])).toEqual([[['email'], true], [['team', 'joined_at'], false]]);
  });

  test('an access that is a prefix of another is dropped', () => {
    const t = table({ entities: [{ ...base, fields: [...base.fields], access: [{ by: ['team'] }, { by: ['team', 'joined_at'] }] }] }, 'Member');
    expect(t.indexes.map((i) => i.columns)).toEqual([['email'], ['team', 'joined_at']]);
  });

  test('a deleted_at field makes access indexes partial; no predicate is invented without it', () => {
    const soft = table({ entities: [{ ...base, fields: [...base.fields, { name: 'deleted_at', type: 'timestamp', optional: true }], access: [{ by: ['team'] }] }] }, 'Member');
    expect(soft.indexes.find((i) => i.columns[0] === 'team')?.where).toBe('deleted_at IS NULL');
    const plain = table({ entities: [{ ...base, fields: [...base.fields], access: [{ by: ['team'] }] }] }, 'Member');
    expect(plain.indexes.every((i) => i.where === null)).toBe(true);
  });

  test('a search access gets a GIN index under postgres-fts and none under search-engine', () => {
    const withSearch = (choice: string) => table({ entities: [{ ...base, fields: [...base.fields], access: [{ search: ['bio', 'team'] }] }], decisions: [pin('search', choice)] }, 'Member');
    expect(withSearch('postgres-fts').indexes.filter((i) => i.method === 'gin').map((i) => i.columns)).toEqual([['bio', 'team']]);
    expect(withSearch('search-engine').indexes.some((i) => i.method === 'gin')).toBe(false);
  });

  test('index names are shortened to 63 bytes', () => {
    const long = 'a_very_long_field_name_that_goes_on';
    const t = table({ entities: [{ name: 'Thing', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }, { name: long, type: 'string' }, { name: `${long}_again`, type: 'string' }], access: [{ by: [long, `${long}_again`] }] }] }, 'Thing');
    expect(t.indexes).toHaveLength(1);
    expect(Buffer.byteLength(t.indexes[0]!.name)).toBeLessThanOrEqual(63);
  });
});

test('index names never collide with another relation of the schema', () => {
  const model = modelOf({
    entities: [
      { name: 'Order', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'line_x', type: 'string' }], access: [{ by: ['line_x'] }] },
      { name: 'OrderLine', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'x', type: 'string' }], access: [{ by: ['x'] }] },
      { name: 'OrderLineXIdx', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }] },
    ],
  });
  const names = model.tables.flatMap((t) => t.indexes.map((i) => i.name));
  // Both derive order_line_x_idx, which is also a table name: neither index may use it, and they differ.
  expect(names).not.toContain('order_line_x_idx');
  expect(new Set(names).size).toBe(2);
});

describe('ephemeral entities follow the cache decision', () => {
  const presence = { name: 'Presence', module: 'core-domain', ephemeral: true, fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'seen_at', type: 'timestamp' }] } as const;

  const account = { name: 'Account', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }] } as const;

  test('with redis they have no table', () => {
    const model = modelOf({ entities: [{ ...account, fields: [...account.fields] }, { ...presence, fields: [...presence.fields] }], decisions: [pin('cache', 'redis')] });
    expect(model.tables.map((t) => t.entity)).toEqual(['Account']);
  });

  test('without a cache they keep a table marked ephemeral', () => {
    const model = modelOf({ entities: [{ ...account, fields: [...account.fields] }, { ...presence, fields: [...presence.fields] }], decisions: [pin('cache', 'none')] });
    expect(model.tables.map((t) => [t.entity, t.ephemeral])).toEqual([['Account', false], ['Presence', true]]);
  });
});

describe('partitioning and retention', () => {
  const event = (extra: Partial<Entity> = {}): Entity => ({
    name: 'Reading', module: 'core-domain',
    fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'recorded_at', type: 'timestamp' }, { name: 'value', type: 'decimal' }],
    volume: { rows: 50_000_000, rows_per_day: 1_000_000 },
    ...extra,
  });

  test('crossing 100M rows at the horizon partitions by the timestamp; the key grows by it', () => {
    // 50M + 1M × 365 × 1 year = 415M ≥ 100M; 1M rows/day × 30 < 100M ⇒ monthly.
    const t = table({ traffic: { horizon_years: 1 }, entities: [event()] }, 'Reading');
    expect(t.partitioning).toMatchObject({ column: 'recorded_at', interval: 'month' });
    expect(t.primaryKey).toEqual(['id', 'recorded_at']);
  });

  test('daily partitions when a month of rows alone crosses the threshold; delete retention drops partitions', () => {
    const t = table({ traffic: { horizon_years: 1 }, entities: [event({ volume: { rows: 0, rows_per_day: 5_000_000 }, retention: { days: 30, then: 'delete' } })] }, 'Reading');
    // 5M/day × 30 days retention = 150M rows ≥ 100M; 5M × 30 ≥ 100M ⇒ daily.
    expect(t.partitioning?.interval).toBe('day');
    expect(t.retention?.mechanism).toContain('drops');
  });

  test('a table below the threshold is not partitioned and archives with a job on its timestamp', () => {
    const t = table({ traffic: { horizon_years: 1 }, entities: [event({ volume: { rows: 1000, rows_per_day: 10 }, retention: { days: 365, then: 'archive' } })] }, 'Reading');
    expect(t.partitioning).toBeNull();
    expect(t.retention).toMatchObject({ days: 365, then: 'archive' });
    expect(t.retention?.mechanism).toContain('recorded_at');
  });

  test('a unique field blocks partitioning, with a note', () => {
    const t = table({ traffic: { horizon_years: 1 }, entities: [event({ fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'recorded_at', type: 'timestamp' }, { name: 'serial', type: 'string', unique: true }] })] }, 'Reading');
    expect(t.partitioning).toBeNull();
    expect(t.notes.some((n) => n.startsWith('Not partitioned'))).toBe(true);
  });
});

describe('audit flag', () => {
  test('admin_heavy marks tables written by flows of privileged roles', () => {
    const model = modelOf({
      auth: { roles: ['admin', 'member'], admin_heavy: true },
      entities: [
        { name: 'Setting', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }] },
        { name: 'Note', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }] },
      ],
      flows: [
        { name: 'change-setting', kind: 'request', actor: 'admin', touches: ['Setting'], writes: ['Setting'] },
        { name: 'write-note', kind: 'request', actor: 'member', touches: ['Note'], writes: ['Note'] },
      ],
    });
    expect(model.tables.map((t) => [t.entity, t.audited])).toEqual([['Note', false], ['Setting', true]]);
  });
});

test('no tables without PostgreSQL', () => {
  expect(modelOf({ entities: [{ name: 'Thing', module: 'core-domain', fields: [{ name: 'id', type: 'uuid', key: true }] }], decisions: [pin('primary-store', 'none')] }).tables).toEqual([]);
});
