// A field's default must be a value of the field's type: the DDL casts it (`'xyz'::date`), and PostgreSQL refuses
// the whole CREATE TABLE when the cast fails; an out-of-range number or a non-member enum default fails every insert.
// The schema allows any scalar as a default, so the type match is checked here.
import type { Field } from '../../spec/types.js';
import { defineCheck } from './check.js';
import { valueSpan } from './spec-names.js';

/** Words the SQL emitter turns into now() / CURRENT_DATE. */
const NOW_WORDS = new Set(['now', 'now()', 'current_timestamp', 'current_date', 'today']);
const INT4 = { min: -2147483648n, max: 2147483647n };
const INT8 = { min: -9223372036854775808n, max: 9223372036854775807n };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

type Scalar = string | number | boolean;

function integerIn(value: Scalar, range: { min: bigint; max: bigint }): boolean {
  const text = typeof value === 'number' ? (Number.isInteger(value) ? value.toFixed(0) : '') : typeof value === 'string' ? value.trim() : '';
  if (!/^[+-]?\d+$/.test(text)) return false;
  const n = BigInt(text);
  return n >= range.min && n <= range.max;
}

/** numeric(precision, scale): at most precision - scale digits before the point. */
function numericFits(value: Scalar, integerDigits: number): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) < 10 ** integerDigits;
}

function validCalendarDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function validTime(hours: string | undefined, minutes: string | undefined, seconds: string | undefined): boolean {
  return Number(hours ?? 0) <= 23 && Number(minutes ?? 0) <= 59 && Number(seconds ?? 0) <= 59;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What the default should look like, or null when it fits the field. */
export function defaultProblem(field: Field): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  const nowWord = typeof value === 'string' && NOW_WORDS.has(value.trim().toLowerCase());
  switch (field.type) {
    case 'string': case 'text': return null;
    case 'enum': return field.values?.includes(String(value)) ? null : `one of the field's values (${(field.values ?? []).join(', ')})`;
    case 'int': return integerIn(value, INT4) ? null : `an integer from ${INT4.min} to ${INT4.max}`;
    case 'bigint': return integerIn(value, INT8) ? null : `an integer from ${INT8.min} to ${INT8.max}`;
    case 'decimal': return numericFits(value, 12) ? null : 'a number with at most 12 digits before the decimal point';
    case 'money': return numericFits(value, 15) ? null : 'a number with at most 15 digits before the decimal point';
    case 'bool': return value === true || value === false || value === 'true' || value === 'false' ? null : 'true or false';
    case 'uuid': return typeof value === 'string' && UUID.test(value) ? null : 'a UUID such as 00000000-0000-0000-0000-000000000000';
    case 'json': return typeof value !== 'string' || isJson(value) ? null : 'a JSON document (written as a string)';
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value.trim()) : null;
      return nowWord || (m !== null && validCalendarDate(m[1]!, m[2]!, m[3]!)) ? null : 'a date YYYY-MM-DD, or today';
    }
    case 'timestamp': {
      const m = typeof value === 'string' ? TIMESTAMP.exec(value.trim()) : null;
      return nowWord || (m !== null && validCalendarDate(m[1]!, m[2]!, m[3]!) && validTime(m[4], m[5], m[6])) ? null
        : 'an ISO 8601 timestamp such as 2024-01-31T09:30:00Z, or now';
    }
    case 'blob': return 'nothing: a blob field takes no default (its bytes live in object storage)';
    default: return null; // ref: the referenced key's type decides; a dangling id is the application's concern
  }
}

export const fieldDefaultsCheck = defineCheck({
  id: 'field-defaults',
  description: 'a field default is a value of the field type (PostgreSQL refuses the table otherwise)',
  run({ spec, locate, report }) {
    (spec.entities ?? []).forEach((entity, i) => {
      entity.fields.forEach((field, j) => {
        const expected = defaultProblem(field);
        if (expected === null) return;
        report.report('ARC0322', {
          where: `entities.${entity.name}.fields.${field.name}`, value: JSON.stringify(field.default), type: field.type, expected,
        }, valueSpan(locate, `entities.${i}.fields.${j}.default`));
      });
    });
  },
});
