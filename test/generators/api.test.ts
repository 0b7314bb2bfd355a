import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildSchema, parse as parseGraphql } from 'graphql';
import protobuf from 'protobufjs';
import { apiGenerator } from '../../generators/api/index.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { noPositions } from '../../src/load/locator.js';
import fc from 'fast-check';
import { allTypesInput, allTypesModel, hostileModel } from '../fixtures/models/api-fixtures.js';
import { fixtureModel } from '../fixtures/models/api-builder.js';

type Problem = { ruleId: string; severity: string; message: string; location: Array<{ pointer?: string }> };

async function redoclyProblems(source: string): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = (await lintFromString({ source, absoluteRef: 'openapi.yaml', config })) as unknown as Problem[];
  return problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
}

async function only(model: ArchitectureModel, path: string): Promise<string> {
  const files = await apiGenerator.generate(model);
  expect(files.map((f) => f.path)).toEqual([path]);
  return files[0]!.content;
}

type Doc = { [key: string]: any };

const sampleDirs = existsSync('samples') ? readdirSync('samples').filter((d) => existsSync(`samples/${d}/system.yaml`)).sort() : [];
function sampleModel(dir: string): ArchitectureModel {
  return runPasses(normalizeSpec(parse(readFileSync(`samples/${dir}/system.yaml`, 'utf8'))), noPositions);
}

