// Every sample spec gets every catalogue decision with a complete record.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { noPositions } from '../../src/load/locator.js';
import { catalogue, fixedDecisionIds } from '../../src/passes/catalogue.js';
import { compareNames } from '../../src/spec/normalize.js';
import type { SystemSpec } from '../../src/spec/types.js';

const samplesDir = new URL('../../samples/', import.meta.url);
const samples = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((name) => existsSync(new URL(`${name}/system.yaml`, samplesDir))).sort(compareNames)
  : [];

test('samples exist', () => {
  expect(samples.length).toBeGreaterThan(0);
});

describe.each(samples)('sample %s', (name) => {
  const spec = parse(readFileSync(new URL(`${name}/system.yaml`, samplesDir), 'utf8')) as SystemSpec;
  const model = runPasses(normalizeSpec(spec), noPositions);

  test('every catalogue decision is complete', () => {
    const flows = (spec.flows ?? []).map((f) => f.name).sort(compareNames);
    expect(model.decisions.map((d) => d.id)).toEqual([...fixedDecisionIds, ...flows.map((f) => `consistency.${f}`)]);
    for (const d of model.decisions) {
      const key = (d.id.startsWith('consistency.') ? 'consistency' : d.id) as keyof typeof catalogue;
      const others = catalogue[key].filter((c) => c !== d.choice);
      expect(catalogue[key]).toContain(d.choice);
      expect(d.alternatives.map((a) => a.choice)).toEqual(others);
      expect(d.rule.startsWith(`${key}/`)).toBe(true);
      expect(d.rationale).toMatch(/because|Pinned/);
      expect(d.consequences.cost).not.toBe('');
      expect(d.consequences.operations).not.toBe('');
      expect(d.inputs.length + d.assumptions.length).toBeGreaterThan(0);
    }
  });

  test('pins in the sample win', () => {
    for (const pin of spec.decisions ?? []) {
      expect(model.decisions.find((d) => d.id === pin.id)).toMatchObject({ choice: pin.choice, pinned: { reason: pin.reason ?? 'no reason given' } });
    }
  });
});
