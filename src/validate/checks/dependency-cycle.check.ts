// modules[].depends_on forms no cycle. Each cycle is printed once, rotated to start at its smallest module name,
// and located at that module's depends_on item naming the next module, so the result does not depend on list order.
import { compareNames } from '../../spec/normalize.js';
import type { SystemSpec } from '../../spec/types.js';
import { defineCheck } from './check.js';
import { valueSpan } from './spec-names.js';

type Graph = ReadonlyMap<string, readonly string[]>;

/** Module → its known dependencies, sorted; unknown names are another check's concern. */
function dependencyGraph(spec: SystemSpec): Graph {
  const known = new Set(spec.modules.map((m) => m.name));
  const graph = new Map<string, string[]>();
  for (const module of spec.modules) {
    const targets = graph.get(module.name) ?? [];
    for (const dependency of module.depends_on ?? []) if (known.has(dependency)) targets.push(dependency);
    graph.set(module.name, [...new Set(targets)].sort(compareNames));
  }
  return graph;
}

/** Rotates a cycle (without the closing repeat) to start at its smallest name. */
function canonicalCycle(cycle: readonly string[]): string[] {
  let start = 0;
  cycle.forEach((name, i) => { if (compareNames(name, cycle[start]!) < 0) start = i; });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** One cycle per back edge of an iterative depth-first search in name order (no recursion: chains may be long). */
export function findCycles(graph: Graph): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const found = new Map<string, string[]>();
  for (const root of [...graph.keys()].sort(compareNames)) {
    if (state.has(root)) continue;
    const stack: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = graph.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const seen = state.get(target);
      if (seen === 'active') {
        const from = stack.findIndex((frame) => frame.node === target);
        const cycle = canonicalCycle(stack.slice(from).map((frame) => frame.node));
        found.set(cycle.join('\u0000'), cycle);
      } else if (seen === undefined) {
        state.set(target, 'active');
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return [...found.entries()].sort(([a], [b]) => compareNames(a, b)).map(([, cycle]) => cycle);
}

export const dependencyCycleCheck = defineCheck({
  id: 'dependency-cycle',
  description: 'modules[].depends_on has no cycle',
  run({ spec, locate, report }) {
    for (const cycle of findCycles(dependencyGraph(spec))) {
      const first = cycle[0]!;
      const next = cycle[1] ?? first;
      const moduleIndex = spec.modules.findIndex((m) => m.name === first);
      const itemIndex = (spec.modules[moduleIndex]?.depends_on ?? []).indexOf(next);
      report.report('ARC0304', { cycle: [...cycle, first].join(' → ') },
        valueSpan(locate, `modules.${moduleIndex}.depends_on.${itemIndex}`));
    }
  },
});
