// The contract's cross-output names (tables, schemas, columns, TS and operation identifiers, resource paths).
// Every emitter derives names here, so a name is spelled the same in DDL, OpenAPI, GraphQL, proto and TS.
import { createHash } from 'node:crypto';

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Distinct names whose conversions are remembered before a memo starts over (bounds a long-lived process). */
const MAX_REMEMBERED_NAMES = 20_000;

/**
 * A pure conversion of names, remembered per name: the same entity, field and flow names are converted by every
 * pass and emitter. Answers must be immutable (strings, frozen arrays), since callers share them.
 */
function rememberedPerName<T>(convert: (name: string) => T): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    let answer = answers.get(name);
    if (answer === undefined) {
      if (answers.size >= MAX_REMEMBERED_NAMES) answers.clear();
      answer = convert(name);
      answers.set(name, answer);
    }
    return answer;
  };
}

const wordsOf = rememberedPerName((name: string): readonly string[] => {
  const found = name.match(/[A-Z]+(?![a-z])\d*|[A-Z][a-z]*\d*|[a-z]+\d*|\d+/g) ?? [];
  return Object.freeze(found.map((word) => word.toLowerCase()));
});

/**
 * Splits a Pascal, camel, snake or kebab name into lower-case words. An upper-case run is one word
 * (`HTTPRequest` → http, request) and digits stay with the word before them (`UserV2` → user, v2).
 */
export function words(name: string): string[] {
  return [...wordsOf(name)];
}

const snakeCaseOf = rememberedPerName((name) => wordsOf(name).join('_'));

/** `UserV2` → `user_v2`, `OAuth2Token` → `o_auth2_token`, `HTTPRequest` → `http_request`. */
export function snakeCase(name: string): string {
  return snakeCaseOf(name);
}

const pascalCaseOf = rememberedPerName((name) => wordsOf(name).map(capitalize).join(''));

/** `book-appointment` / `book_appointment` → `BookAppointment`. */
export function pascalCase(name: string): string {
  return pascalCaseOf(name);
}

/** `book-appointment` → `bookAppointment`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `book-appointment` → `BOOK_APPOINTMENT` (enum members, constants). */
export function constantCase(name: string): string {
  return wordsOf(name).join('_').toUpperCase();
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The table of an entity: its name in snake_case. */
export function tableName(entity: string): string {
  return snakeCase(entity);
}

/** A module's DDL schema: its kebab name with `_` for `-`. */
export function schemaName(module: string): string {
  return schemaNameOf(module);
}

const schemaNameOf = rememberedPerName((module) => module.replace(/-/g, '_'));

/** The column (and API / TS property) of a field: a `ref` field `patient` is `patient_id`. */
export function columnName(field: { name: string; type: string }): string {
  return field.type === 'ref' ? `${field.name}_id` : field.name;
}

/** English plural of one lower-case word; enough for resource names (`status` → `statuses`, `category` → `categories`). */
export function pluralWord(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The words of an entity name with the last one pluralised. */
function pluralWords(entity: string): string[] {
  const parts = wordsOf(entity);
  const last = parts.length - 1;
  return parts.map((word, i) => (i === last ? pluralWord(word) : word));
}

/** Plural kebab resource segment: `ReferralDocument` → `referral-documents`. */
export function resourceSegment(entity: string): string {
  return pluralWords(entity).join('-');
}

/** Plural Pascal name: `ReferralDocument` → `ReferralDocuments` (list operation ids, GraphQL list fields). */
export function pluralPascal(entity: string): string {
  return pluralWords(entity).map(capitalize).join('');
}

export type EntityOperation = 'create' | 'read' | 'list' | 'update' | 'delete';

/** Stable operation ids: listAppointments, getAppointment, createAppointment, updateAppointment, deleteAppointment. */
export function operationId(op: EntityOperation, entity: string): string {
  if (op === 'list') return `list${pluralPascal(entity)}`;
  const verb = op === 'read' ? 'get' : op;
  return `${verb}${pascalCase(entity)}`;
}

/** The event a flow emits when it hands off work: `<flow>.completed` when other modules react, else `<flow>.requested` (a job). */
export function eventName(flow: string, hasConsumers: boolean): string {
  return `${flow}.${hasConsumers ? 'completed' : 'requested'}`;
}

/** Byte length in UTF-8. */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a code point. */
function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (utf8Bytes(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/**
 * Keeps an identifier within `maxBytes`: a longer one is cut and suffixed with `_` and the first 8 hex digits
 * of the SHA-256 of the full name, so two long names sharing a prefix stay distinct and the result is stable.
 */
export function shortenIdentifier(name: string, maxBytes: number = MAX_IDENTIFIER_BYTES): string {
  if (utf8Bytes(name) <= maxBytes) return name;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
  const head = truncateBytes(name, Math.max(0, maxBytes - hash.length - 1)).replace(/_+$/, '');
  return `${head}_${hash}`;
}
