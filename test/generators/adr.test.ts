// ADRs: one file per decision named by id, the index links every one, sections in order, escaping and determinism.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchitectureModel } from '../../src/model/types.js';
import type { SystemSpec } from '../../src/spec/types.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import type { OutputFile } from '../../generators/generator.js';
import { adrGenerator } from '../../generators/adr/index.js';
import { assertAdrId } from '../../generators/adr/adr-id.js';
import { clinicModel } from '../fixtures/models/proposal-clinic.js';
import { hostileModel } from '../fixtures/models/proposal-hostile.js';

const ADR_SECTIONS = ['## Context', '## Decision', '## Consequences', '## Alternatives considered', '## Tipping point'];

async function adrs(model: ArchitectureModel): Promise<OutputFile[]> {
  return adrGenerator.generate(model);
}

function fileAt(files: readonly OutputFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`missing ${path}`);
  return file.content;
}

/** Checks shared by the fixture and every sample: one ADR per decision, sections in order, README links them all. */
function expectCompleteRecords(model: ArchitectureModel, files: readonly OutputFile[]): void {
  const ids = model.decisions.map((d) => d.id).sort();
  expect(files.map((f) => f.path).sort()).toEqual([...ids.map((id) => `decisions/${id}.md`), 'decisions/README.md'].sort());
  const readme = fileAt(files, 'decisions/README.md');
  for (const d of model.decisions) {
    expect(readme).toContain(`](${d.id}.md)`);
    const adr = fileAt(files, `decisions/${d.id}.md`);
    expect(adr.split('\n')[0]).toBe(`# ADR: ${d.id} — ${d.choice}`);
    const positions = ADR_SECTIONS.map((h) => adr.split('\n').indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(adr).toContain(d.pinned === null ? '**Status:** Accepted' : '**Status:** Pinned in the spec');
    for (const alt of d.alternatives) expect(adr).toContain(`| \`${alt.choice}\` |`);
  }
}

describe('ADR emitter on the clinic fixture', () => {
  const model = clinicModel();

  test('one ADR per decision plus an index linking each', async () => {
    expectCompleteRecords(model, await adrs(model));
  });

  test('an ADR cites inputs with their value and position, assumptions with basis, and the tipping point', async () => {
    const cache = fileAt(await adrs(model), 'decisions/cache.md');
    // traffic.peak_rps is 120 in the fixture spec and was cited at line 14, column 13.
    expect(cache).toContain('- `traffic.peak_rps` = `120` (system.yaml 14:13)');
    expect(cache).toContain('- `traffic.read_ratio` assumed `0.8`. Basis: Booking systems are read-mostly. If wrong: Write-heavy traffic moves the cache tipping point.');
    expect(cache).toContain('Flips to `redis` when `traffic.peak_rps` reaches 2000 (now 120), all else fixed.');
    expect(cache).toContain('| `redis` | Adds invalidation for a read rate PostgreSQL handles. |');
    const shape = fileAt(await adrs(model), 'decisions/shape.md');
    // modules.booking.needs is a mapping, so no value is shown; it has no position (a default).
    expect(shape).toContain('- `modules.booking.needs` (default, not written in the spec)');
  });

  test('a pinned decision says so with its reason; the index marks it', async () => {
    const files = await adrs(model);
    expect(fileAt(files, 'decisions/search.md')).toContain('**Status:** Pinned in the spec: slots are found by time, not text');
    expect(fileAt(files, 'decisions/README.md')).toContain('| [search](search.md) | `none` | `search/pinned` | yes: slots are found by time, not text |');
    expect(fileAt(files, 'decisions/README.md')).toContain('| [cache](cache.md) | `none` | `cache/no-hot-path` | no |');
  });

  test('the index lists decisions sorted by id, whatever the model order', async () => {
    const reversed = structuredClone(model);
    reversed.decisions.reverse();
    const files = await adrs(reversed);
    const rows = fileAt(files, 'decisions/README.md').split('\n').filter((l) => l.startsWith('| ['));
    const ids = rows.map((l) => /^\| \[([^\]]+)\]/.exec(l)![1]);
    expect(ids).toEqual([...model.decisions.map((d) => d.id)].sort());
    expect(files).toEqual(await adrs(model));
  });

  test('ids outside [a-z0-9.-] are archc bugs and throw, as do duplicates', async () => {
    expect(assertAdrId('consistency.book-appointment')).toBe('consistency.book-appointment');
    for (const bad of ['../etc', 'a/b', 'Cache', 'x y', '', '.hidden', 'readme']) expect(() => assertAdrId(bad)).toThrow(/archc bug/);
    const dup = structuredClone(model);
    dup.decisions.push(structuredClone(dup.decisions[0]!));
    expect(() => adrGenerator.generate(dup)).toThrow(/share an id/);
  });

  test('hostile free text is escaped: no raw HTML, no extra heading, table rows intact', async () => {
    const files = await adrs(hostileModel());
    for (const f of files) {
      expect(f.content).not.toContain('<script');
      const headings = f.content.split('\n').filter((l) => /^#{1,6} /.test(l));
      expect(headings.length).toBe(f.path === 'decisions/README.md' ? 2 : 1 + ADR_SECTIONS.length);
      for (const line of f.content.split('\n').filter((l) => l.startsWith('|'))) {
        expect(line.replace(/\\\|/g, '').split('|').length).toBe(f.path === 'decisions/README.md' ? 6 : 4);
      }
    }
  });
});

const samplesDir = join(process.cwd(), 'samples');
const samples = existsSync(samplesDir) ? readdirSync(samplesDir).filter((n) => existsSync(join(samplesDir, n, 'system.yaml'))).sort() : [];

describe.each(samples)('ADRs of sample %s', (name) => {
  test('one per decision, index complete, deterministic', async () => {
    const file = join(samplesDir, name, 'system.yaml');
    const { loaded } = loadSpec(file, readFileSync(file));
    const model = runPasses(normalizeSpec(loaded!.value as SystemSpec), loaded!.locator);
    const files = await adrs(model);
    expectCompleteRecords(model, files);
    expect(await adrs(model)).toEqual(files);
  });
});

test('a tipping point the input already passed reads as "falls below"', async () => {
  const model = clinicModel();
  const cache = model.decisions.find((d) => d.id === 'cache')!;
  cache.choice = 'redis';
  cache.tippingPoint = { input: 'traffic.peak_rps', value: 6000, threshold: 1918.06, flipsTo: 'none' };
  const adr = fileAt(await adrs(model), 'decisions/cache.md');
  expect(adr).toContain('Flips to `none` when `traffic.peak_rps` falls below 1918.06 (now 6000), all else fixed.');
});
