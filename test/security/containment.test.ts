// Containment: nothing in a spec makes archc write outside --out (and its two sibling work dirs), archc replaces
// only directories it wrote, YAML tags never construct values, and the input limits hold.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import fc from 'fast-check';
import { main } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { compileBytes } from '../../src/compile.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { MAX_ALIAS_EXPANSIONS, MAX_NESTING_DEPTH, MAX_SPEC_BYTES } from '../../src/load/limits.js';
import { containedPath, MARKER_CONTENT, MARKER_FILE, siblingPaths } from '../../src/output/atomic-dir.js';
import { repoRoot, runArchc, STACK_TRACE } from '../helpers/cli.js';
import { buildBytes, specYaml } from '../fuzz/build-in-process.js';
import { hostileSpecArb, SMALL } from '../fuzz/hostile-spec.js';

const SMALL_SAMPLE = join(repoRoot, 'samples', 'internal-tool', 'system.yaml');
const samples = readdirSync(join(repoRoot, 'samples')).filter((d) => existsSync(join(repoRoot, 'samples', d, 'system.yaml'))).sort();

let sandbox: string;
beforeEach(() => { sandbox = mkdtempSync(join(tmpdir(), 'archc-contain-')); });
afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

/** `archc <args>` in-process (the same code as the binary, minus process start-up), output captured. */
async function archc(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, isTTY: false, env: { NO_COLOR: '1' }, cwd: sandbox };
  const code = await main(args, io);
  return { code, out };
}

/** Every file and directory under `dir`, relative, sorted; symlinks are listed, never followed. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const stat = lstatSync(join(dir, path));
      out.push(stat.isSymbolicLink() ? `${path} -> link` : stat.isDirectory() ? `${path}/` : path);
      if (stat.isDirectory() && !stat.isSymbolicLink()) walk(path);
    }
  };
  walk('');
  return out;
}

describe('containedPath', () => {
  const root = resolve('/srv/out');
  test.each(['..', '../x', 'a/../../x', 'a/../..', '/etc/passwd', 'a\0b', '', 'a\\..\\..\\x', 'decisions/../../../etc/cron.d/x'])(
    'refuses %j', (path) => {
      expect(() => containedPath(root, path)).toThrow(/archc bug: output path/);
    },
  );

  test.each([['model.json', '/srv/out/model.json'], ['decisions/consistency.book-visit.md', '/srv/out/decisions/consistency.book-visit.md'],
    ['diagrams/flow-end.mmd', '/srv/out/diagrams/flow-end.mmd'], ['types/entities.ts', '/srv/out/types/entities.ts'], ['..x/y', '/srv/out/..x/y']])(
    'keeps %j inside the root', (path, expected) => {
      expect(containedPath(root, path)).toBe(resolve(expected));
    },
  );
});

/** A path an emitter may return: relative, '/'-separated, already normal, no `..`, NUL, backslash or control char. */
function isPlainRelativePath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && posix.normalize(path) === path && !path.split('/').includes('..')
    // eslint-disable-next-line no-control-regex
    && !/[\u0000-\u001f\\:]/.test(path);
}

describe('every emitted path stays inside --out', () => {
  const hostile = fc.sample(hostileSpecArb(SMALL), { seed: 7, numRuns: 12 });
  const flowNames = (spec: unknown): string[] => ((spec as { flows?: Array<{ name: string }> }).flows ?? []).map((f) => f.name);

  test.each([...samples.map((s) => [s, readFileSync(join(repoRoot, 'samples', s, 'system.yaml'), 'utf8')] as const),
    ...hostile.map((spec, i) => [`hostile spec ${i + 1}`, specYaml(spec)] as const)])('%s', async (_name, yaml) => {
    const build = await buildBytes(yaml);
    expect(build.problems).toEqual([]);
    const root = resolve(sandbox, 'out');
    for (const file of build.files) {
      expect(isPlainRelativePath(file.path) ? file.path : `not plain: ${JSON.stringify(file.path)}`).toBe(file.path);
      expect(containedPath(root, file.path).startsWith(`${root}/`)).toBe(true);
    }
    // One ADR per flow's consistency decision and one sequence diagram per flow, named by the flow, and nothing else.
    const paths = new Set(build.files.map((f) => f.path));
    const model = JSON.parse(build.files.find((f) => f.path === 'model.json')!.content) as { spec: unknown };
    for (const flow of flowNames(model.spec)) {
      expect(paths.has(`decisions/consistency.${flow}.md`)).toBe(true);
      expect(paths.has(`diagrams/flow-${flow}.mmd`)).toBe(true);
    }
  });

  test('a real build of a hostile spec creates nothing beside out/ (the work dirs are gone afterwards)', async () => {
    const spec = join(sandbox, 'system.yaml');
    writeFileSync(spec, specYaml(hostile.find((s) => flowNames(s).length > 0) ?? hostile[0]));
    const result = await runArchc(['build', spec, '--out', join(sandbox, 'out'), '--no-render', '--quiet'], { cwd: sandbox });
    expect(result.code).toBe(0);
    expect(readdirSync(sandbox).sort()).toEqual(['out', 'system.yaml']);
    expect(tree(join(sandbox, 'out')).every((p) => !p.endsWith('-> link'))).toBe(true);
  });
});

