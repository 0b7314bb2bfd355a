// Property tests of the decision engine over generated valid specs (fixed seed).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { systemSpecArb } from '../arbitraries/spec.js';
import { below, build, withValue } from './decision-helpers.js';
import { catalogue, fixedDecisionIds } from '../../src/passes/catalogue.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { validateSpec } from '../../src/validate/validate-spec.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import type { SystemSpec } from '../../src/spec/types.js';
import type { ArchitectureModel } from '../../src/model/types.js';

const params = { seed: 42, numRuns: 100 };

function pinned(spec: SystemSpec, id: string): boolean {
  return (spec.decisions ?? []).some((d) => d.id === id);
}

function choiceIn(model: ArchitectureModel, id: string): string {
  return model.decisions.find((d) => d.id === id)!.choice;
}

describe('generated specs', () => {
  test('the arbitrary only generates specs the validator accepts', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const { loaded } = loadSpec('gen.yaml', new TextEncoder().encode(stringify(spec)));
      expect(loaded).not.toBeNull();
      const result = validateSpec(loaded!);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(hasErrors(result.diagnostics)).toBe(false);
    }), { seed: 42, numRuns: 60 });
  });

  test('every catalogue decision is made once, in catalogue order, with a complete record', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      const flows = (spec.flows ?? []).map((f) => f.name).sort();
      expect(model.decisions.map((d) => d.id)).toEqual([...fixedDecisionIds, ...flows.map((f) => `consistency.${f}`)]);
      const assumed = new Set(model.assumptions.map((a) => a.id));
      for (const d of model.decisions) {
        const key = (d.id.startsWith('consistency.') ? 'consistency' : d.id) as keyof typeof catalogue;
        const vocabulary: readonly string[] = catalogue[key];
        expect(vocabulary).toContain(d.choice);
        expect(d.alternatives.map((a) => a.choice).sort()).toEqual(vocabulary.filter((c) => c !== d.choice).sort());
        for (const a of d.alternatives) expect(a.reason.length).toBeGreaterThan(10);
        expect(d.rule).toMatch(new RegExp(`^${key}/[a-z0-9-]+$`));
        expect(d.rationale.length).toBeGreaterThan(30);
        expect(d.consequences.cost.length).toBeGreaterThan(5);
        expect(d.consequences.operations.length).toBeGreaterThan(5);
        expect(d.inputs.length + d.assumptions.length).toBeGreaterThan(0);
        // An assumed input is cited as an assumption, never as an input.
        for (const input of d.inputs) expect(assumed.has(input.path)).toBe(false);
        for (const id of d.assumptions) expect(assumed.has(id)).toBe(true);
      }
    }), params);
  });

  test('pins always win', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      for (const pin of spec.decisions ?? []) {
        const d = model.decisions.find((x) => x.id === pin.id)!;
        expect(d.choice).toBe(pin.choice);
        expect(d.pinned).not.toBeNull();
        expect(d.tippingPoint).toBeNull();
      }
      for (const d of model.decisions) if (!pinned(spec, d.id)) expect(d.pinned).toBeNull();
    }), params);
  });

  test('running the passes twice gives identical JSON, and set order in the spec does not matter', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const first = JSON.stringify(build(spec));
      expect(JSON.stringify(build(spec))).toBe(first);
      const reversed = { ...spec, modules: [...spec.modules].reverse(), flows: [...(spec.flows ?? [])].reverse(), entities: [...(spec.entities ?? [])].reverse() } as SystemSpec;
      expect(JSON.stringify({ ...build(reversed), spec: null })).toBe(JSON.stringify({ ...JSON.parse(first), spec: null }));
    }), { seed: 42, numRuns: 50 });
  });

  test('capacity thresholds agree with the yearly figures and with the decisions compared against them', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      const c = model.capacity;
      expect(c.years.map((y) => y.year)).toEqual(Array.from({ length: c.horizonYears + 1 }, (_, i) => i));
      const searched = new Set(normalizeSpec(spec).entities.filter((e) => e.access.some((a) => 'search' in a)).map((e) => e.name));
      const seriesOf = (id: string): number[] => {
        if (id === 'read-replica' || id === 'cache') return c.years.map((y) => y.readRps);
        if (id === 'primary-write-ceiling') return c.years.map((y) => y.writeRps);
        if (id === 'single-node-storage') return c.years.map((y) => y.storageBytes);
        if (id === 'search-engine') return c.years.map((_, y) => c.entities.filter((e) => searched.has(e.entity)).reduce((s, e) => s + e.rowsPerYear[y]!, 0));
        if (id.startsWith('partition:')) return c.entities.find((e) => e.entity === id.slice('partition:'.length))!.rowsPerYear;
        throw new Error(`unknown threshold ${id}`);
      };
      for (const t of c.thresholds) {
        const series = seriesOf(t.id);
        const first = series.findIndex((x) => x >= t.value);
        expect(t.crossedInYear).toBe(first < 0 ? null : first);
      }
      for (const e of c.entities) {
        expect(e.rowsPerYear).toHaveLength(c.horizonYears + 1);
        expect(e.rowsAtHorizon).toBe(e.rowsPerYear[c.horizonYears]);
        expect(e.storageBytesAtHorizon).toBe(e.rowsAtHorizon * e.bytesPerRow);
      }
      const n = normalizeSpec(spec);
      const atHorizon = (id: string): number => seriesOf(id)[c.horizonYears]!;
      const cacheT = c.thresholds.find((t) => t.id === 'cache')!;
      const hot = n.entities.some((e) => e.access.some((a) => 'by' in a && a.hot));
      if (!pinned(spec, 'cache') && !n.entities.some((e) => e.ephemeral) && hot) {
        expect(choiceIn(model, 'cache') === 'redis').toBe(atHorizon('cache') >= cacheT.value);
      }
      const searchT = c.thresholds.find((t) => t.id === 'search-engine');
      if (!pinned(spec, 'search')) {
        expect(searchT !== undefined).toBe(searched.size > 0);
        if (searchT) expect(choiceIn(model, 'search') === 'search-engine').toBe(atHorizon('search-engine') >= searchT.value);
      }
    }), params);
  });

  test('every tipping point flips the choice exactly at its threshold', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      for (const d of model.decisions) {
        const tp = d.tippingPoint;
        if (!tp) continue;
        const integer = Number.isInteger(tp.value) && Number.isInteger(tp.threshold) && !tp.input.endsWith('peak_rps')
          && !tp.input.endsWith('rate_per_sec') && tp.input !== 'targets.availability';
        // The adjacent double below a continuous threshold: thresholds are exact, not approximate.
        const justBelow = integer ? tp.threshold - 1 : below(tp.threshold);
        const at = build(withValue(spec, tp.input, tp.threshold)).decisions.find((x) => x.id === d.id)!.choice;
        const under = build(withValue(spec, tp.input, justBelow)).decisions.find((x) => x.id === d.id)!.choice;
        if (tp.threshold > tp.value) {
          expect(at).toBe(tp.flipsTo);
          expect(under).toBe(d.choice);
        } else {
          expect(at).toBe(d.choice);
          expect(under).toBe(tp.flipsTo);
        }
        expect(tp.flipsTo).not.toBe(d.choice);
      }
    }), { seed: 42, numRuns: 60 });
  });

  test('guardrails: no microservices, event log, Redis or latency figure without a driver in the spec', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      const n = normalizeSpec(spec);
      const anyNeed = n.modules.some((m) => m.needs.independent_scaling || m.needs.independent_deploys || m.needs.fault_isolation)
        || (n.modules.filter((m) => m.owner !== undefined).length >= 3);
      if (['microservices', 'hybrid'].includes(choiceIn(model, 'shape')) && !pinned(spec, 'shape')) expect(anyNeed).toBe(true);
      if (choiceIn(model, 'messaging') === 'event-log' && !pinned(spec, 'messaging')) {
        expect(n.flows.some((f) => f.consumers.length >= 2 || f.replay || f.ordered)).toBe(true);
      }
      if (choiceIn(model, 'cache') === 'redis' && !pinned(spec, 'cache')) {
        expect(n.entities.some((e) => e.ephemeral || e.access.some((a) => 'by' in a && a.hot))).toBe(true);
      }
      const text = JSON.stringify(model.decisions.map((d) => [d.rationale, d.alternatives, d.consequences]));
      expect(text).not.toMatch(/kubernetes/i);
      const latencyStated = n.targets.latency_p99_ms !== undefined || n.flows.some((f) => f.latency_p99_ms !== undefined);
      if (!latencyStated) expect(text).not.toMatch(/\d\s*ms\b|\bp(50|95|99)\b|milliseconds/i);
    }), params);
  });

  test('no decision contradicts another', () => {
    fc.assert(fc.property(systemSpecArb, (spec) => {
      const model = build(spec);
      const n = normalizeSpec(spec);
      const shape = choiceIn(model, 'shape');
      const comm = choiceIn(model, 'internal-comm');
      if (!pinned(spec, 'internal-comm')) {
        // One deployable ⇔ in-process: a monolith or serverless never talks over the network internally.
        if (shape === 'modular-monolith' || shape === 'serverless' || n.modules.length === 1) expect(comm).toBe('in-process');
        if (shape === 'microservices' && n.modules.length > 1) expect(comm).not.toBe('in-process');
        if (comm === 'events' && !pinned(spec, 'messaging')) expect(choiceIn(model, 'messaging')).not.toBe('none');
      }
      const unpinned = (id: string): boolean => !pinned(spec, id);
      if (unpinned('external-api')) expect(choiceIn(model, 'external-api') === 'none').toBe(n.entities.every((e) => e.api.length === 0));
      if (unpinned('realtime')) expect(choiceIn(model, 'realtime') === 'none').toBe(!n.flows.some((f) => f.kind === 'realtime'));
      if (unpinned('tenancy')) expect(choiceIn(model, 'tenancy') === 'none').toBe(n.tenancy.model === 'single');
      if (unpinned('blob-store')) expect(choiceIn(model, 'blob-store') === 'object-storage').toBe(n.entities.some((e) => e.fields.some((f) => f.type === 'blob')));
      if (unpinned('primary-store')) expect(choiceIn(model, 'primary-store') === 'none').toBe(n.entities.every((e) => e.ephemeral));
      if (unpinned('deployment') && n.data.residency.length >= 2) expect(choiceIn(model, 'deployment')).toMatch(/^multi-region/);
      if (unpinned('shape') && shape === 'serverless') expect(n.flows.some((f) => f.kind === 'realtime')).toBe(false);
      if (unpinned('search') && choiceIn(model, 'search') !== 'none') expect(n.entities.some((e) => e.access.some((a) => 'search' in a))).toBe(true);
    }), params);
  });
});
