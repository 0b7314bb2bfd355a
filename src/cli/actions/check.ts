// `archc check [spec] [--out dir]`: for CI — fails when the committed outputs differ from what build would write.
import { compileFile } from '../../compile.js';
import { MARKER_CONTENT, MARKER_FILE } from '../../output/atomic-dir.js';
import { compareOutputs } from '../../output/compare-outputs.js';
import { generateAll, releaseGenerators } from '../../../generators/index.js';
import { atMostPositionals, diagnosticOptions, outputFormat, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { exitCodeFor, printDiagnostics } from '../report.js';

export const checkUsage = 'archc check [spec] [--out dir] [--format human|json|sarif]';

export const checkHelp = `Check that committed outputs are current (for CI).

Usage: ${checkUsage}

Arguments:
  spec                    the spec file (default ./system.yaml)

Options:
  --out dir               the committed output directory (default ./out)
  --format FORMAT         diagnostics format: human (default), json or sarif
  -h, --help              show this help

Lists stale (different), missing and extra files. SVG files are not compared byte for byte: they
depend on the browser and fonts.
Exit codes: 0 current, 1 outputs differ or input errors, 2 usage errors.
`;

// Re-exported: the comparison moved to src/output/ so that `archc verify` shares it.
export { compareOutputs, type OutputComparison } from '../../output/compare-outputs.js';

export async function checkAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...diagnosticOptions, out: { type: 'string' } } as const);
  if (values.help) {
    io.stdout(checkHelp);
    return ExitCode.ok;
  }
  atMostPositionals(positionals, 1, checkUsage);
  const format = outputFormat(values.format);
  const file = positionals[0] ?? 'system.yaml';
  const outDir = values.out ?? 'out';
  const result = compileFile(file, { decide: true });
  const code = exitCodeFor(result.diagnostics, values['warnings-as-errors'] ?? false);
  if (code !== ExitCode.ok || !result.model) {
    printDiagnostics(io, result.diagnostics, result.sources, format);
    return ExitCode.inputError;
  }
  const files = await generateAll(result.model);
  await releaseGenerators(); // comparing needs only the files
  const expected = new Map(files.map((f) => [f.path, f.content]));
  expected.set(MARKER_FILE, MARKER_CONTENT);
  const comparison = compareOutputs(expected, outDir);
  const problems = [
    ...comparison.stale.map((f) => `stale    ${f}`),
    ...comparison.missing.map((f) => `missing  ${f}`),
    ...comparison.extra.map((f) => `extra    ${f}`),
  ];
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ current: problems.length === 0, ...comparison }, null, 2)}\n`);
  } else if (problems.length > 0) {
    io.stderr(`${outDir} is not current with ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}\nRun \`archc build ${file} --out ${outDir}\` and commit the result.\n`);
  } else {
    io.stderr(`${outDir} is current with ${file}\n`);
  }
  return problems.length > 0 ? ExitCode.inputError : ExitCode.ok;
}
