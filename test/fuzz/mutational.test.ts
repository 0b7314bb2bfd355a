// Mutational fuzzing: every sample spec, broken in seeded random ways, must give diagnostics and a clean exit code
// (0, 1 or 2; never 70 or a signal), never an uncaught exception and never a stack trace. Most mutants run
// in-process (compile + every emitter + every diagnostics printer); a sample of them through the real CLI.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatHuman, formatJson } from '../../src/diagnostics/format.js';
import { formatSarif } from '../../src/diagnostics/sarif.js';
import { repoRoot, runArchc, STACK_TRACE } from '../helpers/cli.js';
import { buildBytes, SPEC_FILE } from './build-in-process.js';
import { mutant, type Mutant } from './mutations.js';

const RUNS = Number(process.env['ARCHC_FUZZ_RUNS'] ?? 8);
const SEED = Number(process.env['ARCHC_FUZZ_SEED'] ?? 20261125);
/** Scales with the budget: `npm run fuzz` runs far more inputs than the default. */
const TIMEOUT = Math.max(600_000, RUNS * 30_000);
/** Mutants per sample in-process, and through the real CLI in all. */
const IN_PROCESS_PER_SAMPLE = Math.ceil(RUNS * 1.5);
const CLI_RUNS = Math.max(3, Math.floor(RUNS / 2));
const FINDINGS_DIR = join(tmpdir(), 'archc-fuzz-findings');

const samples = readdirSync(join(repoRoot, 'samples'))
  .filter((d) => existsSync(join(repoRoot, 'samples', d, 'system.yaml'))).sort();
const sources = new Map(samples.map((s) => {
  const text = readFileSync(join(repoRoot, 'samples', s, 'system.yaml'), 'utf8');
  return [s, { text, value: parse(text) as unknown }];
}));

let tried = 0;
afterAll(() => console.log(`mutational fuzz: ${tried} mutants tried`));

function keepFinding(label: string, m: Mutant, problems: readonly string[]): string {
  mkdirSync(FINDINGS_DIR, { recursive: true });
  const file = join(FINDINGS_DIR, `${label}.yaml`);
  writeFileSync(file, m.bytes);
  writeFileSync(`${file}.why.txt`, `${m.steps.join('\n')}\n\n${problems.join('\n')}\n`);
  return file;
}

function mutantOf(sample: string, run: number): Mutant {
  const source = sources.get(sample)!;
  return mutant(source.value, source.text, SEED ^ (run * 2654435761) ^ samples.indexOf(sample));
}

/** What is wrong with how archc handled the mutant in-process (empty when it behaved). */
async function inProcessProblems(m: Mutant): Promise<string[]> {
  const build = await buildBytes(m.bytes);
  const problems: string[] = [];
  if (build.exitCode === null) problems.push(...build.problems);
  else if (build.exitCode === 1 && !build.diagnostics.some((d) => d.severity === 'error')) problems.push('exit 1 without an error diagnostic');
  else if (build.exitCode === 0 && build.files.length === 0) problems.push('exit 0 without any output');
  const texts = new Map([[SPEC_FILE, new TextDecoder().decode(m.bytes).replace(/^\uFEFF/, '')]]);
  try {
    const printed = [formatHuman(build.diagnostics, texts, { color: false }), formatJson(build.diagnostics, texts), formatSarif(build.diagnostics, texts, '0.0.0')];
    if (printed.some((p) => STACK_TRACE.test(p))) problems.push('a stack trace in the printed diagnostics');
  } catch (error) {
    problems.push(`printing the diagnostics threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (({} as Record<string, unknown>)['polluted'] !== undefined) problems.push('Object.prototype was polluted');
  return problems;
}

test.each(samples)('mutants of %s: diagnostics, never an exception', async (sample) => {
  const failures: string[] = [];
  for (let run = 1; run <= IN_PROCESS_PER_SAMPLE; run++) {
    const m = mutantOf(sample, run);
    tried += 1;
    const problems = await inProcessProblems(m);
    if (problems.length > 0) failures.push(`${keepFinding(`mutant-${sample}-${SEED}-${run}`, m, problems)} (${m.steps.join(', ')}): ${problems[0]}`);
  }
  expect(failures).toEqual([]);
}, TIMEOUT);

test('mutants through the real CLI: exit 0, 1 or 2 and no stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'archc-mutants-'));
  const failures: string[] = [];
  try {
    for (let run = 1; run <= CLI_RUNS; run++) {
      const sample = samples[run % samples.length]!;
      const m = mutantOf(sample, 10_000 + run);
      tried += 1;
      const spec = join(dir, `mutant-${run}.yaml`);
      writeFileSync(spec, m.bytes);
      const args = run % 2 === 0 ? ['validate', spec, '--format', 'json'] : ['build', spec, '--out', join(dir, `out-${run}`), '--no-render'];
      const result = await runArchc(args, { cwd: dir });
      const output = `${result.stdout}\n${result.stderr}`;
      const ok = result.code !== null && [0, 1, 2].includes(result.code) && !STACK_TRACE.test(output) && !/internal error/.test(output)
        && (result.code === 0 || /ARC\d{4}/.test(output));
      if (!ok) failures.push(`${keepFinding(`cli-${sample}-${SEED}-${run}`, m, [`exit ${result.code}`, output.slice(0, 2000)])}: exit ${result.code}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures).toEqual([]);
}, TIMEOUT);
