// Runs the built CLI (dist/, built by `npm test` before jest) as a real process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ARCHC_TEST_CLI points the tests at another build of bin/archc.js (e.g. a private copy while dist/ is being rebuilt). */
export const archcBin = process.env['ARCHC_TEST_CLI'] ?? join(repoRoot, 'bin', 'archc.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runArchc(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [archcBin, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A stack trace or an uncaught error never reaches the user. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+|^\w*Error: |Uncaught|node:internal/m;

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
