import { errorBudgetMinutes } from '../../src/passes/reliability.pass.js';
import { worstCaseMs } from '../../src/passes/derived/call-budgets.js';
import { modelOf, type PartialSpec } from './helpers/derived-model.js';

const pin = (id: string, choice: string) => ({ id, choice, reason: 'test' });

test.each([
  [99.9, 43.2],
  [99.95, 21.6],
  [99.99, 4.32],
  [99, 432],
])('error budget of %s%% is %s minutes per 30-day month', (availability, minutes) => {
  expect(errorBudgetMinutes(availability)).toBeCloseTo(minutes, 6);
});

const spec: PartialSpec = {
  targets: { availability: 99.9, rpo_minutes: 15, rto_minutes: 60 },
  modules: [{ name: 'shop' }],
  entities: [{ name: 'Order', module: 'shop', fields: [{ name: 'id', type: 'uuid', key: true }] }],
  integrations: [{ name: 'payments', kind: 'payment', critical: true }, { name: 'mailer', kind: 'email', critical: false }],
  flows: [
    { name: 'place-order', kind: 'request', touches: ['Order'], writes: ['Order'], calls: ['payments', 'mailer'] },
    { name: 'list-orders', kind: 'request', touches: ['Order'] },
  ],
  decisions: [pin('messaging', 'queue'), pin('cache', 'none'), pin('search', 'none'), pin('blob-store', 'none'), pin('deployment', 'multi-zone')],
};

describe('reliability model', () => {
  const model = modelOf(spec);
  const reliability = model.reliability;

  test('SLO: no latency number without a stated target', () => {
    expect(reliability.slo).toEqual({ availability: 99.9, errorBudgetMinutesPerMonth: 43.2, latencyP99Ms: null });
    expect(reliability.telemetry.alerts.map((a) => a.name)).not.toContain('latency-target');
  });

  test('failure modes: each integration plus only the components actually chosen', () => {
    expect(reliability.failureModes.map((f) => [f.component, f.kind])).toEqual([
      ['mailer', 'integration'], ['payments', 'integration'], ['postgresql', 'store'], ['queue', 'queue'],
    ]);
    expect(reliability.failureModes.find((f) => f.component === 'payments')?.impact).toContain('place-order');
  });

  test('the request flow calls the critical integration inline and hands the non-critical one to a job', () => {
    const callees = reliability.budgets.filter((b) => b.caller === 'flow:place-order').map((b) => b.callee);
    expect(callees).toEqual(['integration:payments', 'postgresql', 'queue']);
    const consumer = reliability.budgets.filter((b) => b.caller.startsWith('consumer:')).map((b) => b.callee);
    expect(consumer).toContain('integration:mailer');
  });

  test('budgets nest: the edge gives the flow its whole timeout, which exceeds everything the flow waits for', () => {
    const placeOrder = model.flows.find((f) => f.name === 'place-order')!;
    const calls = reliability.budgets.filter((b) => b.caller === 'flow:place-order');
    const waited = calls.reduce((sum, b) => sum + worstCaseMs(b), 0);
    // payments 3000 × 2 + 250, postgresql 2000 × 1, queue 1000 × 3 + 100 + 200 = 11550.
    expect(waited).toBe(11_550);
    expect(placeOrder.timeoutMs).toBeGreaterThan(waited);
    expect(reliability.budgets.find((b) => b.caller === 'edge' && b.callee === 'flow:place-order')?.timeoutMs).toBe(placeOrder.timeoutMs);
  });

  test('backup: PITR with WAL archiving for a 15-minute RPO; the restore drill is timed against the RTO', () => {
    expect(reliability.backup).toMatchObject({ rpoMinutes: 15, rtoMinutes: 60 });
    expect(reliability.backup.method).toContain('WAL');
    expect(reliability.backup.restoreTest).toContain('60 minutes');
    expect(reliability.disasterRecovery).toContain('Multi-zone');
  });

  test('telemetry: a trace per flow, alerts tied to user impact', () => {
    expect(reliability.telemetry.traces).toHaveLength(2);
    expect(reliability.telemetry.alerts.map((a) => a.name)).toEqual(expect.arrayContaining(['dead-letter', 'error-budget-fast-burn', 'queue-age', 'critical-integration-breaker-open']));
  });
});

test('a day-long RPO uses snapshots; a stated latency target becomes the SLO latency and an alert', () => {
  const reliability = modelOf({ ...spec, targets: { availability: 99.5, rpo_minutes: 1440, rto_minutes: 480, latency_p99_ms: 300 } }).reliability;
  expect(reliability.backup.method).toContain('snapshots');
  expect(reliability.slo.latencyP99Ms).toBe(300);
  expect(reliability.telemetry.alerts.map((a) => a.name)).toContain('latency-target');
});
