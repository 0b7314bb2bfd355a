// `archc verify` as a user runs it (a real process, dist/ built by `npm test`): a fresh build passes; a copy with
// one break per artifact fails with each problem located in the file that holds it; no build output is an error.
// One build, and the verify runs go in parallel: each one starts PGlite, the slow part.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runArchc, STACK_TRACE, type RunResult } from '../helpers/cli.js';

interface Located {
  file: string;
  line: number;
  column: number;
  code: string;
  severity: string;
  message: string;
}

const spec = join(repoRoot, 'samples', 'clinic', 'system.yaml');
let work: string;
let clean: RunResult;
let broken: RunResult;
let noOut: RunResult;
let noModel: RunResult;
/** 1-based lines where the breaks were written, counted from the built files. */
const expectedLine: Record<string, number> = {};

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

function append(file: string, line: string): number {
  const text = readFileSync(file, 'utf8');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  writeFileSync(file, `${body}${line}\n`);
  return lineCount(body) + 1;
}

/** Removes the top-level `info:` mapping (its key line and every indented or blank line under it). */
function dropInfo(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf('info:');
  expect(start).toBeGreaterThan(-1);
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || lines[end]!.startsWith(' '))) end++;
  lines.splice(start, end - start);
  writeFileSync(file, lines.join('\n'));
}

function breakCopy(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  for (const artifact of ['schema.sql', 'openapi.yaml', 'diagrams/erd.mmd', 'types/index.ts']) expect(existsSync(join(to, artifact))).toBe(true);
  expectedLine['schema.sql'] = append(join(to, 'schema.sql'), 'CREATE TABLE x (id uuid REFERENCES nowhere(id));');
  dropInfo(join(to, 'openapi.yaml'));
  // Mermaid drops %% comment lines before parsing and counts lines without them; the report must count the file's.
  const erd = join(to, 'diagrams', 'erd.mmd');
  writeFileSync(erd, `%% reviewed\n%% twice\n${readFileSync(erd, 'utf8')}`);
  expectedLine['diagrams/erd.mmd'] = append(erd, '  this is not ((( mermaid');
  expectedLine['types/index.ts'] = append(join(to, 'types', 'index.ts'), "const x: number = 'a';");
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'archc-verify-'));
  const out = join(work, 'out');
  const build = await runArchc(['build', spec, '--out', out, '--no-render', '--quiet']);
  expect(build.code).toBe(0);
  breakCopy(out, join(work, 'broken'));
  cpSync(out, join(work, 'no-model'), { recursive: true });
  rmSync(join(work, 'no-model', 'model.json'));
  [clean, broken, noOut, noModel] = await Promise.all([
    runArchc(['verify', spec, '--out', out]),
    runArchc(['verify', spec, '--out', join(work, 'broken'), '--format', 'json']),
    runArchc(['verify', spec, '--out', join(work, 'absent')]),
    runArchc(['verify', spec, '--out', join(work, 'no-model')]),
  ]);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a fresh build passes every check that has a file to read', () => {
  expect({ code: clean.code, stderr: clean.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('passed') });
  expect(clean.stderr).not.toMatch(/ - (error|warning) ARC/);
  // clinic picks REST: no GraphQL or proto file, so those checks are skipped, not failed.
  expect(clean.stderr).toMatch(/passed current, schema\.sql, openapi\.yaml, diagrams, types; skipped \(no such output\): schema\.graphql, api\.proto/);
});

describe('a copy with one break per artifact', () => {
  const problems = (): Located[] => JSON.parse(broken.stdout) as Located[];
  const at = (path: string): Located[] => problems().filter((p) => p.file === join(work, 'broken', path));

  test('exits 1 without a stack trace', () => {
    expect(broken.code).toBe(1);
    expect(broken.stderr).not.toMatch(STACK_TRACE);
  });

  test('schema.sql: the statement PostgreSQL rejects, at its line', () => {
    expect(at('schema.sql').filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({
      code: 'ARC0020', line: expectedLine['schema.sql'], column: 1, message: expect.stringMatching(/42P01.*"nowhere" does not exist/),
    })]);
  });

  test('openapi.yaml: the missing info object is a Redocly struct error at the document root', () => {
    expect(at('openapi.yaml').filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({
      code: 'ARC0021', line: 1, column: 1, message: expect.stringMatching(/struct: .*`info`/),
    })]);
  });

  test('erd.mmd: Mermaid\'s parse error at the file\'s line, not Mermaid\'s comment-free count', () => {
    expect(at('diagrams/erd.mmd').filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({
      code: 'ARC0025', line: expectedLine['diagrams/erd.mmd'], column: 3,
    })]);
  });

  test('types/index.ts: the TypeScript diagnostic at the declared name', () => {
    expect(at('types/index.ts').filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({
      code: 'ARC0026', line: expectedLine['types/index.ts'], column: 7, message: expect.stringContaining('TS2322'),
    })]);
  });

  test('the edited files are reported stale, as warnings, and the untouched ones are not', () => {
    const stale = problems().filter((p) => p.code === 'ARC0028').map((p) => p.file).sort();
    expect(stale).toEqual(['diagrams/erd.mmd', 'openapi.yaml', 'schema.sql', 'types/index.ts'].map((f) => join(work, 'broken', f)).sort());
    expect(problems().filter((p) => p.code === 'ARC0028').every((p) => p.severity === 'warning')).toBe(true);
  });
});

test('no output directory, or one without model.json, exits 1 and says to build first', () => {
  expect(noOut.code).toBe(1);
  expect(noOut.stderr).toContain(`${join(work, 'absent')}:1:1 - error ARC0027: ${join(work, 'absent')} does not exist: run archc build first`);
  expect(noModel.code).toBe(1);
  expect(noModel.stderr).toContain(`error ARC0027: ${join(work, 'no-model', 'model.json')} does not exist: run archc build first`);
});

test('usage errors exit 2', async () => {
  const run = await runArchc(['verify', spec, 'extra.yaml']);
  expect(run.code).toBe(2);
  expect((await runArchc(['verify', '--format', 'xml'])).code).toBe(2);
});
