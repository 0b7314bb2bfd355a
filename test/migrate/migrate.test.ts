// archc migrate against a real PostgreSQL (PGlite): the old spec's schema.sql plus the migration must give the same
// catalog as the new spec's schema.sql applied to an empty database. Variants are edits of the samples' specs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { renderSchema } from '../../generators/sql/render.js';
import { compileBytes } from '../../src/compile.js';
import { migrate } from '../../src/migrate/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { repoRoot, runArchc } from '../helpers/cli.js';
import { sharedDatabase, type Session } from '../helpers/pglite.js';

const db = sharedDatabase();
afterAll(() => db.close());

type Doc = Record<string, any>;
interface Field { name: string; type: string; [key: string]: unknown }
interface Entity { name: string; module: string; fields: Field[]; access?: Array<Record<string, unknown>>; [key: string]: unknown }

function sample(name: string): Doc {
  return parse(readFileSync(join(repoRoot, 'samples', name, 'system.yaml'), 'utf8')) as Doc;
}

function variant(name: string, edit: (doc: Doc) => void): Doc {
  const doc = sample(name);
  edit(doc);
  return doc;
}

function modelOf(doc: Doc): ArchitectureModel {
  const result = compileBytes('variant.yaml', new TextEncoder().encode(stringify(doc)), { decide: true });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => d.message)).toEqual([]);
  return result.model as ArchitectureModel;
}

function entity(doc: Doc, name: string): Entity {
  const found = (doc['entities'] as Entity[]).find((e) => e.name === name);
  if (found === undefined) throw new Error(`no entity ${name}`);
  return found;
}

function field(doc: Doc, entityName: string, name: string): Field {
  const found = entity(doc, entityName).fields.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no field ${entityName}.${name}`);
  return found;
}

/** Renames an entity everywhere the spec names it (refs, flows). */
function renameEntity(doc: Doc, from: string, to: string): void {
  entity(doc, from).name = to;
  entity(doc, to)['renamed_from'] = from;
  for (const e of doc['entities'] as Entity[]) for (const f of e.fields) if (f['to'] === from) f['to'] = to;
  for (const flow of (doc['flows'] ?? []) as Array<Record<string, string[]>>) {
    for (const key of ['touches', 'writes']) if (flow[key]) flow[key] = flow[key]!.map((n) => (n === from ? to : n));
  }
}

function dropEntity(doc: Doc, name: string): void {
  doc['entities'] = (doc['entities'] as Entity[]).filter((e) => e.name !== name);
  for (const flow of (doc['flows'] ?? []) as Array<Record<string, string[]>>) {
    for (const key of ['touches', 'writes']) if (flow[key]) flow[key] = flow[key]!.filter((n) => n !== name);
  }
}

const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

/** Everything the comparison covers, each list sorted, so two databases compare with toEqual. */
async function catalog(session: Session): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => session.rows(sql);
  return {
    schemas: await q(`SELECT nspname FROM pg_namespace WHERE nspname NOT IN ${SYSTEM_SCHEMAS} AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' ORDER BY 1`),
    tables: await q(`SELECT n.nspname, c.relname, c.relkind, c.relpersistence, c.relrowsecurity, c.relforcerowsecurity
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1, 2`),
    columns: await q(`SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
        pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND n.nspname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1, 2, 3`),
    constraints: await q(`SELECT n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid) AS definition, k.convalidated
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1, 2, 3, 4`),
    indexes: await q(`SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1, 2, 3`),
    policies: await q(`SELECT schemaname, tablename, policyname, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2, 3`),
    triggers: await q(`SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) AS definition FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY 1, 2`),
  };
}

/** Catalog of the old schema.sql plus the migration, and of the new schema.sql applied fresh; each in its own rolled-back transaction. */
async function migratedAndFresh(oldModel: ArchitectureModel, newModel: ArchitectureModel, sql: string) {
  const migrated = await db.inRollback(async (session) => {
    await session.exec(renderSchema(oldModel));
    await session.exec(sql);
    return catalog(session);
  });
  const fresh = await db.inRollback(async (session) => {
    await session.exec(renderSchema(newModel));
    return catalog(session);
  });
  return { migrated, fresh };
}

