// Backfills on tenant tables: the migration runs as the table owner, whom FORCEd row-level security filters too.

/**
 * Row-level security is FORCEd on tenant tables, so the table owner running the migration sees no rows without
 * app.tenant_id: a backfill lifts FORCE for its statements (the owner then bypasses the policy) and restores it.
 */
export function withoutForcedRls(shapes: ReadonlyArray<{ qualified: string; policyLines: readonly string[] }>, statements: readonly string[]): string[] {
  const forced = shapes.filter((s) => s.policyLines.length > 0).map((s) => s.qualified);
  return [
    ...forced.map((name) => `ALTER TABLE ${name} NO FORCE ROW LEVEL SECURITY;`),
    ...statements,
    ...forced.map((name) => `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`),
  ];
}
