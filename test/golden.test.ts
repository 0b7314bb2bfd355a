// Every sample's committed outputs (samples/<name>/out/) are rebuilt byte for byte, also under a far-off time zone
// and a Turkish locale (dotless i breaks naive case mapping; locale-aware sorting would reorder names).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inBatches, repoRoot, runArchc } from './helpers/cli.js';

const samplesDir = join(repoRoot, 'samples');
const samples = readdirSync(samplesDir).filter((name) => existsSync(join(samplesDir, name, 'system.yaml'))).sort();

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!entry.endsWith('.svg')) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

const environments: Array<[string, Record<string, string>]> = [
  ['default environment', {}],
  ['TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8', { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }],
];

/** Builds every sample, two at a time (the CI machine has two cores). */
async function buildAll(work: string, env: Record<string, string>): Promise<Map<string, Awaited<ReturnType<typeof runArchc>>>> {
  const results = await inBatches(samples, 2, (name) =>
    runArchc(['build', join(samplesDir, name, 'system.yaml'), '--out', join(work, name), '--quiet', '--no-render'], { env }));
  return new Map(samples.map((name, i) => [name, results[i]!]));
}

describe.each(environments)('golden outputs (%s)', (_label, env) => {
  let work: string;
  let builds: Map<string, Awaited<ReturnType<typeof runArchc>>>;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'archc-golden-'));
    builds = await buildAll(work, env);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each(samples)('%s rebuilds byte for byte', (name) => {
    const golden = join(samplesDir, name, 'out');
    expect(existsSync(golden)).toBe(true);
    const out = join(work, name);
    const result = builds.get(name)!;
    expect(result.stderr).not.toMatch(/error ARC/);
    expect(result.code).toBe(0);
    const expected = listFiles(golden);
    expect(listFiles(out)).toEqual(expected);
    for (const file of expected) {
      expect({ file, content: readFileSync(join(out, file), 'utf8') }).toEqual({ file, content: readFileSync(join(golden, file), 'utf8') });
    }
  });
});
