// `archc diff <old-spec> <new-spec>` and `archc diff --base <git-ref> [spec]`: a design-level diff for PR review.
import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import { compileBytes, compileFile, type CompileResult } from '../../compile.js';
import { diffDesigns, isEmptyDiff } from '../../diff/design-diff.js';
import { renderDiffMarkdown } from '../../diff/render-markdown.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { printDiagnostics } from '../report.js';

export const diffUsage = 'archc diff <old-spec> <new-spec> | archc diff --base <git-ref> [spec] [--format markdown|json] [--exit-code]';

export const diffHelp = `Show what changed in the design: flipped decisions (both rationales and the inputs that moved),
assumptions, modules, tables, columns, indexes and endpoints. Markdown is ready to paste as a PR comment.

Usage: ${diffUsage}

Options:
  --base ref              compare the spec as committed at a git ref (e.g. origin/main) with the working copy
  --format markdown|json  Markdown (default) or JSON on stdout
  --exit-code             exit 1 when the design changed (like git diff --exit-code)
  -h, --help              show this help

Exit codes: 0 (or 0 = unchanged with --exit-code), 1 input errors or a changed design with --exit-code, 2 usage errors.
`;

const diffOptions = {
  base: { type: 'string' },
  format: { type: 'string' },
  'exit-code': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function specAtRef(ref: string, file: string, cwd: string): Uint8Array {
  const path = relative(cwd, resolve(cwd, file)).split(sep).join('/');
  try {
    return execFileSync('git', ['show', `${ref}:./${path}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new UsageError(`cannot read ${path} at ${ref}: ${stderr || String(error)}`);
  }
}

export async function diffAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, diffOptions);
  if (values.help) {
    io.stdout(diffHelp);
    return ExitCode.ok;
  }
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be markdown or json, got "${format}"`);
  let oldResult: CompileResult;
  let newResult: CompileResult;
  let oldLabel: string;
  let newLabel: string;
  if (values.base !== undefined) {
    if (positionals.length > 1) throw new UsageError(`with --base give at most one spec\nusage: ${diffUsage}`);
    const file = positionals[0] ?? 'system.yaml';
    oldLabel = `${values.base}:${file}`;
    newLabel = file;
    oldResult = compileBytes(oldLabel, specAtRef(values.base, file, io.cwd), { decide: true });
    newResult = compileFile(file, { decide: true });
  } else {
    if (positionals.length !== 2) throw new UsageError(`give the old and the new spec\nusage: ${diffUsage}`);
    [oldLabel, newLabel] = [positionals[0]!, positionals[1]!];
    oldResult = compileFile(oldLabel, { decide: true });
    newResult = compileFile(newLabel, { decide: true });
  }
  if (!oldResult.model || !newResult.model) {
    const sources = new Map([...oldResult.sources, ...newResult.sources]);
    printDiagnostics(io, [...oldResult.diagnostics, ...newResult.diagnostics].filter((d) => d.severity === 'error'), sources, 'human');
    return ExitCode.inputError;
  }
  const diff = diffDesigns(oldResult.model, newResult.model);
  io.stdout(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff, oldLabel, newLabel));
  return values['exit-code'] && !isEmptyDiff(diff) ? ExitCode.inputError : ExitCode.ok;
}
