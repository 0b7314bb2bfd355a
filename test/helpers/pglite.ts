// One PostgreSQL (PGlite, WASM) per test file, started on first use: a start costs about 3 s and 700 MB.
// Every check runs inside BEGIN … ROLLBACK, so each one sees an empty database and leaves nothing behind.
import type { PGlite } from '@electric-sql/pglite';

export interface SqlError {
  /** SQLSTATE, e.g. 23503 foreign_key_violation. */
  code: string;
  message: string;
}

/** A session inside one rolled-back transaction. */
export interface Session {
  /** Runs one or more statements; throws on error (aborting the transaction). */
  exec(sql: string): Promise<void>;
  /** Rows of one statement, with optional $1… parameters. */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `sql` behind a savepoint and returns its error (null when it succeeded); the transaction stays usable. */
  error(sql: string, params?: unknown[]): Promise<SqlError | null>;
}

export interface TestDatabase {
  inRollback<T>(check: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function asSqlError(thrown: unknown): SqlError {
  const error = thrown as { code?: unknown; message?: unknown };
  return { code: typeof error.code === 'string' ? error.code : '', message: String(error.message ?? thrown) };
}

function sessionOf(db: PGlite): Session {
  let savepoints = 0;
  const session: Session = {
    exec: async (sql) => {
      await db.exec(sql);
    },
    rows: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
    error: async (sql, params = []) => {
      savepoints += 1;
      const name = `check_${savepoints}`;
      await db.exec(`SAVEPOINT ${name}`);
      try {
        if (params.length === 0) await db.exec(sql);
        else await db.query(sql, params);
        await db.exec(`RELEASE SAVEPOINT ${name}`);
        return null;
      } catch (thrown) {
        await db.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        return asSqlError(thrown);
      }
    },
  };
  return session;
}

/** Call once per test file (module scope); close it in afterAll. */
export function sharedDatabase(): TestDatabase {
  let started: Promise<PGlite> | null = null;
  const start = (): Promise<PGlite> => {
    started ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
    return started;
  };
  // Checks run one at a time: two open transactions on one connection would interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    inRollback: <T>(check: (session: Session) => Promise<T>): Promise<T> => {
      const run = async (): Promise<T> => {
        const db = await start();
        await db.exec('BEGIN');
        try {
          return await check(sessionOf(db));
        } finally {
          await db.exec('ROLLBACK');
          await db.exec('RESET ROLE');
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    close: async () => {
      if (started !== null) await (await started).close();
    },
  };
}
