// The types printer thread: ts-morph's output for plain structures, and its V8 code cache, which must never change
// what is written: a corrupt cache is rejected and rewritten, and a build without the cache writes the same bytes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printSourceFiles } from '../../generators/types/printer-thread.js';
import { repoRoot, runArchc } from '../helpers/cli.js';

const cacheDir = join(repoRoot, 'node_modules', '.cache', 'archc');
const sample = join(repoRoot, 'samples', 'internal-tool', 'system.yaml');

test('prints interfaces, aliases and re-exports as ts-morph writes them (two-space indent, double quotes, LF)', async () => {
  const [entities, index] = await printSourceFiles([
    [
      { kind: 'TypeAlias', name: 'Status', isExported: true, type: '"a" | "b"' },
      { kind: 'Interface', name: 'Row', isExported: true, docs: [{ description: 'One row.' }], properties: [
        { name: 'id', type: 'string', isReadonly: true },
        { name: 'note', type: 'string | null', hasQuestionToken: true },
      ] },
    ],
    [{ kind: 'ExportDeclaration', moduleSpecifier: './entities.js' }],
  ]);
  expect(entities).toBe('export type Status = "a" | "b";\n\n/** One row. */\nexport interface Row {\n  readonly id: string;\n  note?: string | null;\n}\n');
  expect(index).toBe('export * from "./entities.js";\n');
});

describe('the compile cache', () => {
  let work: string;
  beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'archc-cache-')); });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const typesOf = (out: string): string[] => ['entities.ts', 'index.ts', 'ports.ts'].map((f) => readFileSync(join(out, 'types', f), 'utf8'));

  test('a build writes it; corrupt entries are rejected and rewritten; without it the output is the same', async () => {
    rmSync(cacheDir, { recursive: true, force: true }); // a cache is only ever an optimisation: start from none
    const first = await runArchc(['build', sample, '--out', join(work, 'first'), '--no-render', '--quiet']);
    expect(first.code).toBe(0);
    const entries = readdirSync(cacheDir).filter((f) => f.endsWith('.v8'));
    expect(entries.map((e) => e.replace(/-[0-9a-f]{32}[.]v8$/, '')).sort()).toEqual(['ts-morph-common.js', 'ts-morph.js', 'typescript.js']);

    for (const entry of entries) writeFileSync(join(cacheDir, entry), 'not a code cache');
    const corrupt = await runArchc(['build', sample, '--out', join(work, 'corrupt'), '--no-render', '--quiet']);
    expect(corrupt.code).toBe(0);
    expect(typesOf(join(work, 'corrupt'))).toEqual(typesOf(join(work, 'first')));
    for (const entry of entries) expect(statSync(join(cacheDir, entry)).size).toBeGreaterThan(100_000);

    // An entry of another install of a bundle (a different key) is dropped when the current one is written.
    const stale = join(cacheDir, `typescript.js-${'0'.repeat(32)}.v8`);
    writeFileSync(stale, 'from an older install');
    rmSync(join(cacheDir, entries.find((e) => e.startsWith('typescript.js-'))!));
    expect((await runArchc(['build', sample, '--out', join(work, 'again'), '--no-render', '--quiet'])).code).toBe(0);
    expect(readdirSync(cacheDir).filter((e) => e.startsWith('typescript.js-'))).toEqual(entries.filter((e) => e.startsWith('typescript.js-')));

    const uncached = await runArchc(['build', sample, '--out', join(work, 'uncached'), '--no-render', '--quiet'], { env: { ARCHC_COMPILE_CACHE: '0' } });
    expect(uncached.code).toBe(0);
    expect(typesOf(join(work, 'uncached'))).toEqual(typesOf(join(work, 'first')));
  }, 60_000);
});