describe('--out replaces only what archc wrote', () => {
  const out = (): string => join(sandbox, 'out');

  test('a non-empty directory without the marker is refused and left as it was; --force replaces it', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), 'notes.txt'), 'mine');
    const refused = await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('ARC0002');
    expect(tree(out())).toEqual(['notes.txt']);
    const forced = await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render', '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(out(), 'notes.txt'))).toBe(false);
    expect(readFileSync(join(out(), MARKER_FILE), 'utf8')).toBe(MARKER_CONTENT);
  });

  test('a marked directory is replaced whole: files archc no longer writes disappear', async () => {
    mkdirSync(out());
    writeFileSync(join(out(), MARKER_FILE), MARKER_CONTENT);
    writeFileSync(join(out(), 'stale.md'), 'old');
    expect((await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render'])).code).toBe(0);
    expect(existsSync(join(out(), 'stale.md'))).toBe(false);
    expect(existsSync(join(out(), 'schema.sql'))).toBe(true);
  });

  test('a symlink named .archc is not a marker: the directory is refused', async () => {
    mkdirSync(out());
    writeFileSync(join(sandbox, 'elsewhere.txt'), 'x');
    symlinkSync(join(sandbox, 'elsewhere.txt'), join(out(), MARKER_FILE));
    writeFileSync(join(out(), 'precious.txt'), 'mine');
    const result = await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('ARC0002');
    expect(readFileSync(join(out(), 'precious.txt'), 'utf8')).toBe('mine');
  });

  test('an --out that is a regular file is refused with ARC0002 (was an internal error, exit 70)', async () => {
    writeFileSync(out(), 'a file');
    const result = await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('ARC0002');
    expect(STACK_TRACE.test(result.out) || /internal error/.test(result.out)).toBe(false);
    expect(readFileSync(out(), 'utf8')).toBe('a file');
  });

  // Decision: a symlinked --out is judged by the directory it points to, and replacing it replaces the LINK with
  // a real directory. archc never writes into, renames or deletes the directory the link pointed to.
  test('a symlinked --out to an unmarked directory elsewhere is refused; that directory is untouched', async () => {
    const elsewhere = join(sandbox, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'precious.txt'), 'mine');
    symlinkSync(elsewhere, out());
    const result = await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render']);
    expect(result.code).toBe(1);
    expect(tree(elsewhere)).toEqual(['precious.txt']);
  });

  test('a symlinked --out to an empty or marked directory: the link becomes a real directory, the target is untouched', async () => {
    const elsewhere = join(sandbox, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, MARKER_FILE), MARKER_CONTENT);
    writeFileSync(join(elsewhere, 'model.json'), 'previous');
    symlinkSync(elsewhere, out());
    expect((await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render'])).code).toBe(0);
    expect(lstatSync(out()).isSymbolicLink()).toBe(false);
    expect(existsSync(join(out(), 'schema.sql'))).toBe(true);
    expect(tree(elsewhere)).toEqual([MARKER_FILE, 'model.json']);
    expect(readFileSync(join(elsewhere, 'model.json'), 'utf8')).toBe('previous');
    const { staging, previous } = siblingPaths(out());
    expect(existsSync(staging) || existsSync(previous)).toBe(false);
  });

  test('symlinked work dirs left by an attacker are removed, never written through', async () => {
    const elsewhere = join(sandbox, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'precious.txt'), 'mine');
    const { staging, previous } = siblingPaths(out());
    symlinkSync(elsewhere, staging);
    mkdirSync(out());
    writeFileSync(join(out(), MARKER_FILE), MARKER_CONTENT);
    symlinkSync(elsewhere, previous);
    expect((await archc(['build', SMALL_SAMPLE, '--out', out(), '--no-render'])).code).toBe(0);
    expect(tree(elsewhere)).toEqual(['precious.txt']);
    expect(existsSync(join(out(), 'schema.sql'))).toBe(true);
  });
});

