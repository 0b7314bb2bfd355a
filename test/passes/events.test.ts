import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

const base: PartialSpec = {
  modules: [{ name: 'booking' }, { name: 'notifications', depends_on: ['booking'] }, { name: 'analytics' }],
  entities: [
    { name: 'Appointment', module: 'booking', fields: [{ name: 'ref_code', type: 'string', key: true }] },
    { name: 'Reminder', module: 'notifications', fields: [{ name: 'id', type: 'uuid', key: true }] },
  ],
  integrations: [
    { name: 'mailer', kind: 'email', critical: false },
    { name: 'gifs', kind: 'other', critical: false },
    { name: 'payments', kind: 'payment', critical: true },
  ],
  flows: [
    { name: 'book-appointment', kind: 'request', touches: ['Appointment'], writes: ['Appointment'], consumers: ['notifications'], calls: ['payments'] },
    { name: 'send-reminders', kind: 'scheduled', schedule: '*/5 * * * *', actor: 'notifications', touches: ['Reminder'], writes: ['Reminder'], calls: ['mailer'] },
    { name: 'confirm-email', kind: 'request', touches: ['Appointment'], writes: ['Appointment'], calls: ['mailer'] },
    { name: 'pick-gif', kind: 'request', touches: ['Appointment'], calls: ['gifs'] },
    { name: 'view-appointment', kind: 'request', touches: ['Appointment'] },
  ],
  decisions: [pin('messaging', 'queue')],
};

describe('events per hand-off', () => {
  const model = modelOf(base);
  const event = (flow: string) => model.events.find((e) => e.flow === flow);

  test('exactly the flows that hand off work emit an event; a read-only call and a plain request do not', () => {
    expect(model.events.map((e) => e.name)).toEqual(['book-appointment.completed', 'confirm-email.requested', 'send-reminders.requested']);
  });

  test('a flow other modules react to: completed, produced by the owner of what it writes', () => {
    expect(event('book-appointment')).toMatchObject({
      producer: 'booking', consumers: ['notifications'], channel: 'queue', delivery: 'at-least-once',
      idempotencyKey: 'book-appointment:Appointment.ref_code', orderingKey: null,
      deadLetter: 'book-appointment.completed.dlq', replayable: false,
    });
  });

  test('a scheduled job is consumed by its own module; a deferred integration call by the producer', () => {
    expect(event('send-reminders')).toMatchObject({ producer: 'notifications', consumers: ['notifications'] });
    expect(event('confirm-email')).toMatchObject({ producer: 'booking', consumers: ['booking'] });
  });

  test('retry: 5 attempts, exponential backoff from 1 s doubling to at most 60 s', () => {
    expect(event('book-appointment')?.retry).toEqual({ attempts: 5, initialBackoffMs: 1000, maxBackoffMs: 60_000, multiplier: 2 });
  });

  test('the producer module lists its events as public interfaces', () => {
    expect(model.modules.find((m) => m.name === 'booking')?.interfaces).toEqual(expect.arrayContaining(['book-appointment.completed (event)', 'confirm-email.requested (event)']));
  });

  test('a flow links to its event', () => {
    expect(model.flows.find((f) => f.name === 'book-appointment')?.event).toBe('book-appointment.completed');
    expect(model.flows.find((f) => f.name === 'view-appointment')?.event).toBeNull();
  });
});

test('ordered flows key ordering on the first written entity key; idempotency without writes uses the run or message id', () => {
  const model = modelOf({
    ...base,
    flows: [
      { name: 'track', kind: 'ingest', touches: ['Reminder', 'Appointment'], writes: ['Reminder'], ordered: true },
      { name: 'nightly', kind: 'scheduled', schedule: '0 3 * * *', touches: ['Appointment'] },
      { name: 'digest', kind: 'background', touches: ['Appointment'] },
    ],
  });
  const event = (flow: string) => model.events.find((e) => e.flow === flow);
  expect(event('track')).toMatchObject({ orderingKey: 'Reminder.id', idempotencyKey: 'track:Reminder.id' });
  expect(event('nightly')?.idempotencyKey).toBe('nightly:scheduled-run-time');
  expect(event('digest')?.idempotencyKey).toBe('digest:message-id');
});

test('an event log makes events replayable', () => {
  const model = modelOf({ ...base, decisions: [pin('messaging', 'event-log')] });
  expect(model.events.every((e) => e.channel === 'event-log' && e.replayable)).toBe(true);
});

test('no messaging, no events', () => {
  expect(modelOf({ ...base, decisions: [pin('messaging', 'none')] }).events).toEqual([]);
});
