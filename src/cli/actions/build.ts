// `archc build [spec] [--out dir]`: compile the spec and write every output atomically.
import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { compileFile } from '../../compile.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { mayReplace, recoverInterruptedSwap, writeOutputAtomically } from '../../output/atomic-dir.js';
import { generateAll } from '../../../generators/index.js';
import { atMostPositionals, diagnosticOptions, outputFormat, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { exitCodeFor, printDiagnostics } from '../report.js';

export const buildUsage = 'archc build [spec] [--out dir] [--force] [--format human|json|sarif] [--warnings-as-errors] [--quiet] [--watch]';

export const buildHelp = `Compile a system.yaml into a design: proposal.md, model.json, ADRs, diagrams, schema.sql, API and types.

Usage: ${buildUsage}

Arguments:
  spec                    the spec file (default ./system.yaml)

Options:
  --out dir               output directory (default ./out); replaced atomically
  --force                 replace --out even if it is not empty and was not written by archc
  --format FORMAT         diagnostics as human text on stderr (default), json or sarif on stdout
  --warnings-as-errors    exit 1 when there are warnings (nothing is written)
  --quiet                 print nothing but diagnostics
  --watch                 rebuild whenever the spec changes; a bad save prints diagnostics and keeps watching
  -h, --help              show this help

A failed build leaves the previous output directory untouched.
Exit codes: 0 built (warnings allowed), 1 input errors or a refused --out, 2 usage errors.
`;

const buildOptions = {
  ...diagnosticOptions,
  out: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  watch: { type: 'boolean', short: 'w' },
} as const;

interface BuildOptions {
  file: string;
  outDir: string;
  format: 'human' | 'json' | 'sarif';
  warningsAsErrors: boolean;
  force: boolean;
  quiet: boolean;
}

export async function buildAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, buildOptions);
  if (values.help) {
    io.stdout(buildHelp);
    return ExitCode.ok;
  }
  atMostPositionals(positionals, 1, buildUsage);
  const format = outputFormat(values.format);
  const file = positionals[0] ?? 'system.yaml';
  const outDir = values.out ?? 'out';
  const warningsAsErrors = values['warnings-as-errors'] ?? false;

  const options: BuildOptions = {
    file, outDir, format, warningsAsErrors, force: values.force ?? false, quiet: values.quiet ?? false,
  };
  if (values.watch) return watchBuild(options, io);
  return buildOnce(options, io);
}

/** Rebuilds on every change of the spec until interrupted. Editors often save by rename, so the directory is watched. */
async function watchBuild(options: BuildOptions, io: CliIo): Promise<number> {
  await buildOnce(options, io);
  io.stderr(`watching ${options.file} (Ctrl-C to stop)\n`);
  const target = basename(resolve(options.file));
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return new Promise<number>((resolveExit) => {
    const watcher = watch(dirname(resolve(options.file)), (_event, name) => {
      if (name !== null && name.toString() !== target) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          io.stderr(`\n${options.file} changed; rebuilding\n`);
          await buildOnce(options, io);
        });
      }, 80);
    });
    const stop = (): void => {
      watcher.close();
      clearTimeout(timer);
      resolveExit(ExitCode.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function buildOnce(options: BuildOptions, io: CliIo): Promise<number> {
  const { file, outDir, format, warningsAsErrors } = options;
  const result = compileFile(file, { decide: true });
  const code = exitCodeFor(result.diagnostics, warningsAsErrors);
  if (code !== ExitCode.ok || !result.model) {
    printDiagnostics(io, result.diagnostics, result.sources, format);
    return code === ExitCode.ok ? ExitCode.inputError : code;
  }

  recoverInterruptedSwap(outDir);
  if (!options.force && !mayReplace(outDir)) {
    const refused = [...result.diagnostics, createDiagnostic('ARC0002', { path: outDir }, file)];
    printDiagnostics(io, refused, result.sources, format);
    return ExitCode.inputError;
  }
  let files;
  try {
    files = await generateAll(result.model);
  } catch (error) {
    // An emitter bug must not leave a half-written directory: nothing has been written yet.
    const failed = [...result.diagnostics, createDiagnostic('ARC0004', { generator: 'output', reason: error instanceof Error ? error.message : String(error) }, file)];
    printDiagnostics(io, failed, result.sources, format);
    return ExitCode.inputError;
  }
  try {
    writeOutputAtomically(outDir, files);
  } catch (error) {
    const failed = [...result.diagnostics, createDiagnostic('ARC0003', { path: outDir, reason: error instanceof Error ? error.message : String(error) }, file)];
    printDiagnostics(io, failed, result.sources, format);
    return ExitCode.inputError;
  }
  printDiagnostics(io, result.diagnostics, result.sources, format);
  if (!options.quiet && format === 'human') io.stderr(`wrote ${files.length + 1} files to ${outDir}\n`);
  return ExitCode.ok;
}
