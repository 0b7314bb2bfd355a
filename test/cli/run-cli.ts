// Runs the real CLI (bin/archc.js → dist/) as a child process. dist/ must be built first: `npm test` runs
// `tsc -p tsconfig.build.json` before jest; when running one file by hand, build first.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { archcBin, inBatches, repoRoot, runArchc } from '../helpers/cli.js';

export { repoRoot };
export const cliPath = archcBin;

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

/** The shared process runner, keeping this suite's result shape and the caller's own NO_COLOR (colour tests need it unset). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const result = await runArchc([...args], { cwd: options.cwd, env: { NO_COLOR: process.env['NO_COLOR'], ...options.env } });
  return { status: result.code, stdout: result.stdout, stderr: result.stderr };
}

export { inBatches };

/** A stack trace line (`    at fn (file.js:1:2)`) or an `Error:` prefix: the CLI must never print one. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
export const ERROR_PREFIX = /^(\w*Error|Error):/m;