describe('rest: openapi.yaml', () => {
  test('a fixture with every field type lints clean under Redocly recommended', async () => {
    expect(await redoclyProblems(await only(allTypesModel('rest'), 'openapi.yaml'))).toEqual([]);
  });

  test('a hostile fixture (reserved words, quotes, %%, -->, HTML, unicode, 40-char names) lints clean', async () => {
    expect(await redoclyProblems(await only(hostileModel('rest'), 'openapi.yaml'))).toEqual([]);
  });

  test('schemas carry column names, JSON types, nullability and sensitivity', async () => {
    const doc: Doc = parse(await only(allTypesModel('rest'), 'openapi.yaml'));
    expect(doc.openapi).toBe('3.1.0');
    const patient = doc.components.schemas.Patient;
    expect(Object.keys(patient.properties)).toEqual([
      'id', 'email', 'allergies', 'password_hash', 'visits', 'lifetime_points', 'balance', 'ratio', 'active',
      'date_of_birth', 'created_at', 'preferences', 'language', 'photo', 'card_last4',
    ]); // tenant_id (synthetic, from the token) is left out
    expect(patient.description).toContain('tenant_id');
    expect(patient.properties.id).toMatchObject({ type: 'string', format: 'uuid', readOnly: true });
    expect(patient.properties.allergies).toMatchObject({ type: ['string', 'null'], 'x-sensitivity': 'phi' });
    expect(patient.properties.email['x-sensitivity']).toBe('pii');
    expect(patient.properties.card_last4['x-sensitivity']).toBe('pci');
    expect(patient.properties.balance.type).toBe('string');
    expect(new RegExp(patient.properties.balance.pattern).test('12.50')).toBe(true);
    expect(new RegExp(patient.properties.balance.pattern).test('1e3')).toBe(false);
    expect(patient.properties.lifetime_points.type).toEqual(['string', 'null']);
    expect(patient.properties.created_at).toMatchObject({ type: 'string', format: 'date-time' });
    expect(patient.properties.date_of_birth).toMatchObject({ type: 'string', format: 'date' });
    expect(patient.properties.preferences.type).toEqual(['object', 'null']);
    expect(patient.properties.language).toMatchObject({ type: 'string', enum: ['en', 'de'], default: 'en' });
    expect(patient.properties.photo.description).toMatch(/object-storage key/i);
    expect(patient.properties.password_hash.writeOnly).toBe(true);
    // required = non-nullable columns, minus the write-only secret
    expect(patient.required).toEqual(['id', 'email', 'visits', 'balance', 'active', 'date_of_birth', 'created_at', 'language']);
    const appointment = doc.components.schemas.Appointment;
    expect(appointment.properties.patient_id).toMatchObject({ type: 'string', format: 'uuid' });
    expect(appointment.properties.status.enum).toEqual(['booked', 'cancelled']);
    expect(appointment.properties.cancelled_at).toMatchObject({ type: ['string', 'null'], format: 'date-time' });
  });

  test('a nullable enum admits null; the Tenant table has no tenant column to hide', async () => {
    const doc: Doc = parse(await only(allTypesModel('rest'), 'openapi.yaml'));
    expect(doc.components.schemas.Tenant.properties.plan).toMatchObject({ type: ['string', 'null'], enum: ['free', 'paid', null] });
    expect(doc.components.schemas.Tenant.description).not.toContain('tenant_id');
  });

  test('the linter check can fail: a document without a license is reported', async () => {
    const doc: Doc = parse(await only(allTypesModel('rest'), 'openapi.yaml'));
    delete doc.info.license;
    const { stringify } = await import('yaml');
    expect((await redoclyProblems(stringify(doc))).some((p) => p.includes('info-license'))).toBe(true);
  });

  test('create and update request schemas: no server-set fields; update all optional', async () => {
    const doc: Doc = parse(await only(allTypesModel('rest'), 'openapi.yaml'));
    const create = doc.components.schemas.PatientCreate;
    expect(Object.keys(create.properties)).not.toContain('id');
    expect(Object.keys(create.properties)).not.toContain('tenant_id');
    // no default and not nullable: visits (default 0), active and language (defaults) may be left out
    expect(create.required).toEqual(['email', 'password_hash', 'balance', 'date_of_birth', 'created_at']);
    const update = doc.components.schemas.PatientUpdate;
    expect(update.required).toBeUndefined();
    expect(Object.keys(update.properties)).toContain('email');
    expect(Object.keys(update.properties)).not.toContain('id');
    expect(doc.components.schemas.AppointmentCreate.required).toEqual(['patient_id']);
  });

  test('paths, operations, pagination, errors, headers and security', async () => {
    const doc: Doc = parse(await only(allTypesModel('rest'), 'openapi.yaml'));
    expect(Object.keys(doc.paths)).toEqual(['/v1/appointments', '/v1/appointments/{id}', '/v1/patients', '/v1/patients/{id}', '/v1/tenants/{id}']);
    const list = doc.paths['/v1/patients'].get;
    expect(list.operationId).toBe('listPatients');
    expect(list.tags).toEqual(['patients']);
    expect(list.parameters.map((p: Doc) => p.name)).toEqual(['cursor', 'limit']);
    expect(doc.components.schemas.PatientList.required).toEqual(['items', 'next_cursor']);
    expect(doc.paths['/v1/patients'].post.responses['201']).toBeDefined();
    expect(doc.paths['/v1/patients'].post.parameters.map((p: Doc) => p.name)).toEqual(['Idempotency-Key']);
    expect(doc.paths['/v1/patients/{id}'].delete.responses['204']).toBeDefined();
    expect(doc.paths['/v1/patients/{id}'].get.responses['404'].$ref).toBe('#/components/responses/NotFound');
    expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
    expect(Object.keys(doc.components.responses.NotFound.content)).toEqual(['application/problem+json']);
    expect(Object.keys(doc.components.headers)).toEqual(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']);
    expect(doc.security).toEqual([{ oidc: [] }, { sessionToken: [] }]);
    expect(doc.components.securitySchemes.oidc.type).toBe('openIdConnect');
    expect(doc.components.securitySchemes.sessionToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const item of Object.values(doc.paths) as Doc[]) {
      for (const op of Object.values(item) as Doc[]) {
        expect(op.summary).toBeTruthy();
        expect(op.description).toBeTruthy();
        expect(Object.keys(op.responses).some((code) => code.startsWith('4'))).toBe(true);
      }
    }
  });

  test('every identity kind maps to its scheme; api-key in X-API-Key', async () => {
    const doc: Doc = parse(await only(hostileModel('rest'), 'openapi.yaml'));
    expect(doc.security).toEqual([{ apiKey: [] }, { oidc: [] }, { sessionToken: [] }, { samlSession: [] }]);
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
    expect(doc.components.securitySchemes.samlSession).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.oidc.openIdConnectUrl).toMatch(/^https:\/\/auth\.example\.com\//);
  });

  test('an entity named Problem keeps its name; the error schema moves aside', async () => {
    const doc: Doc = parse(await only(hostileModel('rest'), 'openapi.yaml'));
    expect(doc.components.schemas.Problem.properties).toHaveProperty('id');
    expect(doc.components.schemas.ProblemDetails.properties).toHaveProperty('status');
  });

  test('hostile free text survives as text, never as live HTML', async () => {
    const text = await only(hostileModel('rest'), 'openapi.yaml');
    expect(text).not.toMatch(/<script/i);
    const doc: Doc = parse(text);
    expect(doc.components.schemas.Order.properties.class.description).toContain('&lt;script&gt;');
    expect(doc.components.schemas.Order.properties.class.description).toContain('émoji 🎉');
  });

  test('deterministic bytes', async () => {
    expect(await only(hostileModel('rest'), 'openapi.yaml')).toBe(await only(hostileModel('rest'), 'openapi.yaml'));
  });

  test.each(sampleDirs)('sample %s: rest samples lint clean', async (dir) => {
    const model = sampleModel(dir);
    const files = await apiGenerator.generate(model);
    if (model.api.style !== 'rest') return;
    expect(files.map((f) => f.path)).toEqual(['openapi.yaml']);
    expect(await redoclyProblems(files[0]!.content)).toEqual([]);
  });
});

test.each(sampleDirs)('sample %s: API properties are the table columns (tenant_id aside), unchanged', async (dir) => {
  const model = sampleModel(dir);
  const rest: ArchitectureModel = { ...model, decisions: model.decisions.filter((d) => d.id !== 'external-api'), api: { ...model.api, style: 'rest' } };
  const doc: Doc = parse((await apiGenerator.generate(rest))[0]?.content ?? '{}');
  for (const resource of model.api.resources) {
    const table = model.tables.find((t) => t.entity === resource.entity)!;
    const schema = doc.components.schemas[resource.entity];
    if (!schema) continue; // delete-only resources have no body schema
    expect(Object.keys(schema.properties)).toEqual(table.columns.map((c) => c.name).filter((name) => !(name === 'tenant_id' && table.tenantScoped)));
    for (const op of resource.operations) expect(doc.paths[op.path][op.method.toLowerCase()].operationId).toBe(op.operationId);
  }
});

describe('a hostile spec through the real passes', () => {
  const hostile = () => runPasses(normalizeSpec(parse(readFileSync('test/fixtures/models/api-hostile.system.yaml', 'utf8'))), noPositions);
  const withStyle = (model: ArchitectureModel, style: ArchitectureModel['api']['style']): ArchitectureModel =>
    ({ ...model, decisions: model.decisions.filter((d) => d.id !== 'external-api'), api: { ...model.api, style } });

  test('every API artifact is valid for its parser', async () => {
    const model = hostile();
    expect(model.api.resources.length).toBeGreaterThan(0);
    expect(await redoclyProblems(await only(withStyle(model, 'rest'), 'openapi.yaml'))).toEqual([]);
    buildSchema(await only(withStyle(model, 'graphql'), 'schema.graphql'));
    protobuf.parse(await only(withStyle(model, 'grpc'), 'api.proto'), { keepCase: true });
  });
});

describe('graphql: schema.graphql', () => {
  test.each([['all types', allTypesModel('graphql')], ['hostile', hostileModel('graphql')]])('%s fixture parses and builds', async (_name, model) => {
    const sdl = await only(model, 'schema.graphql');
    parseGraphql(sdl);
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()).toBeDefined();
  });

  test('types, connections and mutations follow the model', async () => {
    const schema = buildSchema(await only(allTypesModel('graphql'), 'schema.graphql'));
    const appointment = schema.getType('Appointment') as any;
    expect(Object.keys(appointment.getFields())).toEqual(['id', 'patient_id', 'status', 'reason', 'cancelled_at']);
    expect(String(appointment.getFields().patient_id.type)).toBe('ID!');
    expect(String(appointment.getFields().reason.type)).toBe('String');
    const query = schema.getQueryType()!.getFields();
    expect(String(query.listAppointments!.type)).toBe('AppointmentConnection!');
    expect(String(query.getAppointment!.type)).toBe('Appointment');
    const mutation = schema.getMutationType()!.getFields();
    expect(Object.keys(mutation).sort()).toEqual(['createAppointment', 'createPatient', 'deletePatient', 'updateAppointment', 'updatePatient', 'updateTenant']);
    expect((schema.getType('AppointmentStatus') as any).getValues().map((v: any) => v.name)).toEqual(['booked', 'cancelled']);
    const patient = (schema.getType('Patient') as any).getFields();
    expect(patient).not.toHaveProperty('password_hash');
  });

  test('entity names that clash with GraphQL built-ins are renamed, enum values made legal', async () => {
    const schema = buildSchema(await only(hostileModel('graphql'), 'schema.graphql'));
    expect(schema.getType('Query2')).toBeDefined();
    expect(schema.getType('String2')).toBeDefined();
    expect(schema.getType('PageInfo')).toBeDefined();
    const values = (schema.getType('OrderEnd2') as any).getValues().map((v: any) => v.name);
    expect(values).toEqual(['NO_SHOW', '_1_ST', 'TRUE', 'NULL', 'A_B', 'VALUE', 'QUOTED', 'VALUE2', 'UPPER', 'upper', 'HAS_DOT', 'x_y']);
  });

  test.each(sampleDirs)('sample %s: graphql samples build', async (dir) => {
    const model = sampleModel(dir);
    if (model.api.style !== 'graphql') return;
    const files = await apiGenerator.generate(model);
    expect(files.map((f) => f.path)).toEqual(['schema.graphql']);
    buildSchema(files[0]!.content);
  });
});

