// `archc validate` must not pay for verify's tools: src/verify may name them only in dynamic imports or type imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const HEAVY = ['@electric-sql/pglite', '@redocly/openapi-core', 'graphql', 'protobufjs', 'mermaid', 'jsdom', 'typescript'];
const dir = join(process.cwd(), 'src', 'verify');

test('no file under src/verify imports a heavy tool statically', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)]
      .map((m) => m[1]!)
      .filter((specifier) => HEAVY.some((heavy) => specifier === heavy || specifier.startsWith(`${heavy}/`)))
      .map((specifier) => `${file}: ${specifier}`);
  });
  expect(offenders).toEqual([]);
});

test('the check that needs a heavy tool imports it where it runs', () => {
  const dynamic = (file: string): string[] => [...readFileSync(join(dir, file), 'utf8').matchAll(/await import\('([^']+)'\)/g)].map((m) => m[1]!);
  expect(dynamic('postgres.ts')).toContain('@electric-sql/pglite');
  expect(dynamic('openapi-check.ts')).toContain('@redocly/openapi-core');
  expect(dynamic('types-check.ts')).toContain('typescript');
});
