// `archc verify [spec] [--out dir]`: runs archc's own checks on a build output, for reviewing a design in a pull request.
import { verifyOutputs } from '../../verify/index.js';
import { atMostPositionals, diagnosticOptions, outputFormat, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { exitCodeFor, printDiagnostics } from '../report.js';

export const verifyUsage = 'archc verify [spec] [--out dir] [--format human|json|sarif] [--warnings-as-errors]';

export const verifyHelp = `Check built outputs the way archc's own tests check its samples.

Usage: ${verifyUsage}

Arguments:
  spec                    the spec the outputs were built from (default ./system.yaml)

Options:
  --out dir               the output directory to check (default ./out)
  --format FORMAT         human (stderr, default), json (an array on stdout) or sarif (SARIF 2.1.0 on stdout)
  --warnings-as-errors    exit 1 when there are warnings (stale outputs, OpenAPI lint warnings)
  -h, --help              show this help

Checks: schema.sql applies to an empty PostgreSQL (embedded PGlite) in one transaction; openapi.yaml lints
with Redocly's recommended rules; schema.graphql builds into a valid schema; api.proto parses; every
diagrams/*.mmd parses with Mermaid; types/ type-checks with TypeScript (strict). A check whose file is absent
is skipped. Outputs that differ from what build would write for the spec are warnings.
Exit codes: 0 every check passed (warnings allowed), 1 problems found or no build output, 2 usage errors.
`;

export async function verifyAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...diagnosticOptions, out: { type: 'string' } } as const);
  if (values.help) {
    io.stdout(verifyHelp);
    return ExitCode.ok;
  }
  atMostPositionals(positionals, 1, verifyUsage);
  const format = outputFormat(values.format);
  const specFile = positionals[0] ?? 'system.yaml';
  const outDir = values.out ?? 'out';
  const result = await verifyOutputs({ specFile, outDir });
  printDiagnostics(io, result.diagnostics, result.sources, format);
  const code = exitCodeFor(result.diagnostics, values['warnings-as-errors'] ?? false);
  if (format === 'human' && result.ran.length > 0) {
    const skipped = result.skipped.length > 0 ? `; skipped (no such output): ${result.skipped.join(', ')}` : '';
    io.stderr(`${outDir}: ${code === ExitCode.ok ? 'passed' : 'checked'} ${result.ran.join(', ')}${skipped}\n`);
  }
  return code;
}
