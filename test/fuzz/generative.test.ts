// Generative fuzzing: valid specs with hostile content must build, and every artifact must be accepted by the tool
// that consumes it (PostgreSQL, Redocly, graphql-js, protobufjs, Mermaid, tsc); two builds must be byte-identical.
// Budget: ARCHC_FUZZ_RUNS (default small; `npm run fuzz` raises it). The seed is fixed so a failure reproduces.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { SystemSpec } from '../../src/spec/types.js';
import { sharedDatabase } from '../helpers/pglite.js';
import { apiArtifactErrors, mermaidErrors, typeScriptErrors } from '../helpers/artifact-checks.js';
import { hostileSpecArb, MANY_ENTITIES, MANY_FIELDS, SMALL } from './hostile-spec.js';
import { buildBytes, specYaml } from './build-in-process.js';
import type { OutputFile } from '../../generators/generator.js';

const RUNS = Number(process.env['ARCHC_FUZZ_RUNS'] ?? 6);
const SEED = Number(process.env['ARCHC_FUZZ_SEED'] ?? 20261125);
/** Scales with the budget: `npm run fuzz` runs far more inputs than the default. */
const TIMEOUT = Math.max(600_000, RUNS * 30_000);
/** Failing inputs land here, ready to become fixtures under test/fixtures/fuzz-regressions/. */
const FINDINGS_DIR = join(tmpdir(), 'archc-fuzz-findings');

const db = sharedDatabase();
afterAll(() => db.close());

let tried = 0;
afterAll(() => console.log(`generative fuzz: ${tried} specs tried`));

function keepFinding(label: string, yaml: string, problems: readonly string[]): string {
  mkdirSync(FINDINGS_DIR, { recursive: true });
  const file = join(FINDINGS_DIR, `${label}.yaml`);
  writeFileSync(file, `# ${problems.slice(0, 5).join('\n# ').replace(/\n(?!#)/g, '\n# ')}\n${yaml}`);
  return file;
}

/** Everything but the types check (batched): build, determinism, SQL, API artifact, diagrams. */
const VERBOSE = process.env['ARCHC_FUZZ_VERBOSE'] !== undefined;
function lap(label: string, started: number): number {
  if (VERBOSE) console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return performance.now();
}

async function problemsOf(yaml: string): Promise<{ problems: string[]; files: OutputFile[] }> {
  let t = performance.now();
  const first = await buildBytes(yaml);
  t = lap(`build (${first.files.length} files, ${yaml.length} bytes)`, t);
  if (first.problems.length > 0) return { problems: first.problems, files: [] };
  const second = await buildBytes(yaml);
  const problems: string[] = [];
  if (JSON.stringify(second.files) !== JSON.stringify(first.files)) problems.push('two builds of the same bytes differ');
  t = lap('second build', t);
  const sql = first.files.find((f) => f.path === 'schema.sql');
  if (sql) {
    const error = await db.inRollback(async (session) => session.error(sql.content));
    if (error) problems.push(`schema.sql rejected by PostgreSQL: ${error.code} ${error.message}`);
  }
  t = lap('sql', t);
  problems.push(...(await apiArtifactErrors(first.files)));
  t = lap('api', t);
  problems.push(...(await mermaidErrors(first.files)));
  lap('mermaid', t);
  return { problems, files: first.files };
}

/** Runs the property; types of up to `batch` builds are compiled together, and a failing batch names its specs. */
async function fuzz(name: string, arb: fc.Arbitrary<SystemSpec>, numRuns: number, batch = 6): Promise<void> {
  const pending = new Map<string, { yaml: string; files: OutputFile[] }>();
  const flushTypes = (): string[] => {
    const builds = new Map([...pending].map(([label, b]) => [label, b.files]));
    const errors = typeScriptErrors(builds);
    const failing = [...pending].filter(([label]) => errors.some((e) => e.startsWith(`${label}/`)));
    pending.clear();
    return failing.map(([label, b]) => keepFinding(label, b.yaml, errors.filter((e) => e.startsWith(`${label}/`))))
      .map((file, i) => `${file}: ${errors.filter((e) => e.startsWith(`${failing[i]![0]}/`)).slice(0, 3).join('; ')}`);
  };
  let run = 0;
  await fc.assert(fc.asyncProperty(arb, async (spec) => {
    run += 1;
    tried += 1;
    const label = `${name}-${SEED}-${run}`;
    const yaml = specYaml(spec);
    const { problems, files } = await problemsOf(yaml);
    if (problems.length > 0) {
      throw new Error(`${keepFinding(label, yaml, problems)}:\n${problems.slice(0, 8).join('\n')}`);
    }
    pending.set(label, { yaml, files });
    if (pending.size >= batch) {
      const failures = flushTypes();
      if (failures.length > 0) throw new Error(`types/ does not compile:\n${failures.join('\n')}`);
    }
  }), { seed: SEED, numRuns, endOnFailure: true });
  const failures = flushTypes();
  expect(failures).toEqual([]);
}

test('small hostile specs build, and every artifact is accepted by its tool', async () => {
  await fuzz('small', hostileSpecArb(SMALL), RUNS);
}, TIMEOUT);

test('a spec with hundreds of entities, and one with hundreds of fields, build and are accepted', async () => {
  await fuzz('many-entities', hostileSpecArb(MANY_ENTITIES), Math.max(1, Math.floor(RUNS / 16)), 1);
  await fuzz('many-fields', hostileSpecArb(MANY_FIELDS), Math.max(1, Math.floor(RUNS / 16)), 1);
}, TIMEOUT);

test('each artifact check can fail: broken SQL, OpenAPI, GraphQL, proto, Mermaid and TypeScript are rejected', async () => {
  expect(await db.inRollback((session) => session.error('CREATE TABLE "x" (a int'))).not.toBeNull();
  expect(await apiArtifactErrors([{ path: 'openapi.yaml', content: 'openapi: 3.1.0\ninfo: {}\npaths: { x: 1 }\n' }])).not.toEqual([]);
  expect(await apiArtifactErrors([{ path: 'schema.graphql', content: 'type Query { a: Missing }\n' }])).not.toEqual([]);
  expect(await apiArtifactErrors([{ path: 'api.proto', content: 'syntax = "proto3";\nmessage { }\n' }])).not.toEqual([]);
  expect(await mermaidErrors([{ path: 'diagrams/x.mmd', content: 'flowchart LR\n  a["unclosed --> b\n' }])).not.toEqual([]);
  expect(typeScriptErrors(new Map([['run', [{ path: 'types/x.ts', content: 'export const x: number = "no";\n' }]]]))).toHaveLength(1);
});
