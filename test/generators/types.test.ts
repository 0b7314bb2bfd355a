import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { cachingCompilerHost, STRICT_COMPILER_OPTIONS } from '../helpers/typescript-compile.js';
import { parse } from 'yaml';
import { typesGenerator } from '../../generators/types/index.js';
import type { OutputFile } from '../../generators/generator.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { noPositions } from '../../src/load/locator.js';
import { allTypesInput, allTypesModel, hostileModel } from '../fixtures/models/api-fixtures.js';
import { largeModel } from '../fixtures/models/types-large.js';
import { fixtureModel } from '../fixtures/models/api-builder.js';
import fc from 'fast-check';


/** Writes the files to a fresh directory and type-checks them with the real compiler (strict, no emit). */
function compile(files: OutputFile[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'archc-types-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    for (const file of files) {
      mkdirSync(join(dir, file.path, '..'), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const program = ts.createProgram(files.map((f) => join(dir, f.path)), STRICT_COMPILER_OPTIONS, cachingCompilerHost());
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = (files: OutputFile[], path: string) => files.find((f) => f.path === path)!.content;

const sampleDirs = existsSync('samples') ? readdirSync('samples').filter((d) => existsSync(`samples/${d}/system.yaml`)).sort() : [];
function sampleModel(dir: string): ArchitectureModel {
  return runPasses(normalizeSpec(parse(readFileSync(`samples/${dir}/system.yaml`, 'utf8'))), noPositions);
}

test('writes entities.ts, index.ts and ports.ts under types/', async () => {
  const files = await typesGenerator.generate(allTypesModel('rest'));
  expect(files.map((f) => f.path)).toEqual(['types/entities.ts', 'types/index.ts', 'types/ports.ts']);
});

test('the compiler rejects a broken file (the check can fail)', () => {
  expect(compile([{ path: 'types/x.ts', content: 'export const x: number = "no";\n' }]).length).toBe(1);
});

test.each([
  ['all field types', () => allTypesModel('rest')],
  ['hostile names and text', () => hostileModel('graphql')],
])('%s: compiles under strict with zero diagnostics', async (_name, model) => {
  expect(compile(await typesGenerator.generate(model()))).toEqual([]);
});

test('a hostile spec through the real passes compiles', async () => {
  const model = runPasses(normalizeSpec(parse(readFileSync('test/fixtures/models/api-hostile.system.yaml', 'utf8'))), noPositions);
  expect(compile(await typesGenerator.generate(model))).toEqual([]);
});

test.each(sampleDirs)('sample %s compiles under strict with zero diagnostics', async (dir) => {
  expect(compile(await typesGenerator.generate(sampleModel(dir)))).toEqual([]);
});

/** Property names of each exported interface in a source text, read with the TypeScript parser. */
function interfaceMembers(source: string): Map<string, string[]> {
  const file = ts.createSourceFile('entities.ts', source, ts.ScriptTarget.ES2022);
  const out = new Map<string, string[]>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) out.set(statement.name.text, statement.members.map((m) => (m.name as ts.Identifier).text));
  }
  return out;
}

test.each(sampleDirs)('sample %s: each entity interface has exactly its table\'s columns, in order', async (dir) => {
  const model = sampleModel(dir);
  const members = interfaceMembers(text(await typesGenerator.generate(model), 'types/entities.ts'));
  for (const table of model.tables) expect(members.get(table.entity)).toEqual(table.columns.map((c) => c.name));
});

test('entity interfaces: column names, TS types, nullability, readonly key, enum aliases', async () => {
  const entities = text(await typesGenerator.generate(allTypesModel('rest')), 'types/entities.ts');
  expect(entities).toContain('export type AppointmentStatus = "booked" | "cancelled";');
  const appointment = entities.slice(entities.indexOf('export interface Appointment {'), entities.indexOf('export interface AppointmentCreate'));
  expect(appointment).toMatch(/readonly id: string;/);
  expect(appointment).toMatch(/readonly tenant_id: string;/);
  expect(appointment).toMatch(/\n  patient_id: string;/);
  expect(appointment).toMatch(/\n  status: AppointmentStatus;/);
  expect(appointment).toMatch(/\n  reason\?: string \| null;/);
  expect(appointment).toMatch(/\n  cancelled_at\?: string \| null;/);
  const patient = entities.slice(entities.indexOf('export interface Patient {'), entities.indexOf('export interface PatientCreate'));
  expect(patient).toMatch(/\n  visits: number;/);
  expect(patient).toMatch(/\n  lifetime_points\?: string \| null;/);
  expect(patient).toMatch(/\n  balance: string;/);
  expect(patient).toMatch(/\n  active: boolean;/);
  expect(patient).toMatch(/\n  preferences\?: unknown;/);
  expect(patient).toMatch(/\n  language: PatientLanguage;/);
  expect(patient).toMatch(/pii/);
  expect(patient).toMatch(/precision/);
});

test('create inputs leave out server-set columns; update inputs are all optional', async () => {
  const entities = text(await typesGenerator.generate(allTypesModel('rest')), 'types/entities.ts');
  const create = entities.slice(entities.indexOf('export interface AppointmentCreate {'), entities.indexOf('export interface AppointmentUpdate'));
  expect(create).not.toMatch(/\bid\b.*:/);
  expect(create).not.toContain('tenant_id');
  expect(create).toMatch(/\n  patient_id: string;/);
  expect(create).toMatch(/\n  status\?: AppointmentStatus;/);
  const update = entities.slice(entities.indexOf('export interface AppointmentUpdate {'));
  expect(update.slice(0, update.indexOf('}'))).not.toMatch(/\n  \w+: /);
});

test('ports: one per module with operations and owned flows', async () => {
  const ports = text(await typesGenerator.generate(allTypesModel('rest')), 'types/ports.ts');
  expect(ports).toContain('import type * as Entities from "./entities.js";');
  expect(ports).toContain('export interface BookingPort {');
  expect(ports).toContain('export interface PatientsPort {');
  expect(ports).toContain('export interface TenantsPort {');
  expect(ports).toMatch(/createAppointment\(input: Entities\.AppointmentCreate\): Promise<Entities\.Appointment>;/);
  expect(ports).toMatch(/listPatients\(page: PageRequest\): Promise<Page<Entities\.Patient>>;/);
  expect(ports).toMatch(/deletePatient\(key: Entities\.Patient\["id"\]\): Promise<void>;/);
  // book-appointment writes Appointment (booking); write-audit-notes' actor is booking; find-patients reads Patient (patients)
  const booking = ports.slice(ports.indexOf('export interface BookingPort'), ports.indexOf('export interface PatientsPort'));
  expect(booking).toMatch(/bookAppointment\(input: \{ appointment\?: Partial<Entities\.Appointment>; patient\?: Partial<Entities\.Patient> \}\): Promise<\{ appointment: Entities\.Appointment\[\] \}>;/);
  expect(booking).toContain('writeAuditNotes(');
  expect(ports.slice(ports.indexOf('export interface PatientsPort'))).toContain('findPatients(');
});

test('hostile names: a port or enum alias that would clash with an entity is renamed; re-exports stay unambiguous', async () => {
  const files = await typesGenerator.generate(hostileModel('rest'));
  const entities = text(files, 'types/entities.ts');
  const ports = text(files, 'types/ports.ts');
  expect(entities).toContain('export interface EndPort {');
  expect(ports).toContain('export interface EndModulePort {');
  expect(entities).toContain('export interface OrderEnd {');
  expect(entities).toContain('export type OrderEndValue =');
  expect(entities).toContain('"\\"quoted\\""');
  expect(entities).not.toMatch(/\*\/ """/);
  // flow `delete` clashes with no operation; `create-order` clashes with createOrder
  expect(ports).toMatch(/createOrderFlow\(/);
  expect(ports).toMatch(/\n  delete\(input/);
});

test('a model without tables or operations still compiles (no unused import, entities.ts stays a module)', async () => {
  const empty = fixtureModel({ system: 'empty', summary: 'Nothing stored.', style: 'none', identity: [], modules: [{ name: 'core' }], entities: [] });
  const files = await typesGenerator.generate(empty);
  expect(text(files, 'types/ports.ts')).not.toContain('import');
  expect(compile(files)).toEqual([]);
});

test('deterministic bytes', async () => {
  expect(await typesGenerator.generate(hostileModel('rest'))).toEqual(await typesGenerator.generate(hostileModel('rest')));
});

test('a 1,000-entity model generates and compiles', async () => {
  const files = await typesGenerator.generate(largeModel(1000));
  expect(text(files, 'types/entities.ts')).toContain('export interface Entity999 {');
  expect(compile(files)).toEqual([]);
});

test('any enum value and description stays valid TypeScript and exact (property-based)', async () => {
  const freeText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
  const values = fc.uniqueArray(freeText.filter((s) => s.length > 0 && Buffer.byteLength(s, 'utf8') <= 63), { minLength: 1, maxLength: 5 });
  await fc.assert(fc.asyncProperty(freeText, values, async (description, enumValues) => {
    const input = allTypesInput('rest');
    const appointment = input.entities.find((e) => e.name === 'Appointment')!;
    appointment.description = description;
    appointment.fields = appointment.fields.map((f) => (f.name === 'status' ? { ...f, values: enumValues, default: enumValues[0]!, description } : f));
    const entities = text(await typesGenerator.generate(fixtureModel(input)), 'types/entities.ts');
    const output = ts.transpileModule(entities, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(output.diagnostics ?? []).toEqual([]);
    const file = ts.createSourceFile('entities.ts', entities, ts.ScriptTarget.ES2022);
    const alias = file.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'AppointmentStatus')!;
    const literals = ts.isUnionTypeNode(alias.type) ? alias.type.types : [alias.type];
    expect(literals.map((t) => ((t as ts.LiteralTypeNode).literal as ts.StringLiteral).text)).toEqual(enumValues);
  }), { numRuns: 25, seed: 20261125 });
});
