// The sql emitter against a real PostgreSQL (PGlite): every schema.sql applies to an empty database and its constraints
// and row-level security reject what they must.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { sqlGenerator } from '../../generators/sql/index.js';
import { qualified, quoteIdent } from '../../generators/sql/sql-text.js';
import { noPositions } from '../../src/load/locator.js';
import type { ArchitectureModel, TableModel } from '../../src/model/types.js';
import { runPasses } from '../../src/passes/index.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import fc from 'fast-check';
import { freeTextModel, hostileModel, reservedWordsModel, tenantModel } from '../fixtures/models/sql-models.js';
import { sharedDatabase, type Session } from '../helpers/pglite.js';
import { RowFactory, uuidOf } from './sql-rows.js';

const db = sharedDatabase();
afterAll(() => db.close());

async function schemaSql(model: ArchitectureModel): Promise<string> {
  const files = await sqlGenerator.generate(model);
  expect(files.map((f) => f.path)).toEqual(['schema.sql']);
  return (files[0] as { content: string }).content;
}

async function count(session: Session, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await session.rows<{ n: number | string }>(sql, params);
  return Number(rows[0]?.n);
}

/** A login-less role like the application's: not a superuser, not the owner, so RLS applies to it. */
async function createAppUser(session: Session, schemas: readonly string[]): Promise<void> {
  await session.exec('CREATE ROLE app_user NOLOGIN');
  for (const schema of schemas) {
    await session.exec(`GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO app_user`);
    await session.exec(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${quoteIdent(schema)} TO app_user`);
  }
}

const A = uuidOf(0xa0001);
const B = uuidOf(0xb0001);
const MEMBER_A = uuidOf(0xa0002);
const MEMBER_B = uuidOf(0xb0002);

describe('schema.sql output', () => {
  test('is emitted only when primary-store is postgresql', async () => {
    const none = tenantModel();
    none.decisions = none.decisions.map((d) => (d.id === 'primary-store' ? { ...d, choice: 'none' } : d));
    expect(await sqlGenerator.generate(none)).toEqual([]);
    const undecided = tenantModel();
    undecided.decisions = undecided.decisions.filter((d) => d.id !== 'primary-store');
    expect(await sqlGenerator.generate(undecided)).toEqual([]);
  });

  test('is deterministic, LF-only, with exactly one trailing newline', async () => {
    for (const build of [tenantModel, hostileModel]) {
      const first = await schemaSql(build());
      expect(await schemaSql(build())).toBe(first);
      expect(first).not.toContain('\r');
      expect(first.endsWith('\n')).toBe(true);
      expect(first.endsWith('\n\n')).toBe(false);
    }
  });

  test('does not depend on the order of tables, modules, indexes or roles in the model', async () => {
    const shuffled = tenantModel();
    shuffled.tables = [...shuffled.tables].reverse().map((t) => ({ ...t, indexes: [...t.indexes].reverse() }));
    shuffled.modules = [...shuffled.modules].reverse();
    shuffled.decisions = [...shuffled.decisions].reverse();
    shuffled.security.dbRoles = [...shuffled.security.dbRoles, { name: 'aaa_readonly', grants: 'SELECT' }].reverse();
    const base = tenantModel();
    base.security.dbRoles = [...base.security.dbRoles, { name: 'aaa_readonly', grants: 'SELECT' }];
    expect(await schemaSql(shuffled)).toBe(await schemaSql(base));
  });

  test('creates tables in foreign-key order and defers cycle and self-reference keys', async () => {
    const sql = await schemaSql(tenantModel());
    const at = (table: string): number => sql.indexOf(`CREATE TABLE ${table} (`);
    expect(at('"accounts"."tenant"')).toBeGreaterThan(0);
    expect(at('"accounts"."tenant"')).toBeLessThan(at('"accounts"."member"'));
    expect(at('"accounts"."member"')).toBeLessThan(at('"billing"."invoice"'));
    expect(at('"billing"."invoice"')).toBeLessThan(at('"billing"."invoice_line"'));
    // member ⇄ invoice is a cycle: member (smaller name) comes first, its key to invoice is added afterwards.
    expect(sql).toContain('ALTER TABLE "accounts"."member" ADD FOREIGN KEY ("tenant_id", "default_invoice_id") REFERENCES "billing"."invoice" ("tenant_id", "id") ON DELETE SET NULL ("default_invoice_id");');
    expect(sql).toContain('ALTER TABLE "billing"."invoice_line" ADD FOREIGN KEY ("tenant_id", "parent_line_id") REFERENCES "billing"."invoice_line"');
    // A by-id reference across services has no foreign key.
    expect(sql).not.toMatch(/REFERENCES "payments"\."payment"/);
  });

  test('spells out declared renames as expand/contract steps', async () => {
    const sql = await schemaSql(tenantModel());
    expect(sql).toContain('-- - Schema billing replaces invoicing:');
    expect(sql).toContain('-- - Table billing.invoice replaces bill: release 1 creates invoice and writes both');
    expect(sql).toContain('-- - Column billing.invoice.member_id replaces author_id: release 1 adds member_id as nullable');
    expect(sql).toContain('-- - Column billing.invoice.number replaces reference_no:');
    expect(sql).not.toMatch(/RENAME/);
  });

  test('maps types without the money type and writes the migration and tenancy notes', async () => {
    const sql = await schemaSql(tenantModel());
    expect(sql).toContain('"total" numeric(19,4) NOT NULL DEFAULT 0');
    expect(sql).toContain('"quantity" numeric(18,6) NOT NULL DEFAULT 1.5');
    expect(sql).toContain('"issued_at" timestamptz');
    expect(sql).not.toMatch(/" money\b/);
    expect(sql).toMatch(/^-- schema\.sql for tenant-fixture: PostgreSQL DDL generated by archc/);
    expect(sql).toContain('Expand');
    expect(sql).toContain('Contract');
    expect(sql).toContain('Never rename or drop');
    expect(sql).toContain('Tenant isolation (shared-schema)');
    expect(sql).toContain('-- Service boundaries: no foreign key crosses into or out of the schemas of separately deployed services');
    expect(sql).toContain('--   payments.\n');
    const hostile = await schemaSql(hostileModel());
    expect(hostile).toContain('Tenant isolation (schema-per-tenant)');
    expect(hostile).toContain('per-tenant template');
    const perDatabase = hostileModel();
    perDatabase.decisions = perDatabase.decisions.map((d) => (d.id === 'tenancy' ? { ...d, choice: 'database-per-tenant' } : d));
    expect(await schemaSql(perDatabase)).toContain("applied to each tenant's database");
  });
});

describe('shared-schema tenant fixture on PostgreSQL', () => {
  const model = tenantModel();
  let sql = '';
  beforeAll(async () => {
    sql = await schemaSql(model);
  });

  /** Applies the DDL, then two tenants with one member each. */
  async function seeded(session: Session): Promise<void> {
    await session.exec(sql);
    await session.rows('INSERT INTO accounts.tenant (id, slug) VALUES ($1, $2), ($3, $4)', [A, 'a', B, 'b']);
    await session.rows('INSERT INTO accounts.member (id, tenant_id, email) VALUES ($1, $2, $3), ($4, $5, $6)', [MEMBER_A, A, 'x@a.test', MEMBER_B, B, 'x@b.test']);
  }

  test('applies cleanly and creates every table', () => db.inRollback(async (session) => {
    await session.exec(sql);
    const tables = await session.rows<{ t: string }>(
      "SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('accounts', 'billing', 'payments', 'audit') ORDER BY 1");
    expect(tables.map((r) => r.t)).toEqual([
      'accounts.member', 'accounts.tenant', 'audit.audit_log', 'billing.invoice', 'billing.invoice_line',
      'billing.ledger_entry', 'billing.ledger_entry_default', 'payments.payment',
    ]);
  }));

  test('rejects NOT NULL, CHECK, enum, UNIQUE and FOREIGN KEY violations', () => db.inRollback(async (session) => {
    await seeded(session);
    expect((await session.error('INSERT INTO accounts.member (tenant_id) VALUES ($1)', [A]))?.code).toBe('23502');
    expect((await session.error("INSERT INTO accounts.member (tenant_id, email, role) VALUES ($1, 'y@a.test', 'boss')", [A]))?.code).toBe('23514');
    expect((await session.error('INSERT INTO accounts.member (tenant_id, email) VALUES ($1, $2)', [A, 'a'.repeat(256)]))?.code).toBe('23514');
    expect(await session.error('INSERT INTO accounts.member (tenant_id, email) VALUES ($1, $2)', [A, 'a'.repeat(255)])).toBeNull();
    // email is unique within a tenant, not across tenants.
    expect((await session.error("INSERT INTO accounts.member (tenant_id, email) VALUES ($1, 'x@a.test')", [A]))?.code).toBe('23505');
    expect(await session.error("INSERT INTO accounts.member (tenant_id, email) VALUES ($1, 'x@a.test')", [B])).toBeNull();
    expect((await session.error("INSERT INTO accounts.member (tenant_id, email) VALUES ($1, 'z@a.test')", [uuidOf(0xdead)]))?.code).toBe('23503');
    expect((await session.error("INSERT INTO billing.invoice (tenant_id, member_id, number) VALUES ($1, $2, 'n1')", [A, uuidOf(0xdead)]))?.code).toBe('23503');
  }));

  test('a reference never points at another tenant\'s row', () => db.inRollback(async (session) => {
    await seeded(session);
    expect(await session.error("INSERT INTO billing.invoice (tenant_id, member_id, number) VALUES ($1, $2, 'n1')", [A, MEMBER_A])).toBeNull();
    expect((await session.error("INSERT INTO billing.invoice (tenant_id, member_id, number) VALUES ($1, $2, 'n2')", [B, MEMBER_A]))?.code).toBe('23503');
  }));

  test('deferred keys hold; ON DELETE CASCADE, SET NULL and RESTRICT behave; by-id references are free', () => db.inRollback(async (session) => {
    await seeded(session);
    const invoice = uuidOf(0xa0003);
    await session.rows("INSERT INTO billing.invoice (id, tenant_id, member_id, number, payment_id) VALUES ($1, $2, $3, 'n1', $4)", [invoice, A, MEMBER_A, uuidOf(0x9999)]);
    expect((await session.error('UPDATE accounts.member SET default_invoice_id = $1 WHERE id = $2', [uuidOf(0xdead), MEMBER_A]))?.code).toBe('23503');
    expect(await session.error('UPDATE accounts.member SET default_invoice_id = $1 WHERE id = $2', [invoice, MEMBER_A])).toBeNull();
    const parent = uuidOf(0xa0004);
    await session.rows('INSERT INTO billing.invoice_line (id, tenant_id, invoice_id, amount) VALUES ($1, $2, $3, 10)', [parent, A, invoice]);
    expect((await session.error('INSERT INTO billing.invoice_line (tenant_id, invoice_id, parent_line_id, amount) VALUES ($1, $2, $3, 1)', [A, invoice, uuidOf(0xdead)]))?.code).toBe('23503');
    const child = uuidOf(0xa0005);
    await session.rows('INSERT INTO billing.invoice_line (id, tenant_id, invoice_id, parent_line_id, amount) VALUES ($1, $2, $3, $4, 1)', [child, A, invoice, parent]);
    // SET NULL clears only parent_line_id; tenant_id (NOT NULL) stays.
    await session.rows('DELETE FROM billing.invoice_line WHERE id = $1', [parent]);
    expect(await session.rows('SELECT parent_line_id, tenant_id FROM billing.invoice_line WHERE id = $1', [child])).toEqual([{ parent_line_id: null, tenant_id: A }]);
    // ON DELETE RESTRICT reports restrict_violation.
    expect((await session.error('DELETE FROM accounts.member WHERE id = $1', [MEMBER_A]))?.code).toBe('23001');
    await session.rows('UPDATE accounts.member SET default_invoice_id = NULL WHERE id = $1', [MEMBER_A]);
    await session.rows('DELETE FROM billing.invoice WHERE id = $1', [invoice]);
    expect(await count(session, 'SELECT count(*) AS n FROM billing.invoice_line')).toBe(0);
  }));

  test('defaults, precision, the default partition, full-text search and the audit trail work', () => db.inRollback(async (session) => {
    await seeded(session);
    expect(await session.rows('SELECT plan FROM accounts.tenant WHERE id = $1', [A])).toEqual([{ plan: 'trial' }]);
    const invoice = uuidOf(0xa0006);
    await session.rows("INSERT INTO billing.invoice (id, tenant_id, member_id, number, total, notes) VALUES ($1, $2, $3, 'INV-7', 12.34567, 'Quarterly retainer')", [invoice, A, MEMBER_A]);
    expect(await session.rows('SELECT total::text AS total, status FROM billing.invoice WHERE id = $1', [invoice])).toEqual([{ total: '12.3457', status: 'draft' }]);
    const found = await session.rows<{ id: string }>(
      "SELECT id FROM billing.invoice WHERE to_tsvector('simple', coalesce(\"notes\", '') || ' ' || coalesce(\"number\", '')) @@ websearch_to_tsquery('simple', 'retainer')");
    expect(found.map((r) => r.id)).toEqual([invoice]);
    expect(await session.rows("SELECT indexdef LIKE '%USING gin%' AS gin FROM pg_indexes WHERE indexname = 'invoice_notes_number_fts'")).toEqual([{ gin: true }]);
    await session.rows('INSERT INTO billing.ledger_entry (tenant_id, amount) VALUES ($1, 5)', [A]);
    expect(await session.rows('SELECT tableoid::regclass::text AS part FROM billing.ledger_entry')).toEqual([{ part: 'billing.ledger_entry_default' }]);
    const audit = await session.rows<{ action: string; entity: string; row_id: string; tenant_id: string; number: string }>(
      "SELECT action, entity, row_id, tenant_id, after ->> 'number' AS number FROM audit.audit_log");
    expect(audit).toEqual([{ action: 'INSERT', entity: 'billing.invoice', row_id: invoice, tenant_id: A, number: 'INV-7' }]);
    expect(await session.rows("SELECT col_description('billing.invoice'::regclass, 9) LIKE 'By-id reference to payments.payment.id, no foreign key: module payments deploys as a separate service%' AS byid")).toEqual([{ byid: true }]);
    expect(await session.rows("SELECT col_description('accounts.member'::regclass, 3) LIKE 'Sensitive (pii)%' AS pii")).toEqual([{ pii: true }]);
  }));

  test('row-level security hides other tenants and refuses their rows', () => db.inRollback(async (session) => {
    await seeded(session);
    await session.rows("INSERT INTO billing.ledger_entry (tenant_id, amount) VALUES ($1, 1), ($2, 2)", [A, B]);
    const forced = await session.rows<{ t: string }>(
      "SELECT oid::regclass::text AS t FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relnamespace::regnamespace::text IN ('accounts', 'billing', 'payments') ORDER BY 1");
    expect(forced.map((r) => r.t)).toEqual([
      'accounts.member', 'billing.invoice', 'billing.invoice_line', 'billing.ledger_entry', 'billing.ledger_entry_default', 'payments.payment',
    ]);
    await createAppUser(session, ['accounts', 'billing', 'payments']);
    await session.exec('SET ROLE app_user');
    await session.exec("SET app.tenant_id = ''");
    expect(await session.error('SELECT count(*) FROM accounts.member')).not.toBeNull();
    await session.exec(`SET app.tenant_id = '${A}'`);
    expect(await session.rows('SELECT email FROM accounts.member ORDER BY email')).toEqual([{ email: 'x@a.test' }]);
    expect(await session.rows('SELECT amount::int AS amount FROM billing.ledger_entry')).toEqual([{ amount: 1 }]);
    expect(await session.rows('SELECT amount::int AS amount FROM billing.ledger_entry_default')).toEqual([{ amount: 1 }]);
    expect((await session.error("INSERT INTO accounts.member (tenant_id, email) VALUES ($1, 'evil@b.test')", [B]))?.code).toBe('42501');
    expect((await session.error('UPDATE accounts.member SET tenant_id = $1 WHERE id = $2', [B, MEMBER_A]))?.code).toBe('42501');
    // Tenant B's row is not visible, so an update aimed at it touches nothing.
    expect(await session.rows('UPDATE accounts.member SET email = $1 WHERE id = $2 RETURNING id', ['hijack@b.test', MEMBER_B])).toEqual([]);
    // Writes go through for the tenant in the setting, and the audit trigger records them without any grant on audit.
    expect(await session.error("INSERT INTO billing.invoice (tenant_id, member_id, number) VALUES ($1, $2, 'A-1')", [A, MEMBER_A])).toBeNull();
    expect((await session.error('SELECT * FROM audit.audit_log'))?.code).toBe('42501');
    await session.exec('RESET ROLE');
    expect(await session.rows('SELECT email FROM accounts.member WHERE id = $1', [MEMBER_B])).toEqual([{ email: 'x@b.test' }]);
    expect(await count(session, "SELECT count(*) AS n FROM audit.audit_log WHERE entity = 'billing.invoice' AND tenant_id = $1", [A])).toBe(1);
  }));

  test('creates the least-privilege roles with their grants, also in a cluster that already has them', () => db.inRollback(async (session) => {
    expect(sql).toContain("IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'billing_rw') THEN");
    await session.exec(sql);
    await session.exec('DROP SCHEMA accounts, billing, payments, audit CASCADE');
    // Roles are cluster-wide: a second database in the same cluster already has billing_rw.
    await session.exec(sql);
    expect(await session.rows(
      "SELECT has_table_privilege('billing_rw', 'billing.invoice', 'DELETE') AS billing_delete, has_table_privilege('billing_rw', 'accounts.member', 'SELECT') AS accounts_select, has_table_privilege('billing_rw', 'accounts.member', 'INSERT') AS accounts_insert, rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = 'billing_rw'",
    )).toEqual([{ billing_delete: true, accounts_select: true, accounts_insert: false, rolcanlogin: false, rolbypassrls: false }]);
  }));
});

describe('a Tenant entity keyed by a string', () => {
  /** The tenant fixture with Tenant.id a string: tenant_id columns and the policy follow that type. */
  function slugTenantModel(): ArchitectureModel {
    const model = tenantModel();
    model.tables = model.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => {
        if (table.entity === 'Tenant' && column.key) return { ...column, type: 'string' as const };
        return column.name === 'tenant_id' ? { ...column, refKeyType: 'string' as const } : column;
      }),
    }));
    return model;
  }

  test('the policy compares tenant_id as text and still isolates tenants', () => db.inRollback(async (session) => {
    const sql = await schemaSql(slugTenantModel());
    expect(sql).toContain(`USING ("tenant_id" = current_setting('app.tenant_id')::text)`);
    await session.exec(sql);
    await session.exec("INSERT INTO accounts.tenant (id, slug) VALUES ('acme', 'acme'), ('globex', 'globex')");
    await session.exec("INSERT INTO accounts.member (tenant_id, email) VALUES ('acme', 'a@acme.test'), ('globex', 'g@globex.test')");
    await createAppUser(session, ['accounts']);
    await session.exec('SET ROLE app_user');
    await session.exec("SET app.tenant_id = 'acme'");
    expect(await session.rows('SELECT email FROM accounts.member')).toEqual([{ email: 'a@acme.test' }]);
    expect((await session.error("INSERT INTO accounts.member (tenant_id, email) VALUES ('globex', 'x@globex.test')"))?.code).toBe('42501');
  }));
});

describe('hostile names and free text', () => {
  const model = hostileModel();
  const nasty = `it's "x" */ -- $$ \\ ; DROP TABLE x; $archc$`;

  test('the DDL applies and keeps every name and text exactly', () => db.inRollback(async (session) => {
    await session.exec(await schemaSql(model));
    await session.exec('INSERT INTO "user"."user" DEFAULT VALUES');
    expect(await session.rows('SELECT "end", "table", "select", "group" ->> \'a\' AS a, "from" = CURRENT_DATE AS today FROM "user"."user"')).toEqual([
      { end: "O'Brien", table: `it's "x"`, select: true, a: "it's", today: true },
    ]);
    expect(await session.error('INSERT INTO "user"."user" ("table") VALUES ($1)', ['$$'])).toBeNull();
    expect((await session.error('INSERT INTO "user"."user" ("table") VALUES ($1)', ['it\'s']))?.code).toBe('23514');
    expect(await session.rows(`SELECT obj_description('"user"."user"'::regclass, 'pg_class') AS c`)).toEqual([{ c: `Users ${nasty}.` }]);
    expect(await session.rows(`SELECT obj_description('"group"'::regnamespace, 'pg_namespace') AS c`)).toEqual([{ c: 'Module group: Groups\nsecond line -- not a comment end */.' }]);
    // The role name holds the default dollar-quote tag, so its DO block needs another tag.
    expect(await session.rows('SELECT rolname FROM pg_roles WHERE rolname = $1', [`role'$archc$"x`])).toEqual([{ rolname: `role'$archc$"x` }]);
    expect(await session.rows("SELECT has_table_privilege($1, '\"user\".\"user\"', 'SELECT') AS can", [`role'$archc$"x`])).toEqual([{ can: true }]);
    // blob-store none: the bytes live in the row.
    expect(await session.rows("SELECT data_type FROM information_schema.columns WHERE table_schema = 'user' AND column_name = 'avatar'")).toEqual([{ data_type: 'bytea' }]);
  }));

  test('identifiers over 63 bytes are shortened to distinct stable names', () => db.inRollback(async (session) => {
    await session.exec(await schemaSql(model));
    const long = await session.rows<{ relname: string; relkind: string; relpersistence: string }>(
      "SELECT relname, relkind, relpersistence FROM pg_class WHERE relname LIKE 'a_table_name_that_is_much_longer%' ORDER BY relname");
    for (const row of long) expect(Buffer.byteLength(row.relname)).toBeLessThanOrEqual(63);
    const tables = long.filter((row) => row.relkind === 'r');
    expect(tables).toHaveLength(1);
    const table = tables[0] as { relname: string; relpersistence: string };
    expect(table.relname).toMatch(/^a_table_name_that_is_much_longer_than_the_sixty_three_[0-9a-f]{8}$/);
    // The ephemeral table is UNLOGGED (nothing durable references it).
    expect(table.relpersistence).toBe('u');
    // The two long index names share their first 63 bytes; the hash keeps them apart, so both exist on "order".
    const orderIndexes = await session.rows<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'select' AND tablename = 'order' AND indexname LIKE 'a_table_name%' ORDER BY indexname");
    expect(orderIndexes).toHaveLength(2);
    expect(new Set(orderIndexes.map((r) => r.indexname)).size).toBe(2);
    expect(await session.error(`INSERT INTO ${qualified('group', table.relname)} ("order_id", "where") VALUES ($1, 'w')`, [uuidOf(1)])).toMatchObject({ code: '23503' });
  }));
});

/** The table comment keeps the text and ends it as a sentence. */
function withFullStop(text: string): string {
  return ['.', '!', '?'].includes(text.slice(-1)) ? text : `${text}.`;
}

describe('adversarial names and text', () => {
  test('every PostgreSQL keyword works as a schema, table and column name', () => db.inRollback(async (session) => {
    // PostgreSQL's own keyword list, reserved and non-reserved, restricted to names the spec language allows.
    const keywords = (await session.rows<{ word: string }>('SELECT word FROM pg_get_keywords() ORDER BY word'))
      .map((r) => r.word).filter((w) => /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(w));
    expect(keywords).toEqual(expect.arrayContaining(['user', 'order', 'group', 'select', 'end', 'table', 'from', 'where']));
    const words = ['user', 'order', ...keywords.filter((w) => w !== 'user' && w !== 'order').slice(0, 30)];
    await session.exec(await schemaSql(reservedWordsModel(words)));
    expect(await count(session, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'user'")).toBe(words.length);
    await session.exec('INSERT INTO "user"."user" ("order") VALUES (\'o\')');
    expect((await session.error('INSERT INTO "user"."user" ("order") VALUES (\'o\')'))?.code).toBe('23505');
  }));

  test('any free text in enum values, defaults and descriptions yields DDL that applies and keeps the text', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\u0000'));
    const enumValue = text.filter((s) => Buffer.byteLength(s) <= 63);
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(enumValue, { minLength: 1, maxLength: 4 }), text, text,
      async (enumValues, stringDefault, description) => db.inRollback(async (session) => {
        await session.exec(await schemaSql(freeTextModel({ enumValues, stringDefault, description })));
        await session.exec('INSERT INTO notes.note DEFAULT VALUES');
        expect(await session.rows('SELECT kind, title FROM notes.note')).toEqual([{ kind: enumValues[0], title: stringDefault }]);
        expect(await session.rows("SELECT obj_description('notes.note'::regclass, 'pg_class') AS c")).toEqual([{ c: description.trim() === '' ? 'Entity Note.' : withFullStop(description.trim()) }]);
        for (const value of enumValues) expect(await session.error('INSERT INTO notes.note (kind) VALUES ($1)', [value])).toBeNull();
      })), { numRuns: 8, seed: 20261125 });
  });
});

const SAMPLES = readdirSync('samples', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

function sampleModel(name: string): ArchitectureModel {
  return runPasses(normalizeSpec(parse(readFileSync(`samples/${name}/system.yaml`, 'utf8'))), noPositions);
}

describe.each(SAMPLES)('sample %s', (name) => {
  // Built in beforeAll, so a sample the passes cannot build fails its own tests, not the whole file.
  let model: ArchitectureModel;
  let postgres = false;
  let sql = '';
  beforeAll(async () => {
    model = sampleModel(name);
    postgres = model.decisions.some((d) => d.id === 'primary-store' && d.choice === 'postgresql');
    if (postgres) sql = await schemaSql(model);
  });

  test('schema.sql is deterministic, applies to an empty database and creates every table and role', () => db.inRollback(async (session) => {
    if (!postgres) {
      expect(await sqlGenerator.generate(model)).toEqual([]);
      return;
    }
    expect(await schemaSql(sampleModel(name))).toBe(sql);
    await session.exec(sql);
    for (const table of model.tables) {
      expect(await session.rows('SELECT to_regclass($1) IS NOT NULL AS exists', [qualified(table.schema, table.name)])).toEqual([{ exists: true }]);
    }
    // Database roles exist and hold exactly the privileges the model grants on each module schema.
    for (const role of model.security.dbRoles) {
      expect(await session.rows('SELECT rolcanlogin, rolbypassrls FROM pg_roles WHERE rolname = $1', [role.name])).toEqual([{ rolcanlogin: false, rolbypassrls: false }]);
      for (const schema of [...new Set(model.tables.map((t) => t.schema))]) {
        const table = model.tables.find((t) => t.schema === schema) as TableModel;
        const granted = new Set((role.privileges ?? []).filter((p) => p.schema === schema && p.table === null).flatMap((p) => p.actions));
        for (const action of ['SELECT', 'INSERT', 'UPDATE', 'DELETE']) {
          const [row] = await session.rows<{ has: boolean }>('SELECT has_table_privilege($1, $2, $3) AS has', [role.name, qualified(table.schema, table.name), action]);
          expect({ role: role.name, schema, action, has: row?.has }).toEqual({ role: role.name, schema, action, has: granted.has(action as 'SELECT') });
        }
      }
    }
  }));

  test('every table takes a valid row and rejects NOT NULL, CHECK, UNIQUE and FOREIGN KEY violations', () => db.inRollback(async (session) => {
    if (!postgres) return;
    await session.exec(sql);
    const rows = new RowFactory(model, session);
    const tenant = model.tables.some((t) => t.tenantScoped) ? A : null;
    for (const table of model.tables) await checkConstraints(rows, table, tenant);
  }));

  test('row-level security isolates tenants in every tenant table', () => db.inRollback(async (session) => {
    const scoped = postgres ? model.tables.filter((t) => t.tenantScoped) : [];
    if (scoped.length === 0) return;
    await session.exec(sql);
    const rows = new RowFactory(model, session);
    const schemas = [...new Set(model.tables.map((t) => t.schema))];
    const seeded = [];
    for (const table of scoped) {
      const a = await rows.create(table, A);
      const b = await rows.create(table, B);
      seeded.push({ table, a, b, nextA: await rows.prepare(table, A), nextB: await rows.prepare(table, B) });
    }
    const flags = await session.rows<{ t: string; rls: boolean; forced: boolean; policies: number }>(
      `SELECT c.oid::regclass::text AS t, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c WHERE c.oid = ANY($1::regclass[]) ORDER BY 1`,
      [scoped.map((t) => qualified(t.schema, t.name))]);
    expect(flags).toHaveLength(scoped.length);
    for (const flag of flags) expect(flag).toEqual({ t: flag.t, rls: true, forced: true, policies: 1 });
    await createAppUser(session, schemas);
    await session.exec('SET ROLE app_user');
    await session.exec(`SET app.tenant_id = '${A}'`);
    for (const { table, a, b, nextA, nextB } of seeded) {
      const keyColumn = table.primaryKey[0] as string;
      const visible = await session.rows<{ k: string }>(
        `SELECT ${quoteIdent(keyColumn)}::text AS k FROM ${qualified(table.schema, table.name)} WHERE ${quoteIdent(keyColumn)}::text = ANY($1)`,
        [[a.get(keyColumn), b.get(keyColumn)]]);
      expect({ table: table.name, visible: visible.map((r) => r.k) }).toEqual({ table: table.name, visible: [a.get(keyColumn)] });
      expect({ table: table.name, error: await rows.insertError(table, nextA) }).toEqual({ table: table.name, error: null });
      expect({ table: table.name, code: (await rows.insertError(table, nextB))?.code }).toEqual({ table: table.name, code: '42501' });
    }
  }));
});

/** One valid row, then each column broken in turn on a copy of it. */
async function checkConstraints(rows: RowFactory, table: TableModel, tenant: string | null): Promise<void> {
  const valid = await rows.create(table, tenant);
  const expectCode = async (label: string, row: Map<string, string | null>, code: string): Promise<void> => {
    expect({ table: table.name, label, code: (await rows.insertError(table, row))?.code }).toEqual({ table: table.name, label, code });
  };
  const fresh = async (): Promise<Map<string, string | null>> => rows.prepare(table, tenant);
  for (const column of table.columns) {
    if (!column.nullable && column.default === undefined && !column.key) {
      const row = await fresh();
      row.set(column.name, null);
      await expectCode(`${column.name} NOT NULL`, row, '23502');
    }
    if (column.type === 'enum') {
      const row = await fresh();
      row.set(column.name, 'not-one-of-the-values');
      await expectCode(`${column.name} enum`, row, '23514');
    }
    if (column.type === 'string') {
      const row = await fresh();
      row.set(column.name, 'x'.repeat(256));
      await expectCode(`${column.name} length`, row, '23514');
    }
    if (column.unique && !column.key && column.type !== 'enum' && column.type !== 'bool') {
      const row = await fresh();
      row.set(column.name, valid.get(column.name) ?? null);
      await expectCode(`${column.name} UNIQUE`, row, '23505');
    }
    const ref = column.references;
    if (ref !== undefined && !ref.crossesService && !column.nullable) {
      const row = await fresh();
      row.set(column.name, rows.valueType(column) === 'uuid' ? uuidOf(0xdead0) : '987654321');
      await expectCode(`${column.name} FOREIGN KEY`, row, '23503');
    }
  }
}
