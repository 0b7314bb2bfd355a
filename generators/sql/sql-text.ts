// Escaping for the three places model text reaches SQL: identifiers, string literals and `--` comments.
import { shortenIdentifier } from '../../src/model/naming.js';

/**
 * A double-quoted identifier within PostgreSQL's 63-byte limit (a longer name gets the contract's stable hash suffix
 * instead of PostgreSQL's silent truncation, which could make two names collide). Every identifier is quoted, so
 * reserved words (`user`, `order`, `end`) and any legal name stay valid.
 */
export function quoteIdent(name: string): string {
  return `"${shortenIdentifier(name).replace(/"/g, '""')}"`;
}

/** `"schema"."name"`. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A standard string literal (the script sets standard_conforming_strings, so a backslash is an ordinary character). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** One `--` comment line per line of text; line breaks inside free text cannot end the comment early. */
export function commentLines(text: string, indent = ''): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+$/u, ''))
    .map((line) => (line === '' ? `${indent}--` : `${indent}-- ${line}`));
}

/** Free text flattened to one line, for a trailing `--` comment. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\s+$/u, '');
}

/** A dollar-quote tag that does not occur inside `body`, so the body can hold any text. */
export function dollarQuote(body: string): string {
  let tag = '$archc$';
  for (let n = 1; body.includes(tag); n += 1) tag = `$archc${n}$`;
  return `${tag}${body}${tag}`;
}

/** Free text as a sentence: trimmed, with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
