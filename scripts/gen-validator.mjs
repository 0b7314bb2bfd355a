// Precompiles schema/system.schema.json into a standalone ajv validator, so `archc validate` never compiles
// the schema at start-up. test/validator-fresh.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

export function generateValidatorSource() {
  const schema = JSON.parse(readFileSync(new URL('../schema/system.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, code: { source: true, esm: true, lines: false } });
  // json-schema-to-typescript's type hint; no validation meaning.
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  const validate = ajv.compile(schema);
  const code = standaloneCode.default(ajv, validate);
  // ajv's standalone ESM output still require()s its runtime helpers; give the module a require of its own.
  const body = code.replace('"use strict";', '');
  return [
    '// @ts-nocheck',
    '/* Generated from schema/system.schema.json by `npm run gen:validator`. Do not edit by hand. */',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    body,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../src/validate/generated/system-validator.ts', import.meta.url), generateValidatorSource());
}
