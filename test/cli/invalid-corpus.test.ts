// The bad-input corpus, through the real CLI: each fixture yields exactly the diagnostics in its manifest,
// located line:column, as JSON on stdout, with exit 1 (errors) or 0 (warnings only), and never a stack trace.
// Needs dist/ (npm test builds it before jest).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnosticMessages } from '../../src/diagnostics/messages.js';
import { assertBuilt, ERROR_PREFIX, inBatches, repoRoot, runCli, STACK_TRACE, type CliRun } from './run-cli.js';

interface Expected {
  code: string;
  line: number;
  column: number;
}

const fixtures = join(repoRoot, 'test', 'fixtures');
const invalidDir = join(fixtures, 'invalid');
const warningsDir = join(fixtures, 'warnings');
const validDir = join(fixtures, 'valid');

function manifest(dir: string): Record<string, Expected[]> {
  return JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected[]>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
}

function located(run: CliRun): Expected[] {
  const parsed = JSON.parse(run.stdout) as Array<{ code: string; line: number; column: number }>;
  return parsed.map(({ code, line, column }) => ({ code, line, column }));
}

function expectNoStackTrace(run: CliRun): void {
  for (const stream of [run.stdout, run.stderr]) {
    expect(stream).not.toMatch(STACK_TRACE);
    expect(stream).not.toMatch(ERROR_PREFIX);
  }
}

const invalid = manifest(invalidDir);
const warnings = manifest(warningsDir);
const CONCURRENCY = 6;

let invalidRuns: Map<string, CliRun>;
let warningRuns: Map<string, CliRun>;
let strictWarningRuns: Map<string, CliRun>;

beforeAll(async () => {
  assertBuilt();
  const run = async (dir: string, files: string[], extra: string[]): Promise<Map<string, CliRun>> => {
    const runs = await inBatches(files, CONCURRENCY, (f) => runCli(['validate', join(dir, f), '--format', 'json', ...extra]));
    return new Map(files.map((f, i) => [f, runs[i]!]));
  };
  invalidRuns = await run(invalidDir, yamlFiles(invalidDir), []);
  warningRuns = await run(warningsDir, yamlFiles(warningsDir), []);
  strictWarningRuns = await run(warningsDir, yamlFiles(warningsDir), ['--warnings-as-errors']);
});

describe('the manifests', () => {
  test('list exactly the fixture files (a new fixture needs its expectations)', () => {
    expect(Object.keys(invalid).sort()).toEqual(yamlFiles(invalidDir));
    expect(Object.keys(warnings).sort()).toEqual(yamlFiles(warningsDir));
  });

  test('the corpus has at least 40 invalid specs', () => {
    expect(yamlFiles(invalidDir).length).toBeGreaterThanOrEqual(40);
  });

  test('cover every loading, schema and semantic code (ARC0105 is generated below)', () => {
    const covered = new Set([...Object.values(invalid), ...Object.values(warnings)].flat().map((d) => d.code));
    covered.add('ARC0105');
    const codes = Object.keys(diagnosticMessages).filter((c) => /^ARC0[123]\d\d$/.test(c));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  test('warning fixtures expect only warnings and invalid fixtures at least one error', () => {
    const severity = (code: string): string => diagnosticMessages[code as keyof typeof diagnosticMessages].severity;
    for (const expected of Object.values(warnings)) expect(expected.map((d) => severity(d.code))).not.toContain('error');
    for (const [file, expected] of Object.entries(invalid)) {
      expect([file, expected.some((d) => severity(d.code) === 'error')]).toEqual([file, true]);
    }
  });
});

describe('invalid specs', () => {
  test.each(Object.keys(invalid).sort())('%s', (file) => {
    const run = invalidRuns.get(file)!;
    expectNoStackTrace(run);
    expect({ file, status: run.status, diagnostics: located(run) }).toEqual({ file, status: 1, diagnostics: invalid[file] });
  });
});

describe('warning-only specs', () => {
  test.each(Object.keys(warnings).sort())('%s exits 0, and 1 with --warnings-as-errors', (file) => {
    const run = warningRuns.get(file)!;
    expectNoStackTrace(run);
    expect({ file, status: run.status, diagnostics: located(run) }).toEqual({ file, status: 0, diagnostics: warnings[file] });
    const strict = strictWarningRuns.get(file)!;
    expect({ file, status: strict.status, diagnostics: located(strict) }).toEqual({ file, status: 1, diagnostics: warnings[file] });
  });
});

describe('inputs that are not committed as files', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'archc-corpus-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a file over 8 MiB is refused at 1:1 before parsing', async () => {
    const file = join(dir, 'huge.yaml');
    const filler = `# ${'x'.repeat(1021)}\n`; // 1 KiB of comment per line
    writeFileSync(file, `archc: 1\n${filler.repeat(8 * 1024 + 1)}`);
    const run = await runCli(['validate', file, '--format', 'json']);
    expectNoStackTrace(run);
    expect(run.status).toBe(1);
    expect(located(run)).toEqual([{ code: 'ARC0105', line: 1, column: 1 }]);
  });

  test('a missing spec file is ARC0001 at 1:1', async () => {
    const run = await runCli(['validate', join(dir, 'absent.yaml'), '--format', 'json']);
    expectNoStackTrace(run);
    expect(run.status).toBe(1);
    expect(located(run)).toEqual([{ code: 'ARC0001', line: 1, column: 1 }]);
  });
});

describe('valid edge cases', () => {
  test.each(yamlFiles(validDir))('%s is valid', async (file) => {
    const run = await runCli(['validate', join(validDir, file), '--format', 'json']);
    expectNoStackTrace(run);
    expect({ status: run.status, diagnostics: located(run) }).toEqual({ status: 0, diagnostics: [] });
  });

  test('the BOM fixture really starts with a BOM', () => {
    expect([...readFileSync(join(validDir, 'bom.yaml')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('human format', () => {
  // file → [line:col - severity code, the source line, caret start column, caret width]
  const cases: Array<[string, string, string, number, number]> = [
    ['invalid/unknown-module.yaml', '38:13 - error ARC0301', '    module: lendng', 13, 6],
    ['invalid/duplicate-item.yaml', '20:30 - error ARC0207', '  roles: [member, librarian, member]', 30, 6],
    ['invalid/enum-value-too-long.yaml', '43:62 - error ARC0306', `      - { name: status, type: enum, values: [open, returned, ${'é'.repeat(32)}] }`, 62, 32],
    ['warnings/unknown-actor.yaml', '51:12 - warning ARC0318', '    actor: visitor', 12, 7],
  ];
  test.each(cases)('%s prints the location line, the source line and a caret line', async (rel, head, source, column, width) => {
    const file = join(fixtures, rel);
    const run = await runCli(['validate', file], { env: { NO_COLOR: '1' } });
    expectNoStackTrace(run);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${file}:${head}: `));
    expect(at).toBeGreaterThanOrEqual(0);
    const line = head.split(':')[0]!;
    expect(lines[at + 2]).toBe(`${line} | ${source}`);
    const gutter = `${line} | `.length;
    expect(lines[at + 3]).toBe(`${' '.repeat(gutter + column - 1)}${'~'.repeat(width)}`);
  });
});
