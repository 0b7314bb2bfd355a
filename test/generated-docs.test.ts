// docs/system-yaml.md is generated from the schema; a stale copy would mislead spec authors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './helpers/cli.js';

test('docs/system-yaml.md matches schema/system.schema.json (run `npm run gen:docs`)', async () => {
  const script = (await import(pathToFileURL(join(repoRoot, 'scripts', 'gen-schema-docs.mjs')).href)) as { generateSchemaDocs(): string };
  expect(readFileSync(join(repoRoot, 'docs', 'system-yaml.md'), 'utf8')).toBe(script.generateSchemaDocs());
});

test('every schema property has a description (editors show them through the modeline)', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'system.schema.json'), 'utf8')) as Record<string, unknown>;
  const missing: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
    for (const [key, sub] of Object.entries(properties ?? {})) {
      const resolved = typeof sub['$ref'] === 'string'
        ? (schema['definitions'] as Record<string, Record<string, unknown>>)[(sub['$ref'] as string).split('/').pop()!]
        : sub;
      if (typeof sub['description'] !== 'string' && typeof resolved?.['description'] !== 'string') missing.push(`${path}.${key}`);
      visit(sub, `${path}.${key}`);
    }
    for (const [name, def] of Object.entries((record['definitions'] as Record<string, unknown>) ?? {})) visit(def, name);
  };
  visit(schema, '');
  expect(missing).toEqual([]);
});
