// No false positives: every spec the valid-spec arbitrary builds (references and names hold by construction)
// passes the schema and every semantic check without an error, written out as YAML and loaded back.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadSpec } from '../../src/load/load-spec.js';
import { validateSpec } from '../../src/validate/validate-spec.js';
import { systemSpecArb } from '../arbitraries/spec.js';

test('valid specs raise no semantic errors', () => {
  fc.assert(fc.property(systemSpecArb, (spec) => {
    const load = loadSpec('spec.yaml', new TextEncoder().encode(stringify(spec)));
    expect(load.diagnostics).toEqual([]);
    const errors = validateSpec(load.loaded!).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    expect(errors).toEqual([]);
  }), { numRuns: 150, seed: 20261125 });
});
