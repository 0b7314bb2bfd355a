// The benchmark's spec generator: valid specs of the requested size that exercise the whole language, byte-identical
// for the same size and seed.
import { parse } from 'yaml';
import { generateSpec } from '../../bench/gen-spec.mjs';
import { compileBytes } from '../../src/compile.js';

interface Field { name: string; type: string; key?: boolean; to?: string }
interface Entity { name: string; module: string; fields: Field[] }
interface Flow { kind: string }
interface Spec { modules: Array<{ name: string; depends_on?: string[] }>; entities: Entity[]; flows: Flow[]; integrations: unknown[] }

const ALL_TYPES = ['uuid', 'string', 'text', 'int', 'bigint', 'decimal', 'money', 'bool', 'date', 'timestamp', 'json', 'enum', 'ref', 'blob'];
const ALL_KINDS = ['request', 'background', 'realtime', 'batch', 'scheduled', 'ingest'];

function errorsOf(text: string): string[] {
  const result = compileBytes('generated.yaml', new TextEncoder().encode(text), { decide: true });
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

describe('bench/gen-spec.mjs', () => {
  test('the same size and seed give the same bytes; another seed gives another spec', () => {
    expect(generateSpec(40)).toBe(generateSpec(40));
    expect(generateSpec(40, 2)).not.toBe(generateSpec(40, 1));
  });

  test.each([10, 100])('%i entities: a spec archc accepts without errors', (size) => {
    expect(errorsOf(generateSpec(size))).toEqual([]);
  });

  test('sizes follow the request: N entities, ~N/10 modules, ~N/5 flows', () => {
    const spec = parse(generateSpec(100)) as Spec;
    expect(spec.entities).toHaveLength(100);
    expect(spec.modules).toHaveLength(10);
    expect(spec.flows).toHaveLength(20);
  });

  test('every field type and flow kind appears; one key per entity; refs and depends_on point backwards only', () => {
    const spec = parse(generateSpec(100)) as Spec;
    const types = new Set(spec.entities.flatMap((e) => e.fields.map((f) => f.type)));
    expect([...types].sort()).toEqual([...ALL_TYPES].sort());
    expect([...new Set(spec.flows.map((f) => f.kind))].sort()).toEqual([...ALL_KINDS].sort());
    const position = new Map(spec.entities.map((e, i) => [e.name, i]));
    spec.entities.forEach((entity, i) => {
      expect(entity.fields.filter((f) => f.key === true)).toHaveLength(1);
      expect(entity.fields.length).toBeGreaterThanOrEqual(5);
      expect(entity.fields.length).toBeLessThanOrEqual(12);
      for (const field of entity.fields.filter((f) => f.type === 'ref')) expect(position.get(field.to!)).toBeLessThan(i);
    });
    const modulePosition = new Map(spec.modules.map((m, i) => [m.name, i]));
    spec.modules.forEach((module, i) => {
      for (const dependency of module.depends_on ?? []) expect(modulePosition.get(dependency)).toBeLessThan(i);
    });
  });

  test('a size that is not a positive integer is refused', () => {
    expect(() => generateSpec(0)).toThrow(/entities must be an integer >= 1/);
    expect(() => generateSpec(2.5)).toThrow(/entities must be an integer >= 1/);
  });
});
