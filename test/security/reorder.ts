// Rewrites a spec with the order of everything the contract says has no meaning shuffled (seeded): the keys of every
// mapping, the named lists and the sets. Lists whose order means something (fields, access, access.by,
// components, enum values, free-text lists) keep their order. Comments and scalar styles survive (yaml's Document).
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** List paths the contract calls unordered; `*` is any item of a list. */
const UNORDERED_LISTS: readonly string[] = [
  'modules', 'entities', 'flows', 'integrations', 'decisions',
  'auth.roles', 'auth.identity', 'api.consumers', 'data.compliance', 'data.residency',
  'modules.*.depends_on', 'entities.*.api',
  'flows.*.touches', 'flows.*.writes', 'flows.*.calls', 'flows.*.consumers',
];

function shuffle<T>(random: () => number, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** The same text with mapping keys and unordered lists shuffled. */
export function reorderSpec(text: string, random: () => number): string {
  const doc = parseDocument(text, { version: '1.2' });
  const visit = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      shuffle(random, node.items);
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      if (UNORDERED_LISTS.includes(path.join('.'))) shuffle(random, node.items as Node[]);
      for (const item of node.items) visit(item, [...path, '*']);
    }
  };
  visit(doc.contents, []);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Removes recorded source positions, the one thing a reorder may change: `line`/`column` of model.json's
 * decision inputs, and the `system.yaml <line>:<column>` citations in ADRs.
 */
export function withoutPositions(path: string, content: string): string {
  if (path === 'model.json') {
    return JSON.stringify(JSON.parse(content, (key, value: unknown) => {
      if (key !== 'inputs' || !Array.isArray(value)) return value;
      return value.map((input: unknown) => {
        if (typeof input !== 'object' || input === null) return input;
        const { line: _line, column: _column, ...rest } = input as Record<string, unknown>;
        return rest;
      });
    }), null, 1);
  }
  return content.replace(/system\.yaml \d+:\d+/g, 'system.yaml <position>');
}
