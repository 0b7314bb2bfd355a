// archc init, --format sarif and build --watch, through the real CLI.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { archcBin, repoRoot, runArchc } from '../helpers/cli.js';

let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'archc-cmds-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('init writes a starter spec that validates cleanly and builds, with a modeline to the installed schema', async () => {
  const dir = join(work, 'starter');
  expect((await runArchc(['init', dir])).code).toBe(0);
  const spec = join(dir, 'system.yaml');
  const text = readFileSync(spec, 'utf8');
  const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
  expect(modeline).not.toBeNull();
  expect(resolve(dirname(spec), modeline![1]!)).toBe(join(repoRoot, 'schema', 'system.schema.json'));
  const validate = await runArchc(['validate', spec, '--format', 'json']);
  expect(validate.code).toBe(0);
  expect(JSON.parse(validate.stdout)).toEqual([]);
  expect((await runArchc(['build', spec, '--out', join(dir, 'out'), '--no-render', '--quiet'])).code).toBe(0);
  expect(existsSync(join(dir, 'out', 'proposal.md'))).toBe(true);
});

test('init refuses to overwrite an existing system.yaml', async () => {
  const dir = join(work, 'existing');
  expect((await runArchc(['init', dir])).code).toBe(0);
  writeFileSync(join(dir, 'system.yaml'), '# mine\n');
  const again = await runArchc(['init', dir]);
  expect(again.code).toBe(1);
  expect(readFileSync(join(dir, 'system.yaml'), 'utf8')).toBe('# mine\n');
});

test('--format sarif reports each diagnostic as a SARIF 2.1.0 result with its region', async () => {
  const spec = join(work, 'bad.yaml');
  writeFileSync(spec, 'archc: 1\nsystem: { name: demo, summary: "x" }\nmodules:\n  - name: core\n    colour: red\n');
  const result = await runArchc(['validate', spec, '--format', 'sarif']);
  expect(result.code).toBe(1);
  const log = JSON.parse(result.stdout) as {
    version: string;
    runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }>;
  };
  expect(log.version).toBe('2.1.0');
  expect(log.runs[0]!.tool.driver.name).toBe('archc');
  expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['ARC0201']);
  expect(log.runs[0]!.results).toHaveLength(1);
  expect(log.runs[0]!.results[0]).toMatchObject({ ruleId: 'ARC0201', level: 'error' });
  // `    colour: red` — the unknown key starts at line 5, column 5.
  expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toMatchObject({ startLine: 5, startColumn: 5 });
});

test('build --watch rebuilds on save, reports a bad save and keeps watching', async () => {
  const dir = join(work, 'watch');
  expect((await runArchc(['init', dir])).code).toBe(0);
  const spec = join(dir, 'system.yaml');
  const good = readFileSync(spec, 'utf8');
  const child = spawn(process.execPath, [archcBin, 'build', spec, '--out', join(dir, 'out'), '--no-render', '--watch'], {
    env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
    for (let i = 0; i < 600 && !pattern.test(stderr.slice(from)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr.slice(from)).toMatch(pattern);
  };
  try {
    await waitFor(/watching /, 0);
    let mark = stderr.length;
    writeFileSync(spec, `${good}bogus: 1\n`);
    await waitFor(/error ARC0201/, mark);
    expect(child.exitCode).toBeNull();
    mark = stderr.length;
    writeFileSync(spec, good);
    await waitFor(/wrote \d+ files/, mark);
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill('SIGTERM');
  }
}, 120_000);
