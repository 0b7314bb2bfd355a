// `archc migrate <old-spec> <new-spec> [--allow-destructive]`: the PostgreSQL migration between the two specs'
// databases on stdout, expand/contract ordered; skipped destructive steps and manual steps as warnings on stderr.
import { compileFile } from '../../compile.js';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { migrate, type MigrationNotice } from '../../migrate/index.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { printDiagnostics } from '../report.js';
import type { LoadedSpec } from '../../load/load-spec.js';

export const migrateUsage = 'archc migrate <old-spec> <new-spec> [--allow-destructive]';

export const migrateHelp = `Print the PostgreSQL migration from the database the old spec's schema.sql creates to the one the new
spec's schema.sql creates, in expand/contract order: expand (new schemas, tables, nullable columns), backfill (field
defaults, renamed columns and tables), constrain (NOT NULL, CHECK, UNIQUE, FOREIGN KEY, indexes, row-level security),
contract (drops). renamed_from on modules, entities and fields turns a drop and add into a copy.

Usage: ${migrateUsage}

Options:
  --allow-destructive  include drops of tables, columns, schemas and roles, narrowing type changes and removed
                       enum values; without it each is printed as a comment saying why it waits, with a warning
  -h, --help           show this help

Exit codes: 0 ok (warnings allowed), 1 input errors (an unreadable or invalid spec), 2 usage errors.
`;

const migrateOptions = {
  'allow-destructive': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function noticeDiagnostic(notice: MigrationNotice, file: string, loaded: LoadedSpec | null): Diagnostic {
  const span = notice.path === null || loaded === null ? null : loaded.locator.span(notice.path, 'key');
  return createDiagnostic(notice.code, notice.args, file, span ?? undefined);
}

export async function migrateAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, migrateOptions);
  if (values.help) {
    io.stdout(migrateHelp);
    return ExitCode.ok;
  }
  if (positionals.length !== 2) throw new UsageError(`give the old and the new spec\nusage: ${migrateUsage}`);
  const [oldFile, newFile] = [positionals[0]!, positionals[1]!];
  const oldResult = compileFile(oldFile, { decide: true });
  const newResult = compileFile(newFile, { decide: true });
  const sources = new Map([...oldResult.sources, ...newResult.sources]);
  if (!oldResult.model || !newResult.model) {
    printDiagnostics(io, [...oldResult.diagnostics, ...newResult.diagnostics].filter((d) => d.severity === 'error'), sources, 'human');
    return ExitCode.inputError;
  }
  const migration = migrate(oldResult.model, newResult.model, { allowDestructive: values['allow-destructive'] === true });
  io.stdout(migration.sql);
  const notices = migration.notices.map((notice) => (notice.spec === 'old'
    ? noticeDiagnostic(notice, oldFile, oldResult.loaded)
    : noticeDiagnostic(notice, newFile, newResult.loaded)));
  if (notices.length > 0) printDiagnostics(io, sortDiagnostics(notices), sources, 'human');
  return ExitCode.ok;
}
