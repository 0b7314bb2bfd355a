// Splits a PostgreSQL script into statements at top-level semicolons, the way psql does: semicolons inside
// quotes, quoted identifiers, dollar-quoted bodies and comments do not end a statement.

export interface SqlStatement {
  /** The statement from its first token through its semicolon (or the end of the script). */
  text: string;
  /** Offset of the first token in the script. */
  start: number;
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** Index just past a quoted run starting at `open` (`'…'` or `"…"`, the quote doubled to escape it). */
function skipQuoted(sql: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

/** Index just past a block comment starting at `open`; PostgreSQL block comments nest. */
function skipBlockComment(sql: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return sql.length;
}

function skipLineComment(sql: string, open: number): number {
  const end = sql.indexOf('\n', open);
  return end === -1 ? sql.length : end + 1;
}

/** Index just past the token or quoted run at `i`, and whether it is a comment or white space. */
function skipToken(sql: string, i: number): { next: number; insignificant: boolean } {
  const c = sql[i]!;
  const previous = i > 0 ? sql[i - 1]! : '';
  if (/\s/.test(c)) return { next: i + 1, insignificant: true };
  if (sql.startsWith('--', i)) return { next: skipLineComment(sql, i), insignificant: true };
  if (sql.startsWith('/*', i)) return { next: skipBlockComment(sql, i), insignificant: true };
  if (c === "'") {
    // E'…' strings take backslash escapes; with standard_conforming_strings on, plain strings do not.
    const escaped = (previous === 'E' || previous === 'e') && (i < 2 || !IDENTIFIER_CHAR.test(sql[i - 2]!));
    return { next: skipQuoted(sql, i, "'", escaped), insignificant: false };
  }
  if (c === '"') return { next: skipQuoted(sql, i, '"', false), insignificant: false };
  if (c === '$' && !IDENTIFIER_CHAR.test(previous)) {
    DOLLAR_TAG.lastIndex = i;
    const tag = DOLLAR_TAG.exec(sql)?.[0];
    if (tag !== undefined) {
      const close = sql.indexOf(tag, i + tag.length);
      return { next: close === -1 ? sql.length : close + tag.length, insignificant: false };
    }
  }
  return { next: i + 1, insignificant: false };
}

/** The statements of a script in order; comments and blank text between statements are dropped. */
export function splitSqlStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = -1;
  let i = 0;
  while (i < sql.length) {
    if (sql[i] === ';' && start !== -1) {
      statements.push({ text: sql.slice(start, i + 1), start });
      start = -1;
      i += 1;
      continue;
    }
    const { next, insignificant } = skipToken(sql, i);
    if (!insignificant && start === -1 && sql[i] !== ';') start = i;
    i = next;
  }
  if (start !== -1) statements.push({ text: sql.slice(start), start });
  return statements;
}
