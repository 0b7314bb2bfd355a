// Runs the real CLI (bin/archc.js → dist/) as a child process. dist/ must be built first: `npm test` runs
// `tsc -p tsconfig.build.json` before jest; when running one file by hand, build first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ARCHC_TEST_CLI points the tests at another build of bin/archc.js (e.g. a private copy while dist/ is being rebuilt). */
export const cliPath = process.env['ARCHC_TEST_CLI'] ?? join(repoRoot, 'bin', 'archc.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
}

export function assertBuilt(): void {
  if (!existsSync(join(dirname(cliPath), '..', 'dist', 'src', 'cli', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm test does) before these tests');
  }
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env, ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    // The child's stdio are pipes, so it is never a TTY.
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** Runs tasks with at most `limit` in flight: parallel enough to be fast, bounded so 2 cores are not swamped. */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A stack trace line (`    at fn (file.js:1:2)`) or an `Error:` prefix: the CLI must never print one. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
export const ERROR_PREFIX = /^(\w*Error|Error):/m;
