// schema.sql must apply to an empty PostgreSQL database in one transaction, as its header tells operators to run it.
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../load/locator.js';
import { defineCheck } from './check.js';
import { asPostgresError, startPostgres, type PostgresError } from './postgres.js';
import { splitSqlStatements, type SqlStatement } from './sql-statements.js';
import { advanceCodePoints, firstLineOf } from './text-position.js';

export const SCHEMA_FILE = 'schema.sql';

/** The token the server pointed at, else the statement's first line. */
function errorSpan(sql: string, statement: SqlStatement, error: PostgresError): SourceSpan {
  const whole = { start: statement.start, end: statement.start + statement.text.length };
  if (error.position === undefined) return firstLineOf(sql, whole);
  const at = advanceCodePoints(sql, statement.start, error.position - 1);
  const token = /^[^\s,;()]+/.exec(sql.slice(at, whole.end))?.[0] ?? '';
  return { start: at, end: at + Math.max(1, token.length) };
}

function describe(error: PostgresError): string {
  return [error.message, error.detail, error.hint && `hint: ${error.hint}`].filter(Boolean).join('; ');
}

/** Runs the statements one by one inside BEGIN … ROLLBACK; the first rejected one ends the run (the transaction is aborted). */
async function firstRejected(sql: string): Promise<{ statement: SqlStatement; error: PostgresError } | null> {
  const db = await startPostgres();
  try {
    await db.exec('BEGIN');
    for (const statement of splitSqlStatements(sql)) {
      try {
        await db.exec(statement.text);
      } catch (thrown) {
        return { statement, error: asPostgresError(thrown) };
      }
    }
    return null;
  } finally {
    await db.close();
  }
}

export const sqlCheck = defineCheck({
  name: 'schema.sql',
  subject: SCHEMA_FILE,
  run: async (target): Promise<Diagnostic[] | null> => {
    const sql = target.read(SCHEMA_FILE);
    if (sql === null) return null;
    const rejected = await firstRejected(sql);
    if (!rejected) return [];
    const { statement, error } = rejected;
    return [createDiagnostic('ARC0020', { sqlstate: error.code, detail: describe(error) }, target.shown(SCHEMA_FILE), errorSpan(sql, statement, error))];
  },
});
