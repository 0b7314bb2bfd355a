import { createHash } from 'node:crypto';
import {
  camelCase, columnName, eventName, operationId, pascalCase, pluralWord, resourceSegment, schemaName,
  shortenIdentifier, snakeCase, tableName,
} from '../../src/model/naming.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('tableName (the contract examples)', () => {
  test.each([
    ['UserV2', 'user_v2'],
    ['OAuth2Token', 'o_auth2_token'],
    ['HTTPRequest', 'http_request'],
    ['Appointment', 'appointment'],
    ['ReferralDocument', 'referral_document'],
    ['ABTest', 'ab_test'],
    ['Order', 'order'],
    ['X', 'x'],
  ])('%s → %s', (entity, table) => {
    expect(tableName(entity)).toBe(table);
  });
});

describe('schema, column and case helpers', () => {
  test.each([
    ['clinic-booking', 'clinic_booking'],
    ['billing', 'billing'],
    ['a-b-c', 'a_b_c'],
  ])('schemaName(%s) = %s', (module, schema) => expect(schemaName(module)).toBe(schema));

  test('a ref field becomes <name>_id; other fields keep their name', () => {
    expect(columnName({ name: 'patient', type: 'ref' })).toBe('patient_id');
    expect(columnName({ name: 'patient', type: 'string' })).toBe('patient');
  });

  test.each([
    ['book-appointment', 'BookAppointment', 'bookAppointment'],
    ['user_v2', 'UserV2', 'userV2'],
    ['HTTPRequest', 'HttpRequest', 'httpRequest'],
  ])('%s → %s / %s', (name, pascal, camel) => {
    expect(pascalCase(name)).toBe(pascal);
    expect(camelCase(name)).toBe(camel);
  });

  test('snakeCase keeps digits with the word before them', () => {
    expect(snakeCase('Ipv6Address')).toBe('ipv6_address');
  });
});

describe('resource paths and operation ids', () => {
  test.each([
    ['appointment', 'appointments'],
    ['category', 'categories'],
    ['status', 'statuses'],
    ['box', 'boxes'],
    ['batch', 'batches'],
    ['day', 'days'],
  ])('pluralWord(%s) = %s', (word, plural) => expect(pluralWord(word)).toBe(plural));

  test('plural kebab of the table name, last word pluralised', () => {
    expect(resourceSegment('Appointment')).toBe('appointments');
    expect(resourceSegment('ReferralDocument')).toBe('referral-documents');
    expect(resourceSegment('OAuth2Token')).toBe('o-auth2-tokens');
  });

  test.each([
    ['list', 'listAppointments'],
    ['read', 'getAppointment'],
    ['create', 'createAppointment'],
    ['update', 'updateAppointment'],
    ['delete', 'deleteAppointment'],
  ] as const)('%s → %s', (op, id) => expect(operationId(op, 'Appointment')).toBe(id));

  test('list ids pluralise the last word of a compound name', () => {
    expect(operationId('list', 'ReferralDocument')).toBe('listReferralDocuments');
    expect(operationId('read', 'HTTPRequest')).toBe('getHttpRequest');
  });

  test('event names: completed when modules react, requested for a job', () => {
    expect(eventName('book-appointment', true)).toBe('book-appointment.completed');
    expect(eventName('send-reminders', false)).toBe('send-reminders.requested');
  });
});

describe('shortenIdentifier', () => {
  const sha8 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 8);

  test('names within 63 bytes are unchanged', () => {
    const exactly63 = 'a'.repeat(63);
    expect(shortenIdentifier('appointment_patient_id_idx')).toBe('appointment_patient_id_idx');
    expect(shortenIdentifier(exactly63)).toBe(exactly63);
  });

  test('a 64-byte name is cut to 54 bytes plus _ and the first 8 hex digits of its SHA-256', () => {
    const name = 'b'.repeat(64);
    const short = shortenIdentifier(name);
    expect(short).toBe(`${'b'.repeat(54)}_${sha8(name)}`);
    expect(bytes(short)).toBe(63);
  });

  test('two long names with a common prefix stay distinct, and the result is stable', () => {
    const prefix = 'telemetry_point_tenant_id_device_id_recorded_at_vehicle_id_speed';
    const a = shortenIdentifier(`${prefix}_a_idx`);
    const b = shortenIdentifier(`${prefix}_b_idx`);
    expect(a).not.toBe(b);
    expect(shortenIdentifier(`${prefix}_a_idx`)).toBe(a);
  });

  test('multi-byte names are cut on a character boundary, within the byte limit', () => {
    const name = 'é'.repeat(40); // 80 bytes
    const short = shortenIdentifier(name);
    expect(bytes(short)).toBeLessThanOrEqual(63);
    expect(short.endsWith(`_${sha8(name)}`)).toBe(true);
    expect(short.startsWith('é'.repeat(27))).toBe(true); // 27 × 2 = 54 bytes
    expect(short).not.toContain('\uFFFD');
  });

  test('a custom limit applies', () => {
    const short = shortenIdentifier('abcdefghijklmnopqrstuvwxyz', 20);
    expect(short).toBe(`abcdefghijk_${sha8('abcdefghijklmnopqrstuvwxyz')}`);
  });
});
