// Replays every input the fuzzers (or the security work) found wrong, after its fix. A fixture's first line says
// what must happen: `# expect: builds` (exit 0, every emitter runs) or `# expect: rejects` (exit 1 with located
// error diagnostics and nothing thrown; `# max-errors: N` bounds their number). The test timeout bounds the time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SUGGESTION_CANDIDATES } from '../../src/load/limits.js';
import { closest } from '../../src/validate/suggest.js';
import { repoRoot } from '../helpers/cli.js';
import { buildBytes } from './build-in-process.js';

const DIR = join(repoRoot, 'test', 'fixtures', 'fuzz-regressions');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

test('there are regression fixtures to replay', () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

test.each(fixtures)('%s', async (name) => {
  const bytes = readFileSync(join(DIR, name));
  const expectation = /^# expect: (builds|rejects)$/m.exec(bytes.subarray(0, 200).toString('utf8'))?.[1];
  expect(expectation).toBeDefined();
  const build = await buildBytes(bytes);
  if (expectation === 'builds') {
    expect(build.problems).toEqual([]);
    expect(build.exitCode).toBe(0);
  } else {
    expect(build.exitCode).toBe(1);
    const errors = build.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const maxErrors = /^# max-errors: (\d+)$/m.exec(bytes.subarray(0, 400).toString('utf8'))?.[1];
    if (maxErrors !== undefined) expect(errors.length).toBeLessThanOrEqual(Number(maxErrors));
    expect(errors.every((d) => d.span !== undefined)).toBe(true);
  }
}, 60_000);

test(`"did you mean" searches at most ${MAX_SUGGESTION_CANDIDATES} names (the search is quadratic over unknown names)`, () => {
  const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `module-${i}`);
  expect(closest('modul-7', names(MAX_SUGGESTION_CANDIDATES))).toBe('module-7');
  expect(closest('modul-7', names(MAX_SUGGESTION_CANDIDATES + 1))).toBeNull();
});
