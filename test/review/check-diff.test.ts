// The PR-review loop: `archc check` catches outputs that were not rebuilt; `archc diff` explains what changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runArchc } from '../helpers/cli.js';

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'archc-review-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Applies one textual edit and fails loudly if the sample no longer contains the text it edits. */
function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

test('check fails after a one-line spec change and passes after build', async () => {
  const dir = join(work, 'check');
  cpSync(join(repoRoot, 'samples', 'clinic'), dir, { recursive: true });
  const spec = join(dir, 'system.yaml');
  const out = join(dir, 'out');
  expect((await runArchc(['build', spec, '--out', out, '--no-render', '--quiet'])).code).toBe(0);
  expect((await runArchc(['check', spec, '--out', out])).code).toBe(0);

  edit(spec, '  peak_rps: 120', '  peak_rps: 4000');
  const stale = await runArchc(['check', spec, '--out', out, '--format', 'json']);
  expect(stale.code).toBe(1);
  const report = JSON.parse(stale.stdout) as { current: boolean; stale: string[]; missing: string[]; extra: string[] };
  expect(report.current).toBe(false);
  expect(report.stale).toContain('model.json');
  expect(report.stale).toContain('decisions/cache.md');

  expect((await runArchc(['build', spec, '--out', out, '--no-render', '--quiet'])).code).toBe(0);
  expect((await runArchc(['check', spec, '--out', out])).code).toBe(0);
});

test('check reports extra and missing files', async () => {
  const dir = join(work, 'extra');
  cpSync(join(repoRoot, 'samples', 'internal-tool'), dir, { recursive: true });
  const spec = join(dir, 'system.yaml');
  const out = join(dir, 'out');
  expect((await runArchc(['build', spec, '--out', out, '--no-render', '--quiet'])).code).toBe(0);
  writeFileSync(join(out, 'notes.md'), 'hand-written\n');
  rmSync(join(out, 'model.json'));
  const result = await runArchc(['check', spec, '--out', out, '--format', 'json']);
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as { extra: string[]; missing: string[] };
  expect(report.extra).toEqual(['notes.md']);
  expect(report.missing).toEqual(['model.json']);
});

test('diff reports the flipped decision with the input that moved, and the changed columns', async () => {
  const oldSpec = join(repoRoot, 'samples', 'clinic', 'system.yaml');
  const newSpec = join(work, 'clinic-v2.yaml');
  cpSync(oldSpec, newSpec);
  // 120 rps × 1.3^3 × 0.8 ≈ 211 reads/s is far below a cache; 4,000 rps gives ≈ 7,030 reads/s.
  edit(newSpec, '  peak_rps: 120', '  peak_rps: 4000');
  edit(newSpec, "      - { name: allergies, type: text, optional: true }", "      - { name: allergies, type: text }\n      - { name: room, type: string, optional: true }");

  const json = await runArchc(['diff', oldSpec, newSpec, '--format', 'json', '--exit-code']);
  expect(json.code).toBe(1);
  const diff = JSON.parse(json.stdout) as {
    decisionsFlipped: Array<{ id: string; from: string; to: string; movedInputs: Array<{ path: string; from: unknown; to: unknown }> }>;
    tablesChanged: Array<{ table: string; columnsAdded: string[]; columnsChanged: Array<{ column: string; changes: string[] }> }>;
  };
  const cache = diff.decisionsFlipped.find((d) => d.id === 'cache');
  expect(cache).toMatchObject({ from: 'none', to: 'redis' });
  expect(cache?.movedInputs).toContainEqual({ path: 'traffic.peak_rps', from: 120, to: 4000 });
  const changed = diff.tablesChanged.find((t) => t.columnsAdded.includes('room'));
  expect(changed).toBeDefined();
  expect(changed?.columnsChanged).toContainEqual({ column: 'allergies', changes: ['nullable: true → false'] });

  const markdown = await runArchc(['diff', oldSpec, newSpec]);
  expect(markdown.code).toBe(0);
  expect(markdown.stdout).toContain('#### `cache`: `none` → `redis`');
  expect(markdown.stdout).toContain('| `traffic.peak_rps` | 120 | 4000 |');
  expect(markdown.stdout).toContain('+ column `room`');
});

test('diff of a spec with itself is empty and --exit-code exits 0', async () => {
  const spec = join(repoRoot, 'samples', 'marketplace', 'system.yaml');
  const result = await runArchc(['diff', spec, spec, '--exit-code']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('No design change');
});
