import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const spec: PartialSpec = {
  auth: { identity: ['oidc', 'api-key'] },
  api: { style: 'rest', consumers: ['web', 'partners'] },
  modules: [{ name: 'booking' }],
  entities: [
    { name: 'Appointment', module: 'booking', fields: [{ name: 'id', type: 'uuid', key: true }], api: ['delete', 'create', 'list', 'read', 'update'] },
    { name: 'ReferralDocument', module: 'booking', fields: [{ name: 'code', type: 'string', key: true }], api: ['list'] },
    { name: 'Internal', module: 'booking', fields: [{ name: 'id', type: 'uuid', key: true }] },
  ],
};

test('one resource per entity with api operations, under /v1, with methods and stable operation ids', () => {
  const api = modelOf(spec).api;
  expect(api).toMatchObject({ style: 'rest', version: 'v1', basePath: '/v1', consumers: ['partners', 'web'], identity: ['api-key', 'oidc'] });
  expect(api.resources.map((r) => r.entity)).toEqual(['Appointment', 'ReferralDocument']);
  const appointments = api.resources[0]!;
  expect(appointments).toMatchObject({ table: 'appointment', module: 'booking', collectionPath: '/v1/appointments', itemPath: '/v1/appointments/{id}' });
  expect(appointments.operations.map((o) => [o.method, o.path, o.operationId])).toEqual([
    ['POST', '/v1/appointments', 'createAppointment'],
    ['DELETE', '/v1/appointments/{id}', 'deleteAppointment'],
    ['GET', '/v1/appointments', 'listAppointments'],
    ['GET', '/v1/appointments/{id}', 'getAppointment'],
    ['PATCH', '/v1/appointments/{id}', 'updateAppointment'],
  ]);
  expect(api.resources[1]).toMatchObject({ collectionPath: '/v1/referral-documents', itemPath: '/v1/referral-documents/{code}' });
  expect(api.resources[1]!.operations.map((o) => o.operationId)).toEqual(['listReferralDocuments']);
});

test('the style is the external-api decision; none exposes no resources', () => {
  expect(modelOf({ ...spec, decisions: [pin('external-api', 'grpc')] }).api.style).toBe('grpc');
  const none = modelOf({ ...spec, decisions: [pin('external-api', 'none')] }).api;
  expect(none.style).toBe('none');
  expect(none.resources).toEqual([]);
});
