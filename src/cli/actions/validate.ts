// `archc validate [spec]`: load and check a spec; pays only for yaml + ajv (no decision passes, no emitters).
// The engine's challenges to weak constraints (ARC04xx) are reported by `archc build`.
import { checkSpecFile } from '../../check-spec.js';
import { atMostPositionals, diagnosticOptions, outputFormat, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { exitCodeFor, printDiagnostics } from '../report.js';

export const validateUsage = 'archc validate [spec] [--format human|json|sarif] [--warnings-as-errors]';

export const validateHelp = `Check a system.yaml without writing anything.

Usage: ${validateUsage}

Arguments:
  spec                    the spec file (default ./system.yaml)

Options:
  --format FORMAT         human (stderr, default), json (an array on stdout) or sarif (SARIF 2.1.0 on stdout)
  --warnings-as-errors    exit 1 when there are warnings
  -h, --help              show this help

Checks YAML, the schema and the semantic rules. Challenges to weak constraints (missing scale targets,
consistency requirements, compliance …) come from the decision engine: \`archc build\` reports them.
Exit codes: 0 valid (warnings allowed), 1 input errors, 2 usage errors.
`;

export async function validateAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, diagnosticOptions);
  if (values.help) {
    io.stdout(validateHelp);
    return ExitCode.ok;
  }
  atMostPositionals(positionals, 1, validateUsage);
  const format = outputFormat(values.format);
  const file = positionals[0] ?? 'system.yaml';
  const result = checkSpecFile(file);
  printDiagnostics(io, result.diagnostics, result.sources, format);
  const code = exitCodeFor(result.diagnostics, values['warnings-as-errors'] ?? false);
  if (format === 'human' && code === ExitCode.ok && result.diagnostics.length === 0) io.stderr(`${file}: valid\n`);
  return code;
}