describe('grpc: api.proto', () => {
  function parseProto(text: string) {
    return protobuf.parse(text, { keepCase: true }).root;
  }

  test('fixture parses; services, messages and enums exist', async () => {
    const root = parseProto(await only(allTypesModel('grpc'), 'api.proto'));
    const booking = root.lookupService('clinic_booking.v1.BookingService');
    expect(Object.keys(booking.methods).sort()).toEqual(['CreateAppointment', 'GetAppointment', 'ListAppointments', 'UpdateAppointment']);
    const appointment = root.lookupType('clinic_booking.v1.Appointment');
    expect(Object.keys(appointment.fields)).toEqual(['id', 'patient_id', 'status', 'reason', 'cancelled_at']);
    expect(appointment.fields.status!.id).toBe(3);
    const status = root.lookupEnum('clinic_booking.v1.AppointmentStatus');
    expect(status.values).toEqual({ APPOINTMENT_STATUS_UNSPECIFIED: 0, APPOINTMENT_STATUS_BOOKED: 1, APPOINTMENT_STATUS_CANCELLED: 2 });
    // a column keeps its number in request messages
    const create = root.lookupType('clinic_booking.v1.CreateAppointmentRequest');
    expect(create.fields.status!.id).toBe(3);
    const patient = root.lookupType('clinic_booking.v1.Patient');
    expect(patient.fields.lifetime_points!.type).toBe('int64');
    expect(patient.fields.password_hash).toBeUndefined();
  });

  test('hostile fixture parses', async () => {
    const root = parseProto(await only(hostileModel('grpc'), 'api.proto'));
    expect(root.lookupType('end_class_group_order_select_user_v2_abc.v1.Order').fields.option).toBeDefined();
  });

  test.each(sampleDirs)('sample %s: grpc samples parse', async (dir) => {
    const model = sampleModel(dir);
    if (model.api.style !== 'grpc') return;
    const files = await apiGenerator.generate(model);
    expect(files.map((f) => f.path)).toEqual(['api.proto']);
    parseProto(files[0]!.content);
  });
});

