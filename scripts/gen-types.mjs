// Regenerates src/spec/types.ts from schema/system.schema.json (the schema is the source of truth).
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

export async function generateSpecTypes() {
  const schema = JSON.parse(readFileSync(new URL('../schema/system.schema.json', import.meta.url), 'utf8'));
  return compile(schema, 'SystemSpec', {
    bannerComment: '/* Generated from schema/system.schema.json by `npm run gen:types`. Do not edit by hand. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { singleQuote: true },
    format: true,
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    cwd: new URL('../schema/', import.meta.url).pathname,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../src/spec/types.ts', import.meta.url), await generateSpecTypes());
}
