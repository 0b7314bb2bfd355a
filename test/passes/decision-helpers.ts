// Shared helpers for decision-engine tests: run the passes over a raw spec and read or set spec paths.
import type { SystemSpec } from '../../src/spec/types.js';
import type { ArchitectureModel, Decision } from '../../src/model/types.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { noPositions } from '../../src/load/locator.js';

export function build(spec: SystemSpec): ArchitectureModel {
  return runPasses(normalizeSpec(structuredClone(spec)), noPositions);
}

export function decisionOf(model: ArchitectureModel, id: string): Decision {
  const d = model.decisions.find((x) => x.id === id);
  if (!d) throw new Error(`no decision ${id}`);
  return d;
}

export function choice(spec: SystemSpec, id: string): string {
  return decisionOf(build(spec), id).choice;
}

const namedLists = new Set(['modules', 'entities', 'flows', 'integrations']);

/** A copy of the raw spec with the value at a dotted path (list items by name) set, creating objects on the way. */
export function withValue(spec: SystemSpec, path: string, value: unknown): SystemSpec {
  const copy = structuredClone(spec) as unknown as Record<string, unknown>;
  const parts = path.split('.');
  let current: Record<string, unknown> = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = current[part];
    if (Array.isArray(next) && namedLists.has(part)) {
      const item = next.find((x: { name?: string }) => x.name === parts[i + 1]);
      if (!item) throw new Error(`no ${part} item ${parts[i + 1]}`);
      current = item as Record<string, unknown>;
      i++;
      continue;
    }
    if (next === undefined) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts[parts.length - 1]!] = value;
  return copy as unknown as SystemSpec;
}

/** A minimal valid spec: one module, nothing else. */
export function minimalSpec(): SystemSpec {
  return {
    archc: 1,
    system: { name: 'tiny', summary: 'A tiny system.' },
    modules: [{ name: 'core-domain' }],
  };
}

/** The largest double below x. */
export function below(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
