// `archc build [spec] [--out dir]`: compile the spec and write every output atomically.
import { watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { compileFile } from '../../compile.js';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFile } from '../../../generators/generator.js';
import { mayReplace, recoverInterruptedSwap, writeOutputAtomically } from '../../output/atomic-dir.js';
import { generateAll, releaseGenerators } from '../../../generators/index.js';
import { findBrowser } from '../../render/browser.js';
import { planSvgs } from '../../render/svg-outputs.js';
import { UsageError } from '../args.js';
import { atMostPositionals, diagnosticOptions, outputFormat, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { exitCodeFor, printDiagnostics } from '../report.js';

export const buildUsage = 'archc build [spec] [--out dir] [--force] [--format human|json|sarif] [--warnings-as-errors] [--quiet] [--watch] [--render auto|require | --no-render]';

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
  --render auto|require   render diagrams to SVG with Chromium: auto (default: warn and skip without a
                          browser) or require (a missing browser is an error)
  --no-render             write .mmd diagrams only (existing SVGs whose diagram is unchanged are kept)
  --watch                 rebuild whenever the spec changes; a bad save prints diagnostics and keeps watching
  -h, --help              show this help

A failed build leaves the previous output directory untouched. A rebuild keeps (hard-links) the files whose bytes
did not change, so their timestamps stay and only changed files look new to tools that watch --out.
Environment: ARCHC_COMPILE_CACHE=0 stops keeping V8's code cache of ts-morph in node_modules/.cache/archc.
Exit codes: 0 built (warnings allowed), 1 input errors or a refused --out, 2 usage errors.
`;

const buildOptions = {
  ...diagnosticOptions,
  out: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  watch: { type: 'boolean', short: 'w' },
  render: { type: 'string' },
  'no-render': { type: 'boolean' },
} as const;

type RenderMode = 'auto' | 'require' | 'never';

interface BuildOptions {
  file: string;
  outDir: string;
  format: 'human' | 'json' | 'sarif';
  warningsAsErrors: boolean;
  force: boolean;
  quiet: boolean;
  render: RenderMode;
  /** Rebuilding on changes: keep the emitters' set-up (the types printer thread) between builds. */
  watch: boolean;
}

function renderMode(render: string | undefined, noRender: boolean | undefined): RenderMode {
  if (noRender) {
    if (render !== undefined) throw new UsageError('--no-render and --render cannot be combined');
    return 'never';
  }
  if (render === undefined || render === 'auto') return 'auto';
  if (render === 'require') return 'require';
  throw new UsageError(`--render must be auto or require, got "${render}"`);
}

/** Steps, counts and timings on a terminal; silent otherwise. */
function progress(io: CliIo, enabled: boolean): (step: string, started: number) => void {
  return (step, started) => {
    if (enabled) io.stderr(`  ${step} (${Math.round(performance.now() - started)} ms)\n`);
  };
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
    render: renderMode(values.render, values['no-render']),
    watch: values.watch ?? false,
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
  const step = progress(io, io.isTTY && !options.quiet && format === 'human');
  let started = performance.now();
  // Only what the build reads is kept: the parsed document (`loaded`) becomes garbage before the emitters run,
  // which keeps it out of the live set while they allocate (peak memory at 1,000 entities).
  const { model, diagnostics: compiled, sources } = compileFile(file, { decide: true });
  const code = exitCodeFor(compiled, warningsAsErrors);
  if (code !== ExitCode.ok || !model) {
    printDiagnostics(io, compiled, sources, format);
    return code === ExitCode.ok ? ExitCode.inputError : code;
  }
  step(`compiled ${file}: ${model.decisions.length} decisions`, started);

  const diagnostics = [...compiled];
  const fail = (extra: Diagnostic): number => {
    printDiagnostics(io, [...diagnostics, extra], sources, format);
    return ExitCode.inputError;
  };
  recoverInterruptedSwap(outDir);
  if (!options.force && !mayReplace(outDir)) return fail(createDiagnostic('ARC0002', { path: outDir }, file));
  const browser = options.render === 'never' ? null : findBrowser(io.env);
  if (options.render === 'require' && !browser) return fail(createDiagnostic('ARC0006', {}, file));

  started = performance.now();
  let files: OutputFile[];
  try {
    files = await generateAll(model);
    if (!options.watch) await releaseGenerators(); // its memory is not needed for writing, and no build follows
  } catch (error) {
    // An emitter bug must not leave a half-written directory: nothing has been written yet.
    return fail(createDiagnostic('ARC0004', { generator: 'output', reason: error instanceof Error ? error.message : String(error) }, file));
  }
  step(`generated ${files.length} files`, started);

  started = performance.now();
  const svgs = await planSvgs(files, outDir, browser);
  if (svgs.failures.length > 0) {
    return fail(createDiagnostic('ARC0007', { diagram: svgs.failures[0]!.diagram, reason: svgs.failures[0]!.reason }, file));
  }
  if (options.render !== 'never' && !browser && svgs.unrendered > 0) {
    diagnostics.push(createDiagnostic('ARC0005', { kept: svgs.kept, dropped: svgs.dropped }, file));
  }
  if (browser) step(`rendered ${svgs.rendered} diagram(s), kept ${svgs.kept} current SVG(s)`, started);

  try {
    await writeOutputAtomically(outDir, [...files, ...svgs.files]);
  } catch (error) {
    return fail(createDiagnostic('ARC0003', { path: outDir, reason: error instanceof Error ? error.message : String(error) }, file));
  }
  printDiagnostics(io, diagnostics, sources, format);
  if (!options.quiet && format === 'human') io.stderr(`wrote ${files.length + svgs.files.length + 1} files to ${outDir}\n`);
  return exitCodeFor(diagnostics, warningsAsErrors) === ExitCode.ok ? ExitCode.ok : ExitCode.inputError;
}
