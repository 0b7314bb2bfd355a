// The CLI as a user runs it (a real process): help, version, usage errors, colour, and the build's output
// directory rules (marker, refusal, --force, failed builds, interrupted swaps). Needs dist/ (npm test builds it).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, ERROR_PREFIX, repoRoot, runCli, STACK_TRACE, type CliRun } from './run-cli.js';

const ANSI = /\u001b\[/;
const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The smallest sample keeps the build tests quick; any sample must build. */
function smallestSample(): string {
  const samples = readdirSync(join(repoRoot, 'samples')).map((name) => join(repoRoot, 'samples', name, 'system.yaml')).filter((f) => existsSync(f));
  return samples.sort((a, b) => statSync(a).size - statSync(b).size || (a < b ? -1 : 1))[0]!;
}

function expectNoStackTrace(run: CliRun): void {
  for (const stream of [run.stdout, run.stderr]) {
    expect(stream).not.toMatch(STACK_TRACE);
    expect(stream).not.toMatch(ERROR_PREFIX);
  }
}

/** Every file under a directory with its content, for "left untouched" comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return out;
}

let tmp: string;
beforeAll(() => {
  assertBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'archc-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('help and version', () => {
  test('--help exits 0 and lists the commands; each command has its own --help', async () => {
    const main = await runCli(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toContain('Usage: archc <command>');
    const commands = [...main.stdout.split('Commands:')[1]!.split('\n\n')[0]!.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['build', 'explain', 'validate']));
    const runs = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    runs.forEach((run, i) => {
      expectNoStackTrace(run);
      expect([commands[i], run.status, run.stdout]).toEqual([commands[i], 0, expect.stringContaining(`Usage: archc ${commands[i]}`)]);
    });
  });

  test('--version prints the package version', async () => {
    const [long, short] = await Promise.all([runCli(['--version']), runCli(['-v'])]);
    expect(long).toEqual({ status: 0, stdout: `${packageVersion}\n`, stderr: '' });
    expect(short.stdout).toBe(`${packageVersion}\n`);
  });
});

describe('usage errors exit 2 without a stack trace', () => {
  const spec = join(repoRoot, 'test', 'fixtures', 'valid', 'bom.yaml');
  const cases: Array<[string, string[], RegExp]> = [
    ['no arguments', [], /Usage: archc/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown option', ['validate', spec, '--frobnicate'], /frobnicate/],
    ['a bad --format', ['validate', spec, '--format', 'xml'], /--format/],
    ['a bad --format on build', ['build', spec, '--format', 'yaml', '--out', 'never-written'], /--format/],
    ['too many arguments', ['validate', spec, spec], /unexpected argument/],
  ];
  test.each(cases)('%s', async (_, args, message) => {
    const run = await runCli(args, { cwd: tmp });
    expectNoStackTrace(run);
    expect(run.status).toBe(2);
    expect(`${run.stdout}${run.stderr}`).toMatch(message);
    expect(existsSync(join(tmp, 'never-written'))).toBe(false);
  });
});

describe('colour', () => {
  const warned = join(repoRoot, 'test', 'fixtures', 'warnings', 'unknown-actor.yaml');
  test('non-TTY output has no ANSI escapes, with or without NO_COLOR', async () => {
    const runs = await Promise.all([
      runCli(['validate', warned], { env: { NO_COLOR: '1' } }),
      runCli(['validate', warned], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } }),
      runCli(['validate', join(repoRoot, 'test', 'fixtures', 'invalid', 'unknown-module.yaml')], { env: { NO_COLOR: '1' } }),
    ]);
    for (const run of runs) {
      expect(run.stderr).toContain('ARC03');
      expect(run.stderr).not.toMatch(ANSI);
      expect(run.stdout).not.toMatch(ANSI);
    }
  });
});

describe('archc build output directory', () => {
  const sample = smallestSample();
  const invalidSpec = join(repoRoot, 'test', 'fixtures', 'invalid', 'unknown-module.yaml');
  // --no-render: these tests are about the output directory, not SVGs (no browser start-up).
  const build = (out: string, ...extra: string[]): Promise<CliRun> => runCli(['build', sample, '--out', out, '--quiet', '--no-render', ...extra]);

  test('writes model.json and the .archc marker; a second build replaces the directory', async () => {
    const out = join(tmp, 'fresh');
    const first = await build(out);
    expectNoStackTrace(first);
    expect(first.status).toBe(0);
    expect((JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as { archc: unknown }).archc).toBe(1);
    expect(existsSync(join(out, '.archc'))).toBe(true);
    const model = readFileSync(join(out, 'model.json'), 'utf8');
    writeFileSync(join(out, 'stale.txt'), 'left by an older build\n');
    const second = await build(out);
    expect(second.status).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).toBe(model);
    expect(readdirSync(tmp).filter((name) => name.includes('.archc-'))).toEqual([]);
  });

  test('refuses a non-empty directory archc did not write (ARC0002), leaving it untouched; --force replaces it', async () => {
    const out = join(tmp, 'notes');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'README.md'), '# my notes\n');
    writeFileSync(join(out, 'sub', 'todo.txt'), 'keep me\n');
    const before = snapshot(out);
    const refused = await runCli(['build', sample, '--out', out, '--no-render', '--format', 'json']);
    expectNoStackTrace(refused);
    expect(refused.status).toBe(1);
    expect((JSON.parse(refused.stdout) as Array<{ code: string }>).map((d) => d.code)).toContain('ARC0002');
    expect(snapshot(out)).toEqual(before);

    const forced = await build(out, '--force');
    expect(forced.status).toBe(0);
    expect(existsSync(join(out, 'README.md'))).toBe(false);
    expect(existsSync(join(out, 'model.json'))).toBe(true);
  });

  test('a build of an invalid spec leaves the previous output untouched', async () => {
    const out = join(tmp, 'kept');
    expect((await build(out)).status).toBe(0);
    const before = snapshot(out);
    const failed = await runCli(['build', invalidSpec, '--out', out, '--no-render']);
    expectNoStackTrace(failed);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('ARC0301');
    expect(snapshot(out)).toEqual(before);
  });

  // The types printer thread starts loading ts-morph before the spec is read; it must never hold the process open.
  test.each([['build'], ['check']])('a failed %s exits as soon as it has reported', async (verb) => {
    const failed = await runCli([verb, invalidSpec, '--out', join(tmp, `never-${verb}`)]);
    expect(failed.status).toBe(1);
  }, 15_000);

  test('an interrupted swap (previous output moved aside, target gone) is restored by the next run', async () => {
    // Marked previous output: restored, then replaced by the new build; nothing is left beside it.
    const out = join(tmp, 'swapped');
    expect((await build(out)).status).toBe(0);
    renameSync(out, join(tmp, '.swapped.archc-old'));
    mkdirSync(join(tmp, '.swapped.archc-new'));
    expect((await build(out)).status).toBe(0);
    expect(existsSync(join(out, 'model.json'))).toBe(true);
    expect(readdirSync(tmp).filter((name) => name.startsWith('.swapped.'))).toEqual([]);

    // A user's own directory caught mid --force swap: restored, so the next run without --force refuses it.
    const own = join(tmp, 'own');
    mkdirSync(join(tmp, '.own.archc-old'));
    writeFileSync(join(tmp, '.own.archc-old', 'plan.md'), 'mine\n');
    const next = await runCli(['build', sample, '--out', own, '--no-render', '--format', 'json']);
    expect(next.status).toBe(1);
    expect((JSON.parse(next.stdout) as Array<{ code: string }>).map((d) => d.code)).toContain('ARC0002');
    expect(snapshot(own)).toEqual({ 'plan.md': 'mine\n' });
    expect(existsSync(join(tmp, '.own.archc-old'))).toBe(false);
  });
});
