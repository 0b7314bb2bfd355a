// Atomic output: `archc build` SIGKILLed at seeded random moments over an out dir holding a previous build leaves
// exactly the previous build, exactly the new one, or no out dir with the previous build kept beside it as
// `.<out>.archc-old`; never a mix. A normal build afterwards always yields the complete new build, byte for byte.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { siblingPaths } from '../../src/output/atomic-dir.js';
import { archcBin, repoRoot, runArchc } from '../helpers/cli.js';
import { prng } from '../fuzz/mutations.js';

const KILLS = Number(process.env['ARCHC_SIGKILL_RUNS'] ?? 6);
const SEED = Number(process.env['ARCHC_FUZZ_SEED'] ?? 20261125);

function quietIo(cwd: string): CliIo {
  return { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: { NO_COLOR: '1' }, cwd };
}

/** The largest sample is the new build; a different sample is the previous one, so the two trees differ. */
function samplesBySize(): string[] {
  return readdirSync(join(repoRoot, 'samples'))
    .filter((d) => existsSync(join(repoRoot, 'samples', d, 'system.yaml')))
    .sort((a, b) => readFileSync(join(repoRoot, 'samples', b, 'system.yaml')).length - readFileSync(join(repoRoot, 'samples', a, 'system.yaml')).length);
}

/** Every file under `dir` with its bytes, as one comparable string (null when `dir` is absent). */
function snapshot(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const entries: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = join(dir, path);
      if (lstatSync(full).isDirectory()) walk(path);
      else entries.push(`${path}\n${readFileSync(full).toString('base64')}`);
    }
  };
  walk('');
  return entries.join('\n--\n');
}

interface Killed { exited: boolean; triggered: boolean }

/** When to kill: `ms` after start, or `ms` after a work dir (staging, or the previous build moved aside) appears. */
type Trigger = 'start' | 'staging' | 'previous';

/**
 * Starts a build and SIGKILLs it `ms` after its trigger. The write-and-swap is a few ms of a multi-second run, so
 * uniform times alone would rarely land in it; watching for the work dirs aims kills at that window.
 */
function buildKilled(spec: string, out: string, ms: number, trigger: Trigger): Promise<Killed> {
  const watched = trigger === 'start' ? null : siblingPaths(out)[trigger];
  return new Promise((resolve, reject) => {
    let triggered = trigger === 'start';
    const kill = (): void => { child.kill('SIGKILL'); };
    const watcher = watch(dirname(out), (_event, name) => {
      if (triggered || name === null || join(dirname(out), name.toString()) !== watched) return;
      triggered = true;
      if (ms === 0) kill();
      else setTimeout(kill, ms);
    });
    const child = spawn(process.execPath, [archcBin, 'build', spec, '--out', out, '--no-render', '--quiet'], {
      cwd: dirname(out), env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore',
    });
    const timer = trigger === 'start' ? setTimeout(kill, ms) : undefined;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher.close();
      resolve({ exited: signal === null && code === 0, triggered });
    });
  });
}

/** How long the write-and-swap takes: from the staging dir's appearance to the process exit. */
function measureWriteWindow(spec: string, out: string): Promise<number> {
  const { staging } = siblingPaths(out);
  return new Promise((resolve, reject) => {
    let appeared = 0;
    const watcher = watch(dirname(out), (_event, name) => {
      if (appeared === 0 && name !== null && join(dirname(out), name.toString()) === staging) appeared = performance.now();
    });
    const child = spawn(process.execPath, [archcBin, 'build', spec, '--out', out, '--no-render', '--quiet'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => {
      watcher.close();
      resolve(appeared === 0 ? 50 : Math.max(5, performance.now() - appeared));
    });
  });
}

test(`${KILLS} SIGKILLs during a build never leave a mixed out dir, and the next build repairs it`, async () => {
  const [largest, other] = samplesBySize();
  const sandbox = mkdtempSync(join(tmpdir(), 'archc-sigkill-'));
  try {
    const spec = join(repoRoot, 'samples', largest!, 'system.yaml');
    const out = join(sandbox, 'out');
    const { staging, previous } = siblingPaths(out);
    // Reference trees: the previous build (another sample) and the new one, each built normally.
    const previousRef = join(sandbox, 'previous-ref');
    const newRef = join(sandbox, 'new-ref');
    expect((await runArchc(['build', join(repoRoot, 'samples', other!, 'system.yaml'), '--out', previousRef, '--no-render', '--quiet'])).code).toBe(0);
    const started = performance.now();
    expect((await runArchc(['build', spec, '--out', newRef, '--no-render', '--quiet'])).code).toBe(0);
    const duration = performance.now() - started;
    const before = snapshot(previousRef)!;
    const after = snapshot(newRef)!;
    expect(before).not.toBe(after);

    mkdirSync(join(sandbox, 'window'));
    const writeWindow = await measureWriteWindow(spec, join(sandbox, 'window', 'out'));
    const random = prng(SEED);
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < KILLS; i++) {
      rmSync(out, { recursive: true, force: true });
      rmSync(staging, { recursive: true, force: true });
      rmSync(previous, { recursive: true, force: true });
      cpSync(previousRef, out, { recursive: true });
      // A third of the kills anywhere in the run (stratified over its measured duration, seeded); a third at a seeded
      // moment after the staging dir appears (while files are written); a third the instant the previous build is
      // moved aside (between the two renames of the swap).
      const trigger: Trigger = (['start', 'staging', 'previous'] as const)[i % 3]!;
      const ms = trigger === 'start' ? Math.round(duration * 1.1 * (Math.floor(i / 3) + random()) / Math.ceil(KILLS / 3))
        : trigger === 'staging' ? Math.round(writeWindow * 0.5 * random()) : 0;
      const killed = await buildKilled(spec, out, ms, trigger);
      const state = snapshot(out);
      let outcome: string;
      if (state === before) outcome = 'previous';
      else if (state === after) outcome = 'new';
      else if (state === null && snapshot(previous) === before) outcome = 'absent, previous kept beside';
      else outcome = `MIXED ${ms} ms after ${trigger} (triggered: ${killed.triggered}, exited: ${killed.exited})`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(outcome).not.toMatch(/^MIXED/);
      // The repairing build: the real binary every third time, else the same main() in-process (saves a start-up).
      const repairArgs = ['build', spec, '--out', out, '--no-render', '--quiet'];
      const repairCode = i % 3 === 2 ? (await runArchc(repairArgs, { cwd: sandbox })).code : await main(repairArgs, quietIo(sandbox));
      expect(repairCode).toBe(0);
      expect(snapshot(out) === after).toBe(true);
      expect(existsSync(staging) || existsSync(previous)).toBe(false);
    }
    console.log(`sigkill: ${KILLS} kills over a ${Math.round(duration)} ms build (write window ${Math.round(writeWindow)} ms): ${JSON.stringify(outcomes)}`);
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}, 600_000);
