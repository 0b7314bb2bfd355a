// One design, many artifacts: each entity and field appears under the contract's names with matching nullability
// in the ERD, the DDL, the API artifact and the TS types; modules appear as diagram nodes and DDL schemas; every
// non-none infrastructure decision appears in the container diagram and the proposal.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileBytes } from '../src/compile.js';
import type { ArchitectureModel, TableModel } from '../src/model/types.js';
import { generateAll } from '../generators/index.js';
import { repoRoot } from './helpers/cli.js';

const samplesDir = join(repoRoot, 'samples');
const samples = readdirSync(samplesDir).filter((name) => existsSync(join(samplesDir, name, 'system.yaml'))).sort();
const INFRASTRUCTURE = ['primary-store', 'cache', 'messaging', 'search', 'blob-store', 'realtime'];

interface Built {
  model: ArchitectureModel;
  files: Map<string, string>;
}

async function build(name: string): Promise<Built> {
  const file = join(samplesDir, name, 'system.yaml');
  const result = compileBytes(file, readFileSync(file), { decide: true });
  if (!result.model) throw new Error(`${name} does not compile`);
  const files = await generateAll(result.model);
  return { model: result.model, files: new Map(files.map((f) => [f.path, f.content])) };
}

/** Columns of one CREATE TABLE block in schema.sql: name → NOT NULL (a primary-key column counts as NOT NULL). */
function ddlColumns(sql: string, table: TableModel): Map<string, boolean> {
  const start = sql.indexOf(`CREATE TABLE "${table.schema}"."${table.name}" (`);
  expect({ table: `${table.schema}.${table.name}`, inDdl: start >= 0 }).toEqual({ table: `${table.schema}.${table.name}`, inDdl: true });
  const block = sql.slice(start, sql.indexOf('\n)', start));
  const columns = new Map<string, boolean>();
  for (const match of block.matchAll(/^ {2}"([^"]+)" (.+?),?$/gm)) columns.set(match[1]!, /NOT NULL|PRIMARY KEY/.test(match[2]!));
  const pk = /PRIMARY KEY \(([^)]*)\)/.exec(block)?.[1];
  for (const column of pk?.split(',').map((c) => c.trim().replace(/"/g, '')) ?? []) columns.set(column, true);
  return columns;
}

/** Attributes of one ERD entity: name → optional. */
function erdColumns(erd: string, table: TableModel): Map<string, boolean> {
  const start = erd.indexOf(`["${table.schema}.${table.name}"] {`);
  expect({ table: table.name, inErd: start >= 0 }).toEqual({ table: table.name, inErd: true });
  const block = erd.slice(start, erd.indexOf('\n  }', start));
  const columns = new Map<string, boolean>();
  for (const match of block.matchAll(/^ {4}\S+ (\S+)(.*)$/gm)) columns.set(match[1]!, match[2]!.includes('"optional"'));
  return columns;
}

/** Members of one TS interface: name → optional-and-nullable. */
function tsMembers(ts: string, entity: string): Map<string, boolean> {
  const start = ts.indexOf(`export interface ${entity} {`);
  expect({ entity, inTypes: start >= 0 }).toEqual({ entity, inTypes: true });
  const block = ts.slice(start, ts.indexOf('\n}', start));
  const members = new Map<string, boolean>();
  for (const match of block.matchAll(/^ {2}(?:readonly )?"?([a-z][a-z0-9_]*)"?(\??): ([^;]+);$/gm)) {
    // `unknown` (json columns) already admits null.
    members.set(match[1]!, match[2] === '?' && (match[3]!.includes('null') || match[3] === 'unknown'));
  }
  return members;
}

describe.each(samples)('%s', (name) => {
  let built: Built;
  beforeAll(async () => { built = await build(name); }, 120_000);

  test('every table and column is in the DDL and the ERD with the same nullability', () => {
    const sql = built.files.get('schema.sql')!;
    const erd = built.files.get('diagrams/erd.mmd')!;
    expect(built.model.tables.length).toBeGreaterThan(0);
    for (const table of built.model.tables) {
      const ddl = ddlColumns(sql, table);
      const diagram = erdColumns(erd, table);
      for (const column of table.columns) {
        expect({ column: `${table.name}.${column.name}`, notNull: ddl.get(column.name) }).toEqual({ column: `${table.name}.${column.name}`, notNull: !column.nullable });
        expect({ column: `${table.name}.${column.name}`, optional: diagram.get(column.name) }).toEqual({ column: `${table.name}.${column.name}`, optional: column.nullable });
      }
    }
  });

  test('every table is a TS interface whose members are its columns, nullable exactly where the column is', () => {
    const ts = built.files.get('types/entities.ts')!;
    for (const table of built.model.tables) {
      const members = tsMembers(ts, table.entity);
      for (const column of table.columns) {
        expect({ column: `${table.entity}.${column.name}`, nullable: members.get(column.name) }).toEqual({ column: `${table.entity}.${column.name}`, nullable: column.nullable });
      }
    }
  });

  test('every exposed entity is in the API artifact with its columns and nullability', () => {
    const exposed = built.model.tables.filter((t) => t.api.length > 0);
    const style = built.model.decisions.find((d) => d.id === 'external-api')!.choice;
    if (style === 'rest') {
      const doc = parse(built.files.get('openapi.yaml')!) as { components: { schemas: Record<string, { properties: Record<string, { type?: unknown; writeOnly?: boolean }> }> } };
      for (const table of exposed) {
        const schema = doc.components.schemas[table.entity];
        expect({ entity: table.entity, inApi: schema !== undefined }).toEqual({ entity: table.entity, inApi: true });
        for (const column of table.columns.filter((c) => c.name !== 'tenant_id')) {
          const property = schema!.properties[column.name];
          if (property === undefined) continue; // secret-like columns are write-only and left out of read schemas
          const types = Array.isArray(property.type) ? property.type : [property.type];
          expect({ column: `${table.entity}.${column.name}`, nullable: types.includes('null') }).toEqual({ column: `${table.entity}.${column.name}`, nullable: column.nullable });
        }
      }
    } else if (style === 'graphql') {
      const sdl = built.files.get('schema.graphql')!;
      for (const table of exposed) {
        const start = sdl.indexOf(`\ntype ${table.entity} `);
        expect({ entity: table.entity, inSdl: start >= 0 }).toEqual({ entity: table.entity, inSdl: true });
        const block = sdl.slice(start, sdl.indexOf('\n}', start));
        for (const column of table.columns.filter((c) => c.name !== 'tenant_id')) {
          const field = new RegExp(`^  ${column.name}: (\\S+)$`, 'm').exec(block);
          if (field === null) continue; // secret-like columns never appear in responses
          expect({ column: `${table.entity}.${column.name}`, nullable: !field[1]!.endsWith('!') }).toEqual({ column: `${table.entity}.${column.name}`, nullable: column.nullable });
        }
      }
    } else if (style === 'grpc') {
      const proto = built.files.get('api.proto')!;
      for (const table of exposed) {
        const start = proto.indexOf(`\nmessage ${table.entity} {`);
        expect({ entity: table.entity, inProto: start >= 0 }).toEqual({ entity: table.entity, inProto: true });
        const block = proto.slice(start, proto.indexOf('\n}', start));
        for (const column of table.columns.filter((c) => c.name !== 'tenant_id')) {
          const field = new RegExp(`^  (optional )?\\S+ ${column.name} = \\d+;$`, 'm').exec(block);
          if (field === null) continue;
          expect({ column: `${table.entity}.${column.name}`, nullable: field[1] !== undefined }).toEqual({ column: `${table.entity}.${column.name}`, nullable: column.nullable });
        }
      }
    }
  });

  test('every module is a container-diagram node and a DDL schema', () => {
    const containers = built.files.get('diagrams/containers.mmd')!;
    const sql = built.files.get('schema.sql')!;
    for (const module of built.model.modules) {
      expect({ module: module.name, inDiagram: new RegExp(`"${module.name}(<br/>|")`).test(containers) }).toEqual({ module: module.name, inDiagram: true });
      expect({ module: module.name, inDdl: sql.includes(`CREATE SCHEMA "${module.schema}"`) }).toEqual({ module: module.name, inDdl: true });
    }
  });

  test('every non-none infrastructure decision is in the container diagram and the proposal', () => {
    const containers = built.files.get('diagrams/containers.mmd')!;
    const proposal = built.files.get('proposal.md')!;
    for (const id of INFRASTRUCTURE) {
      const decision = built.model.decisions.find((d) => d.id === id)!;
      if (decision.choice === 'none') continue;
      expect({ id, inDiagram: containers.includes(`${id}: ${decision.choice}`) }).toEqual({ id, inDiagram: true });
      expect({ id, inProposal: proposal.includes(`\`${id}\``) && proposal.includes(`\`${decision.choice}\``) }).toEqual({ id, inProposal: true });
    }
  });
});
