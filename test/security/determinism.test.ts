// Determinism: the same spec gives the same bytes across runs, time zones and locales, and across every reordering
// the contract calls meaningless (mapping keys, named lists, sets), apart from recorded source positions.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { OutputFile } from '../../generators/generator.js';
import { repoRoot, runArchc } from '../helpers/cli.js';
import { buildBytes, specYaml } from '../fuzz/build-in-process.js';
import { hostileSpecArb, SMALL } from '../fuzz/hostile-spec.js';
import { prng } from '../fuzz/mutations.js';
import { reorderSpec, withoutPositions } from './reorder.js';

const SEED = Number(process.env['ARCHC_FUZZ_SEED'] ?? 20261125);
const samples = readdirSync(join(repoRoot, 'samples')).filter((d) => existsSync(join(repoRoot, 'samples', d, 'system.yaml'))).sort();
const sampleText = (name: string): string => readFileSync(join(repoRoot, 'samples', name, 'system.yaml'), 'utf8');

function comparable(files: readonly OutputFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.path, withoutPositions(f.path, f.content)]));
}

describe('reordering what has no meaning changes no byte but positions', () => {
  const hostile = fc.sample(hostileSpecArb(SMALL), { seed: SEED, numRuns: 4 }).map((spec, i) => [`hostile spec ${i + 1}`, specYaml(spec)] as const);
  const cases = [...samples.map((s) => [s, sampleText(s)] as const), ...hostile];

  test.each(cases)('%s', async (_name, text) => {
    const original = await buildBytes(text);
    expect(original.problems).toEqual([]);
    for (const round of [1, 2]) {
      const shuffled = reorderSpec(text, prng(SEED + round));
      const rebuilt = await buildBytes(shuffled);
      expect(rebuilt.problems).toEqual([]);
      expect(comparable(rebuilt.files)).toEqual(comparable(original.files));
    }
  }, 120_000);

  test('the reordering really reorders, and keeps the lists whose order means something', () => {
    const text = [
      'archc: 1', 'system: { name: s, summary: x, goals: [g1, g2, g3, g4, g5] }',
      'auth: { roles: [r1, r2, r3, r4, r5, r6], identity: [oidc, saml, password, api-key] }',
      'modules: [{ name: m1 }, { name: m2 }, { name: m3 }, { name: m4 }, { name: m5 }]',
      'entities:', '  - name: E', '    module: m1',
      '    fields: [{ name: f1, type: uuid, key: true }, { name: f2, type: enum, values: [v1, v2, v3, v4, v5] }, { name: f3, type: int }, { name: f4, type: int }, { name: f5, type: int }]',
      '    access: [{ by: [f2, f3, f4, f5], hot: true }, { by: [f5] }, { by: [f4] }, { by: [f3] }]',
      '    api: [create, read, list, update, delete]', '',
    ].join('\n');
    const reordered = reorderSpec(text, prng(SEED));
    const before = parse(text) as Spec;
    const after = parse(reordered) as Spec;
    expect(after.auth.roles).not.toEqual(before.auth.roles);
    expect([...after.auth.roles].sort()).toEqual([...before.auth.roles].sort());
    expect(after.modules.map((m) => m.name)).not.toEqual(before.modules.map((m) => m.name));
    expect(after.system.goals).toEqual(before.system.goals);
    expect(after.entities[0]!.fields).toEqual(before.entities[0]!.fields);
    expect(after.entities[0]!.access).toEqual(before.entities[0]!.access);
  });
});

interface Spec {
  system: { goals: string[] };
  auth: { roles: string[] };
  modules: Array<{ name: string }>;
  entities: Array<{ fields: unknown[]; access: unknown[] }>;
}

/** Every file under `dir` (relative path → bytes as base64). */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

// Each time zone and each locale at least once; the first run is the C locale in UTC.
const ENVIRONMENTS: ReadonlyArray<Record<string, string>> = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
  { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  { TZ: 'Pacific/Kiritimati', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' },
];

test('the largest sample builds to identical bytes under every TZ and LANG/LC_ALL, and in-process', async () => {
  const largest = [...samples].sort((a, b) => sampleText(b).length - sampleText(a).length)[0]!;
  const spec = join(repoRoot, 'samples', largest, 'system.yaml');
  const work = mkdtempSync(join(tmpdir(), 'archc-determinism-'));
  try {
    const builds: Array<Record<string, string>> = [];
    for (const [i, env] of ENVIRONMENTS.entries()) {
      const out = join(work, `out-${i}`);
      const result = await runArchc(['build', spec, '--out', out, '--no-render', '--quiet'], { env, cwd: work });
      expect(result.code).toBe(0);
      builds.push(filesUnder(out));
    }
    for (const build of builds.slice(1)) expect(build).toEqual(builds[0]);
    const inProcess = await buildBytes(readFileSync(spec));
    const expected = Object.fromEntries(inProcess.files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
    const { '.archc': _marker, ...written } = builds[0]!;
    expect(written).toEqual(expected);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 300_000);
