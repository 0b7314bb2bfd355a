// schema/model.schema.json describes what every sample's model.json holds: the contract's decision and
// assumption records exactly, the normalized spec, and the catalogue's choices per decision id.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ajvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import { loadSpec } from '../../src/load/load-spec.js';
import { catalogue, fixedDecisionIds } from '../../src/passes/catalogue.js';
import { runPasses } from '../../src/passes/index.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { validateSpec } from '../../src/validate/validate-spec.js';

const root = process.cwd();
const modelSchema = JSON.parse(readFileSync(join(root, 'schema', 'model.schema.json'), 'utf8')) as {
  definitions: { Decision: { allOf: Array<{ if: { properties: { id: { const?: string; pattern?: string } } }; then: { properties: { choice: { enum: string[] } } } }> } };
};
// ajv is CommonJS: under ESM its class is the default export's `default`.
const AjvClass = ajvModule.default.default;
const validateModel: ValidateFunction = new AjvClass({ allErrors: true, strict: false }).compile(modelSchema);

/** The model as written to model.json (JSON drops undefined members). */
function modelJson(file: string): unknown {
  const load = loadSpec(file, readFileSync(file));
  if (!load.loaded) throw new Error(`${file} does not load: ${load.diagnostics.map((d) => d.message).join('; ')}`);
  const { spec } = validateSpec(load.loaded);
  if (!spec) throw new Error(`${file} is not valid`);
  return JSON.parse(JSON.stringify(runPasses(normalizeSpec(spec), load.loaded.locator)));
}

const samples = readdirSync(join(root, 'samples')).sort().map((name) => join(root, 'samples', name, 'system.yaml'));

test('there are samples to check', () => {
  expect(samples.length).toBeGreaterThan(0);
});

test.each(samples.map((file) => [file.slice(root.length + 1), file]))('the model of %s validates against model.schema.json', (_, file) => {
  const model = modelJson(file);
  const valid = validateModel(model);
  expect(valid ? [] : validateModel.errors).toEqual([]);
});

test('the schema rejects a decision record that breaks the contract', () => {
  const model = modelJson(samples[0]!) as { decisions: Array<Record<string, unknown>> };
  const broken = structuredClone(model);
  delete broken.decisions[0]!['rule'];
  expect(validateModel(broken)).toBe(false);
  const wrongChoice = structuredClone(model);
  const cache = wrongChoice.decisions.find((d) => d['id'] === 'cache')!;
  cache['choice'] = 'memcached';
  expect(validateModel(wrongChoice)).toBe(false);
  const extra = structuredClone(model);
  extra.decisions[0]!['confidence'] = 0.9;
  expect(validateModel(extra)).toBe(false);
});

test('the schema lists the same choices per decision id as the catalogue', () => {
  const fromSchema: Record<string, string[]> = {};
  for (const rule of modelSchema.definitions.Decision.allOf) {
    const id = rule.if.properties.id.const ?? 'consistency';
    fromSchema[id] = rule.then.properties.choice.enum;
  }
  const expected: Record<string, string[]> = {};
  for (const id of [...fixedDecisionIds, 'consistency'] as const) expected[id] = [...catalogue[id]];
  expect(fromSchema).toEqual(expected);
});