async function expectMigrates(oldDoc: Doc, newDoc: Doc, allowDestructive = false): Promise<string> {
  const oldModel = modelOf(oldDoc);
  const newModel = modelOf(newDoc);
  const { sql } = migrate(oldModel, newModel, { allowDestructive });
  const { migrated, fresh } = await migratedAndFresh(oldModel, newModel, sql);
  expect(fresh['columns']!.length).toBeGreaterThan(20);
  expect(fresh['constraints']!.length).toBeGreaterThan(20);
  expect(migrated).toEqual(fresh);
  return sql;
}

/** SQL statements (not comments) of a migration. */
function statements(sql: string): string[] {
  return sql.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('--'));
}

describe('archc migrate reaches the new schema.sql exactly', () => {
  test('adds a required field with a default (backfilled, then NOT NULL) and an optional one', async () => {
    const sql = await expectMigrates(sample('clinic'), variant('clinic', (doc) => {
      entity(doc, 'Patient').fields.push({ name: 'loyalty_points', type: 'int', default: 0 }, { name: 'nickname', type: 'string', optional: true });
    }));
    const add = sql.indexOf('ADD COLUMN "loyalty_points" integer;');
    const backfill = sql.indexOf('UPDATE "patients"."patient" SET "loyalty_points" = 0 WHERE "loyalty_points" IS NULL;');
    const notNull = sql.indexOf('ALTER COLUMN "loyalty_points" SET NOT NULL;');
    expect(add).toBeGreaterThan(0);
    expect(backfill).toBeGreaterThan(add);
    expect(notNull).toBeGreaterThan(backfill);
    expect(sql).toContain('ADD CONSTRAINT "patient_nickname_check" CHECK (char_length("nickname") <= 255) NOT VALID;');
    expect(sql).not.toMatch(/"nickname" SET NOT NULL/);
  });

  test('adds an entity with a reference to an existing one, and a module', async () => {
    await expectMigrates(sample('clinic'), variant('clinic', (doc) => {
      (doc['modules'] as Doc[]).push({ name: 'feedback', description: 'Patient reviews of visits', depends_on: ['booking'] });
      (doc['entities'] as Entity[]).push({
        name: 'Review', module: 'feedback',
        fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'appointment', type: 'ref', to: 'Appointment' }, { name: 'stars', type: 'int' }],
      });
    }));
  });

  test('adds an access pattern (an index), an enum value and a unique field', async () => {
    const sql = await expectMigrates(sample('clinic'), variant('clinic', (doc) => {
      entity(doc, 'Patient').access!.push({ by: ['full_name'], kind: 'list' });
      (field(doc, 'Patient', 'preferred_language')['values'] as string[]).push('it');
      field(doc, 'Clinic', 'city')['unique'] = true;
    }));
    expect(sql).toContain('CREATE INDEX "patient_full_name_idx" ON "patients"."patient" ("full_name");');
    expect(sql).not.toContain('Skipped');
  });

  test('makes an optional field required with a default', async () => {
    const sql = await expectMigrates(sample('clinic'), variant('clinic', (doc) => {
      const insurance = field(doc, 'Patient', 'insurance_number');
      delete insurance['optional'];
      insurance['default'] = 'self-pay';
    }));
    expect(sql.indexOf(`SET "insurance_number" = 'self-pay' WHERE "insurance_number" IS NULL`)).toBeLessThan(sql.indexOf('"insurance_number" SET NOT NULL'));
  });

  test('widens int to bigint in place', async () => {
    const sql = await expectMigrates(sample('clinic'), variant('clinic', (doc) => { field(doc, 'Slot', 'duration_minutes').type = 'bigint'; }));
    expect(sql).toContain('ALTER COLUMN "duration_minutes" TYPE bigint');
    expect(sql).not.toContain('Skipped');
  });

  test('renames a field, an entity and a module through renamed_from (copy, then drop with --allow-destructive)', async () => {
    const renamed = variant('clinic', (doc) => {
      const name = field(doc, 'Patient', 'full_name');
      name.name = 'legal_name';
      name['renamed_from'] = 'full_name';
      renameEntity(doc, 'Clinic', 'Site');
      const scheduling = (doc['modules'] as Doc[]).find((m) => m['name'] === 'scheduling')!;
      scheduling['name'] = 'calendar';
      scheduling['renamed_from'] = 'scheduling';
      for (const e of doc['entities'] as Entity[]) if (e.module === 'scheduling') e.module = 'calendar';
      for (const m of doc['modules'] as Doc[]) if (m['depends_on']) m['depends_on'] = (m['depends_on'] as string[]).map((d) => (d === 'scheduling' ? 'calendar' : d));
    });
    const sql = await expectMigrates(sample('clinic'), renamed, true);
    expect(sql).toContain('UPDATE "patients"."patient" SET "legal_name" = "full_name" WHERE "legal_name" IS NULL;');
    expect(sql).toMatch(/INSERT INTO "calendar"."site" \(.*\) SELECT .* FROM "scheduling"."clinic";/);
    expect(sql).toMatch(/INSERT INTO "calendar"."slot" \(.*\) SELECT .* FROM "scheduling"."slot";/);
    expect(sql).toContain('DROP SCHEMA "scheduling";');
  });

  test('drops a field and an entity with --allow-destructive', async () => {
    await expectMigrates(sample('clinic'), variant('clinic', (doc) => {
      entity(doc, 'Patient').fields = entity(doc, 'Patient').fields.filter((f) => f.name !== 'allergies');
      dropEntity(doc, 'ReferralDocument');
    }), true);
  });

  test('changes a partitioned table (telemetry-pipeline): a required field with a default and a widened type', async () => {
    const sql = await expectMigrates(sample('telemetry-pipeline'), variant('telemetry-pipeline', (doc) => {
      entity(doc, 'TelemetryPoint').fields.push({ name: 'source', type: 'enum', values: ['gps', 'can'], default: 'gps' });
      field(doc, 'TelemetryPoint', 'fuel_pct').type = 'bigint';
    }));
    expect(sql).toContain('ALTER TABLE "ingest"."telemetry_point" ADD COLUMN "source" text;');
  });

  test('turns a single-tenant spec multi-tenant: tenant_id, composite keys and row-level security on existing tables', async () => {
    const oldModel = modelOf(sample('clinic'));
    const newModel = modelOf(variant('clinic', (doc) => { doc['tenancy'] = { model: 'multi', tenants: 50, isolation: 'shared-schema' }; }));
    const result = migrate(oldModel, newModel, { allowDestructive: false });
    const { migrated, fresh } = await migratedAndFresh(oldModel, newModel, result.sql);
    expect(fresh['policies']!.length).toBeGreaterThan(0);
    expect(migrated).toEqual(fresh);
    // tenant_id has no value to backfill existing rows with: one warning per table (clinic has 8).
    expect(result.notices.map((n) => n.code)).toEqual(Array(8).fill('ARC0041'));
  });

  test('changes a key type (uuid to bigint): referencing columns follow, foreign keys are dropped and added back', async () => {
    const sql = await expectMigrates(sample('clinic'), variant('clinic', (doc) => { entity(doc, 'Clinic').fields[0]!.type = 'bigint'; }), true);
    expect(sql).toContain('ALTER TABLE "scheduling"."clinic" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY;');
    expect(sql.indexOf('DROP CONSTRAINT "clinician_clinic_id_fkey"')).toBeLessThan(sql.indexOf('ALTER COLUMN "clinic_id" TYPE bigint'));
  });

  test('shared-schema tenancy (b2b-saas): a new tenant entity referencing an existing one, and a new field', async () => {
    const sql = await expectMigrates(sample('b2b-saas'), variant('b2b-saas', (doc) => {
      // FeatureFlag had no referrer: the tenant-matched foreign key needs a new (tenant_id, id) unique key on it.
      (doc['entities'] as Entity[]).push({
        name: 'FlagOverride', module: 'shared',
        fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'flag', type: 'ref', to: 'FeatureFlag' }, { name: 'enabled', type: 'bool' }],
      });
      entity(doc, 'Client').fields.push({ name: 'archived', type: 'bool', default: false });
    }));
    const uniqueKey = sql.indexOf('ADD CONSTRAINT "feature_flag_tenant_id_id_key" UNIQUE');
    expect(uniqueKey).toBeGreaterThan(0);
    expect(uniqueKey).toBeLessThan(sql.indexOf('FOREIGN KEY ("tenant_id", "flag_id")'));
    expect(sql).toContain('CREATE POLICY "tenant_isolation" ON "shared"."flag_override"');
    expect(sql).toContain('ALTER TABLE "projects"."client" NO FORCE ROW LEVEL SECURITY;\nUPDATE "projects"."client" SET "archived" = FALSE');
  });
});

