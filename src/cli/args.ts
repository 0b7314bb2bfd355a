// Option parsing shared by the commands; a bad option is a usage error (exit 2), never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { OutputFormat } from './report.js';

export class UsageError extends Error {}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const diagnosticOptions = {
  format: { type: 'string' },
  'warnings-as-errors': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export function parseCommandArgs<O extends OptionSpec>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function outputFormat(value: unknown): OutputFormat {
  if (value === undefined || value === 'human') return 'human';
  if (value === 'json' || value === 'sarif') return value;
  throw new UsageError(`--format must be human, json or sarif, got "${String(value)}"`);
}

export function atMostPositionals(positionals: string[], max: number, usage: string): void {
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"\nusage: ${usage}`);
}