test('none: no file', async () => {
  expect(await apiGenerator.generate(allTypesModel('none'))).toEqual([]);
});

describe('any free text and enum value stays valid in every artifact (property-based)', () => {
  // Any Unicode but U+0000 (the contract bans it); lone surrogates included, since a YAML escape can produce one.
  const freeText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
  const enumValuesArb = fc.uniqueArray(freeText.filter((s) => s.length > 0 && Buffer.byteLength(s, 'utf8') <= 63), { minLength: 1, maxLength: 5 });

  function withText(style: ArchitectureModel['api']['style'], text: string, values: string[]): ArchitectureModel {
    const input = allTypesInput(style);
    input.summary = text;
    const appointment = input.entities.find((e) => e.name === 'Appointment')!;
    appointment.description = text;
    appointment.fields = appointment.fields.map((f) => (f.name === 'status' ? { ...f, values, default: values[0]!, description: text } : f));
    return fixtureModel(input);
  }

  test('graphql builds, proto parses, openapi keeps the enum values exactly', async () => {
    await fc.assert(fc.asyncProperty(freeText, enumValuesArb, async (text, values) => {
      buildSchema(await only(withText('graphql', text, values), 'schema.graphql'));
      const root = protobuf.parse(await only(withText('grpc', text, values), 'api.proto'), { keepCase: true }).root;
      expect(Object.keys(root.lookupEnum('clinic_booking.v1.AppointmentStatus').values)).toHaveLength(values.length + 1);
      const doc: Doc = parse(await only(withText('rest', text, values), 'openapi.yaml'));
      expect(doc.components.schemas.Appointment.properties.status.enum).toEqual(values);
    }), { numRuns: 25, seed: 20261125 });
  });
});
