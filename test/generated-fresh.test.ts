// The generated files are committed; these tests fail when one is stale (edit the schema, then run
// `npm run gen:types` and `npm run gen:validator`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();

/** Imports a build script by file URL (plain .mjs, no type declarations: its exports are typed here). */
async function importScript<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(join(root, relative)).href)) as T;
}

test('src/spec/types.ts is what scripts/gen-types.mjs generates from the schema', async () => {
  const { generateSpecTypes } = await importScript<{ generateSpecTypes: () => Promise<string> }>('scripts/gen-types.mjs');
  expect(readFileSync(join(root, 'src', 'spec', 'types.ts'), 'utf8')).toBe(await generateSpecTypes());
});

test('src/validate/generated/system-validator.ts is what scripts/gen-validator.mjs generates from the schema', async () => {
  const { generateValidatorSource } = await importScript<{ generateValidatorSource: () => string }>('scripts/gen-validator.mjs');
  expect(readFileSync(join(root, 'src', 'validate', 'generated', 'system-validator.ts'), 'utf8')).toBe(generateValidatorSource());
});
