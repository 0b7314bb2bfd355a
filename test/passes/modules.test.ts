import type { ModuleModel } from '../../src/model/types.js';
import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const spec: PartialSpec = {
  team: { engineers: 12, teams: 2 },
  modules: [
    { name: 'patients', description: 'Patient profiles and consent.' },
    { name: 'scheduling', description: 'Bookable slots', needs: { independent_scaling: true } },
    { name: 'booking', description: 'Appointment lifecycle', depends_on: ['scheduling'] },
    { name: 'notifications', description: 'Reminder messages', depends_on: ['booking'] },
  ],
  entities: [
    { name: 'Patient', module: 'patients', fields: [{ name: 'id', type: 'uuid', key: true }], api: ['read', 'create'] },
    { name: 'Slot', module: 'scheduling', fields: [{ name: 'id', type: 'uuid', key: true }], api: ['list'] },
    // booking refers to patients without declaring the dependency: the ref implies it.
    { name: 'Appointment', module: 'booking', fields: [{ name: 'id', type: 'uuid', key: true }, { name: 'patient', type: 'ref', to: 'Patient' }, { name: 'slot', type: 'ref', to: 'Slot' }], api: ['create', 'read'] },
  ],
  flows: [
    { name: 'book-appointment', kind: 'request', touches: ['Appointment', 'Slot'], writes: ['Appointment'], consumers: ['notifications'] },
    { name: 'find-slots', kind: 'request', touches: ['Slot'] },
    { name: 'nightly-cleanup', kind: 'scheduled', schedule: '0 3 * * *', touches: ['Slot'], writes: ['Slot'] },
  ],
  decisions: [pin('messaging', 'queue')],
};

function byName(modules: readonly ModuleModel[], name: string): ModuleModel {
  const found = modules.find((m) => m.name === name);
  if (found === undefined) throw new Error(name);
  return found;
}

describe('module boundaries', () => {
  const modules = modelOf(spec).modules;

  test('sorted by name with their schema', () => {
    expect(modules.map((m) => [m.name, m.schema])).toEqual([['booking', 'booking'], ['notifications', 'notifications'], ['patients', 'patients'], ['scheduling', 'scheduling']]);
  });

  test('dependencies: declared plus implied by refs; dependents are the reverse', () => {
    expect(byName(modules, 'booking').dependsOn).toEqual(['patients', 'scheduling']);
    expect(byName(modules, 'patients').dependents).toEqual(['booking']);
    expect(byName(modules, 'scheduling').dependents).toEqual(['booking']);
  });

  test('owned entities and interfaces: API operation ids, synchronous flows and published events', () => {
    expect(byName(modules, 'booking').entities).toEqual(['Appointment']);
    expect(byName(modules, 'booking').interfaces).toEqual(['book-appointment.completed (event)', 'bookAppointment (request flow)', 'createAppointment', 'getAppointment']);
    expect(byName(modules, 'patients').interfaces).toEqual(['createPatient', 'getPatient']);
  });

  test('responsibility starts from the description and names owned data and flows', () => {
    const booking = byName(modules, 'booking').responsibility;
    expect(booking).toContain('Appointment lifecycle.');
    expect(booking).toContain('Appointment');
    expect(booking).toContain('book-appointment');
    expect(byName(modules, 'notifications').responsibility).toContain('Reacts to book-appointment');
  });

  test('failure impact names the flows that touch its entities', () => {
    const scheduling = byName(modules, 'scheduling').failureImpact;
    expect(scheduling).toContain('book-appointment');
    expect(scheduling).toContain('find-slots');
    expect(scheduling).toContain('nightly-cleanup');
    expect(byName(modules, 'patients').failureImpact).toContain('No flow touches');
  });

  test('split needs are the true needs flags', () => {
    expect(byName(modules, 'scheduling').splitNeeds).toEqual(['independent_scaling']);
    expect(byName(modules, 'booking').splitNeeds).toEqual([]);
  });
});

describe('deployment follows the shape decision', () => {
  test.each([
    ['modular-monolith', ['core', 'core', 'core', 'core']],
    ['microservices', ['service', 'service', 'service', 'service']],
    ['hybrid', ['core', 'core', 'core', 'service']],
  ])('%s', (shape, deployments) => {
    const modules = modelOf({ ...spec, decisions: [...(spec.decisions ?? []), pin('shape', shape)] }).modules;
    expect(modules.map((m) => m.deployment)).toEqual(deployments);
  });
});

test('ownership is a split need with ≥ 3 teams and ≥ 3 distinct owners, for modules with an owner', () => {
  const modules = modelOf({
    team: { engineers: 20, teams: 3 },
    modules: [{ name: 'a-mod', owner: 'team-a' }, { name: 'b-mod', owner: 'team-b' }, { name: 'c-mod', owner: 'team-c' }, { name: 'd-mod' }],
  }).modules;
  expect(modules.map((m) => [m.name, m.splitNeeds])).toEqual([['a-mod', ['ownership']], ['b-mod', ['ownership']], ['c-mod', ['ownership']], ['d-mod', []]]);
});
