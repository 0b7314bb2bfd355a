// An embedded PostgreSQL (PGlite, compiled to WebAssembly) for applying schema.sql; loaded only when verify needs it.
import type { PGlite } from '@electric-sql/pglite';

/** A PostgreSQL error as PGlite raises it (the fields of the server's ErrorResponse). */
export interface PostgresError {
  /** SQLSTATE, e.g. 42P01 undefined_table. */
  code: string;
  message: string;
  detail?: string;
  hint?: string;
  /** 1-based character index into the statement, when the server points at a token. */
  position?: number;
}

export function asPostgresError(thrown: unknown): PostgresError {
  const fields = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof fields[key] === 'string' && fields[key] !== '' ? fields[key] : undefined);
  const error: PostgresError = { code: text('code') ?? 'unknown', message: text('message') ?? String(thrown) };
  const detail = text('detail');
  const hint = text('hint');
  const position = Number(text('position'));
  if (detail) error.detail = detail;
  if (hint) error.hint = hint;
  if (Number.isInteger(position) && position > 0) error.position = position;
  return error;
}

/** Starts an empty in-memory database; the caller closes it. */
export async function startPostgres(): Promise<PGlite> {
  const { PGlite: Engine } = await import('@electric-sql/pglite');
  return Engine.create();
}
