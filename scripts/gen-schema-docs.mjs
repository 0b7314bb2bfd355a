// Writes docs/system-yaml.md, the field reference, from schema/system.schema.json (descriptions, types,
// defaults, ranges), so the docs cannot drift from the schema. test/generated-docs.test.ts checks it is fresh.
import { readFileSync, writeFileSync } from 'node:fs';

function typeOf(node, definitions) {
  if (node.$ref) {
    const name = node.$ref.split('/').pop();
    const target = definitions[name];
    if (target && (target.type === 'object' || target.anyOf || target.if)) return `[${name}](#${name.toLowerCase()})`;
    return typeOf({ ...target, description: undefined }, definitions);
  }
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(' \\| ');
  if (node.anyOf) return node.anyOf.map((n) => typeOf(n, definitions)).join(' or ');
  if (node.type === 'array') return `list of ${typeOf(node.items ?? {}, definitions)}${node.uniqueItems ? ' (a set)' : ''}`;
  if (Array.isArray(node.type)) return node.type.join(' \\| ');
  if (node.type === 'string' && node.pattern && !node.pattern.includes('\\u0000')) return `string \`${node.pattern}\``;
  return node.type ?? 'any';
}

function constraints(node) {
  const parts = [];
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.maxLength !== undefined) parts.push(`≤ ${node.maxLength} chars`);
  if (node.minItems !== undefined) parts.push(`≥ ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
  if (node.default !== undefined) parts.push(`default \`${JSON.stringify(node.default)}\``);
  return parts.join(', ');
}

function escapeCell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(node, definitions) {
  const required = new Set(node.required ?? []);
  const rows = Object.entries(node.properties ?? {}).map(([key, sub]) => {
    const resolved = sub.$ref ? definitions[sub.$ref.split('/').pop()] : sub;
    const description = sub.description ?? resolved?.description ?? '';
    return `| \`${key}\`${required.has(key) ? ' **(required)**' : ''} | ${escapeCell(typeOf(sub, definitions))} | ${escapeCell(constraints({ ...resolved, ...sub }))} | ${escapeCell(description)} |`;
  });
  return ['| key | type | constraints | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

export function generateSchemaDocs() {
  const schema = JSON.parse(readFileSync(new URL('../schema/system.schema.json', import.meta.url), 'utf8'));
  const definitions = schema.definitions;
  const out = [
    '# system.yaml reference',
    '',
    '<!-- Generated from schema/system.schema.json by `npm run gen:docs`. Do not edit by hand. -->',
    '',
    schema.description,
    '',
    'Unknown keys are errors. Sets have no meaningful order (outputs sort them); `fields`, `access`,',
    '`access.by`, `components` and free-text lists keep their order. Rules the schema cannot express',
    '(references, cycles, case-insensitive uniqueness, exactly one key, `writes` ⊆ `touches`, reserved names)',
    'are semantic checks, listed with their codes in [diagnostics.md](diagnostics.md).',
    '',
    '## Top level',
    '',
    table(schema, definitions),
  ];
  for (const [name, node] of Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (node.type !== 'object' && !node.if) continue;
    out.push('', `## ${name}`, '', node.description ?? '');
    if (node.properties) out.push('', table(node, definitions));
    if (node.if && node.then && node.else && !node.properties) {
      out.push('', `Either ${typeOf(node.then, definitions)} (when \`${node.if.required.join('`, `')}\` is present) or ${typeOf(node.else, definitions)}.`);
    }
  }
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/system-yaml.md', import.meta.url), generateSchemaDocs());
}
