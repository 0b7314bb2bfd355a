// Whether changing a column's SQL type keeps every stored value (widening) or can fail, round or cut (narrowing).

/** Types every value of which the target type holds exactly. */
const WIDENINGS: Readonly<Record<string, readonly string[]>> = {
  // integer has 10 digits: numeric(18,6) keeps 12 integer digits, numeric(19,4) 15.
  integer: ['bigint', 'numeric(18,6)', 'numeric(19,4)'],
  // A date is the instant its day starts.
  date: ['timestamptz'],
};

/** Types whose text form is exact and settings-independent enough to widen into text. */
const TEXT_SAFE = new Set(['uuid', 'integer', 'bigint', 'numeric(18,6)', 'numeric(19,4)', 'boolean', 'date', 'timestamptz', 'jsonb']);

export function isWidening(from: string, to: string): boolean {
  if (from === to) return true;
  if (to === 'text') return TEXT_SAFE.has(from);
  return WIDENINGS[from]?.includes(to) === true;
}

const NUMERIC = new Set(['integer', 'bigint', 'numeric(18,6)', 'numeric(19,4)']);

/**
 * The value of column `name` as `to`. PostgreSQL casts between numbers, to and from text, boolean to integer and
 * timestamptz to date directly; any other pair goes through the text form, which parses (and fails at run time only
 * on a value the new type cannot read).
 */
export function castExpression(name: string, from: string, to: string): string {
  if (from === to) return name;
  const direct = from === 'text' || to === 'text' || (NUMERIC.has(from) && NUMERIC.has(to))
    || (from === 'boolean' && to === 'integer') || (from === 'integer' && to === 'boolean')
    || (from === 'timestamptz' && to === 'date') || isWidening(from, to);
  return direct ? `${name}::${to}` : `${name}::text::${to}`;
}
