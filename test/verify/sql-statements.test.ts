import { splitSqlStatements } from '../../src/verify/sql-statements.js';

const texts = (sql: string): string[] => splitSqlStatements(sql).map((s) => s.text);

test('splits at top-level semicolons and starts each statement at its first token, after comments', () => {
  const sql = '-- header; not a statement\nCREATE SCHEMA a;\n\n/* note; */ CREATE TABLE a.t (id int);\n';
  const statements = splitSqlStatements(sql);
  expect(statements.map((s) => s.text)).toEqual(['CREATE SCHEMA a;', 'CREATE TABLE a.t (id int);']);
  expect(statements[1]!.start).toBe(sql.indexOf('CREATE TABLE'));
});

test('semicolons inside strings, quoted identifiers, dollar quotes and nested comments do not split', () => {
  expect(texts("COMMENT ON TABLE t IS 'a;b''c;';")).toEqual(["COMMENT ON TABLE t IS 'a;b''c;';"]);
  expect(texts('CREATE TABLE "x;y" (id int); SELECT 1;')).toEqual(['CREATE TABLE "x;y" (id int);', 'SELECT 1;']);
  expect(texts('DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2;')).toEqual(['DO $body$ BEGIN PERFORM 1; END $body$;', 'SELECT 2;']);
  expect(texts('DO $$ SELECT 1; $$; SELECT 2;')).toEqual(['DO $$ SELECT 1; $$;', 'SELECT 2;']);
  expect(texts('/* a /* b; */ c; */ SELECT 1;')).toEqual(['SELECT 1;']);
  // E'' strings escape with a backslash; a plain string does not (standard_conforming_strings).
  expect(texts("SELECT E'a\\';b'; SELECT 'c\\'; SELECT 3;")).toEqual(["SELECT E'a\\';b';", "SELECT 'c\\';", 'SELECT 3;']);
});

test('a positional parameter is not a dollar quote; empty statements and a trailing comment are dropped', () => {
  expect(texts('PREPARE p AS SELECT $1; ; -- done\n')).toEqual(['PREPARE p AS SELECT $1;']);
  expect(texts('SELECT 1')).toEqual(['SELECT 1']);
});