describe('compatibility window', () => {
  const dropped = () => variant('clinic', (doc) => {
    entity(doc, 'Patient').fields = entity(doc, 'Patient').fields.filter((f) => f.name !== 'allergies');
  });

  test('without --allow-destructive a drop is printed as a comment saying why, and the column stays', async () => {
    const oldModel = modelOf(sample('clinic'));
    const newModel = modelOf(dropped());
    const result = migrate(oldModel, newModel, { allowDestructive: false });
    expect(statements(result.sql).filter((s) => s.includes('DROP COLUMN'))).toEqual([]);
    expect(result.sql).toContain('-- Skipped (destructive, needs --allow-destructive): drop column patients.patient.allergies.');
    expect(result.sql).toContain('-- ALTER TABLE "patients"."patient" DROP COLUMN "allergies";');
    expect(result.notices.map((n) => n.code)).toEqual(['ARC0040']);
    const columns = await db.inRollback(async (session) => {
      await session.exec(renderSchema(oldModel));
      await session.exec(result.sql);
      return session.rows(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'patients' AND table_name = 'patient' AND column_name = 'allergies'`);
    });
    expect(columns).toHaveLength(1);
  });

  test('a rename without --allow-destructive keeps the old column, filled, beside the new one', async () => {
    const oldModel = modelOf(sample('clinic'));
    const newModel = modelOf(variant('clinic', (doc) => {
      const name = field(doc, 'Patient', 'full_name');
      name.name = 'legal_name';
      name['renamed_from'] = 'full_name';
    }));
    const { sql } = migrate(oldModel, newModel, { allowDestructive: false });
    const rows = await db.inRollback(async (session) => {
      await session.exec(renderSchema(oldModel));
      await session.exec(`INSERT INTO "patients"."patient" ("email", "full_name", "date_of_birth", "created_at") VALUES ('a@example.org', 'Ada Lovelace', '1815-12-10', now())`);
      await session.exec(sql);
      return session.rows<{ full_name: string; legal_name: string }>('SELECT "full_name", "legal_name" FROM "patients"."patient"');
    });
    expect(rows).toEqual([{ full_name: 'Ada Lovelace', legal_name: 'Ada Lovelace' }]);
  });

  test('the migration is deterministic, and a spec to itself is only a header', () => {
    const oldModel = modelOf(sample('b2b-saas'));
    const newModel = modelOf(variant('b2b-saas', (doc) => { entity(doc, 'Client').fields.push({ name: 'archived', type: 'bool', default: false }); }));
    expect(migrate(oldModel, newModel, { allowDestructive: false }).sql).toBe(migrate(modelOf(sample('b2b-saas')), newModel, { allowDestructive: false }).sql);
    const same = migrate(oldModel, modelOf(sample('b2b-saas')), { allowDestructive: true });
    expect(statements(same.sql)).toEqual([]);
    expect(same.sql.startsWith('-- ')).toBe(true);
    expect(same.notices).toEqual([]);
  });
});

describe('archc migrate (CLI)', () => {
  let work: string;
  beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'archc-migrate-')); });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('prints the migration (exit 0), rejects an invalid spec (exit 1) and missing arguments (exit 2)', async () => {
    const oldFile = join(work, 'old.yaml');
    const newFile = join(work, 'new.yaml');
    const badFile = join(work, 'bad.yaml');
    writeFileSync(oldFile, stringify(sample('clinic')));
    writeFileSync(newFile, stringify(variant('clinic', (doc) => {
      entity(doc, 'Patient').fields = entity(doc, 'Patient').fields.filter((f) => f.name !== 'allergies');
    })));
    writeFileSync(badFile, 'archc: 1\nsystem: { name: Bad Name }\n');
    const ok = await runArchc(['migrate', oldFile, newFile]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('-- ALTER TABLE "patients"."patient" DROP COLUMN "allergies";');
    expect(ok.stderr).toContain('warning ARC0040');
    const bad = await runArchc(['migrate', oldFile, badFile]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error ARC\d{4}/);
    expect(bad.stdout).toBe('');
    const usage = await runArchc(['migrate', oldFile]);
    expect(usage.code).toBe(2);
  });
});