describe('YAML never constructs anything', () => {
  const base = 'archc: 1\nsystem:\n  name: tags\n  summary: x\nmodules:\n  - name: core\n';
  test.each([
    ['!!js/function', 'summary: !!js/function "function () { globalThis.pwned = true }"'],
    ['!!js/undefined', 'summary: !<tag:yaml.org,2002:js/undefined> ""'],
    ['!!python/object', 'summary: !!python/object/apply:os.system ["touch /tmp/pwned"]'],
    ['!!binary', 'summary: !!binary aGVsbG8='],
    ['!!set', 'goals: !!set { a, b }'],
    ['!!omap', 'goals: !!omap [ a: 1 ]'],
    ['!!timestamp', 'summary: !!timestamp 2001-12-14'],
    ['a custom !tag', 'summary: !include /etc/passwd'],
    ['a tagged key', '!!js/function k: v'],
  ])('%s → ARC0111 and nothing built', async (_name, line) => {
    const text = base.replace('  summary: x\n', `  ${line.startsWith('!!js/function k') ? 'summary: x\n  ' + line : line}\n`);
    const result = compileBytes('system.yaml', new TextEncoder().encode(text), { decide: true });
    expect(result.diagnostics.map((d) => d.code)).toContain('ARC0111');
    expect(result.model).toBeNull();
    expect(result.loaded).toBeNull();
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    const spec = join(sandbox, 'system.yaml');
    writeFileSync(spec, text);
    expect((await archc(['build', spec, '--out', join(sandbox, 'out'), '--no-render'])).code).toBe(1);
    expect(existsSync(join(sandbox, 'out'))).toBe(false);
  });

  test('prototype keys are refused and Object.prototype is untouched', () => {
    const text = 'archc: 1\n__proto__: { polluted: true }\nsystem:\n  name: p\n  summary: x\n  constructor: { prototype: { polluted: true } }\nmodules: [{ name: core }]\n';
    const result = loadSpec('system.yaml', new TextEncoder().encode(text));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ARC0107', 'ARC0107', 'ARC0107']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('input limits', () => {
  const header = 'archc: 1\nsystem:\n  name: limits\n  summary: x\nmodules:\n  - name: core\n';

  test(`an alias bomb stops after ${MAX_ALIAS_EXPANSIONS} expansions, fast`, () => {
    const levels = Array.from({ length: 10 }, (_, i) => i === 0 ? 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
      : `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = performance.now();
    const result = loadSpec('system.yaml', new TextEncoder().encode(`${header}${levels.join('\n')}\n`));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ARC0104']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  // yaml counts the anchored value itself as the first copy: N uses of an alias make N + 1 copies.
  test(`${MAX_ALIAS_EXPANSIONS} copies of an anchored value are fine (the anchor and ${MAX_ALIAS_EXPANSIONS - 1} aliases), one more is not`, () => {
    const aliases = (n: number): Uint8Array => new TextEncoder().encode(`${header}anchor: &x [1]\nuses: [${Array(n).fill('*x').join(', ')}]\n`);
    expect(loadSpec('s.yaml', aliases(MAX_ALIAS_EXPANSIONS - 1)).diagnostics.map((d) => d.code)).toEqual([]);
    expect(loadSpec('s.yaml', aliases(MAX_ALIAS_EXPANSIONS)).diagnostics.map((d) => d.code)).toEqual(['ARC0104']);
  });

  test(`nesting: ${MAX_NESTING_DEPTH} levels load, ${MAX_NESTING_DEPTH + 1} are refused, 100 000 do not overflow the stack`, () => {
    // The top-level mapping is level 1; `deep:` adds a list per bracket.
    const deep = (levels: number): Uint8Array => new TextEncoder().encode(`${header}deep: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}\n`);
    expect(loadSpec('s.yaml', deep(MAX_NESTING_DEPTH)).diagnostics.map((d) => d.code)).toEqual([]);
    expect(loadSpec('s.yaml', deep(MAX_NESTING_DEPTH + 1)).diagnostics.map((d) => d.code)).toEqual(['ARC0106']);
    const codes = loadSpec('s.yaml', deep(100_000)).diagnostics.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => /^ARC01\d\d$/.test(c))).toBe(true);
  });

  test(`a file of ${MAX_SPEC_BYTES} bytes is read; one byte more is refused before parsing`, async () => {
    const padding = (size: number): Uint8Array => {
      const bytes = new Uint8Array(size).fill(0x20);
      bytes.set(new TextEncoder().encode(header));
      bytes[size - 1] = 0x0a;
      return bytes;
    };
    expect(loadSpec('s.yaml', padding(MAX_SPEC_BYTES + 1)).diagnostics.map((d) => d.code)).toEqual(['ARC0105']);
    const spec = join(sandbox, 'big.yaml');
    writeFileSync(spec, padding(MAX_SPEC_BYTES + 1));
    const refused = await archc(['validate', spec]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('ARC0105');
    expect(loadSpec('s.yaml', padding(MAX_SPEC_BYTES)).diagnostics.map((d) => d.code)).not.toContain('ARC0105');
  }, 120_000);
});
