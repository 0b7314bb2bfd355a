// Escaping for the three places model text reaches SQL: identifiers, string literals and `--` comments.
import { MAX_IDENTIFIER_BYTES, shortenIdentifier } from '../../src/model/naming.js';

/** A name of at most this many UTF-16 units fits the byte limit whatever it holds (one unit is at most 3 UTF-8 bytes). */
const ALWAYS_FITS_UNITS = Math.floor(MAX_IDENTIFIER_BYTES / 3);

/**
 * A double-quoted identifier within PostgreSQL's 63-byte limit (a longer name gets the contract's stable hash suffix
 * instead of PostgreSQL's silent truncation, which could make two names collide). Every identifier is quoted, so
 * reserved words (`user`, `order`, `end`) and any legal name stay valid.
 */
export function quoteIdent(name: string): string {
  // Most names are short and quote-free: neither the byte count nor the replace is needed for them.
  const fitted = name.length <= ALWAYS_FITS_UNITS ? name : shortenIdentifier(name);
  return `"${fitted.includes('"') ? fitted.replace(/"/g, '""') : fitted}"`;
}

/** `"schema"."name"`. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** A standard string literal (the script sets standard_conforming_strings, so a backslash is an ordinary character). */
export function quoteLiteral(text: string): string {
  return `'${text.includes("'") ? text.replace(/'/g, "''") : text}'`;
}

/** One `--` comment line per line of text; line breaks inside free text cannot end the comment early. */
export function commentLines(text: string, indent = ''): string[] {
  // Most comments are one line: no split and no intermediate arrays for them.
  if (!text.includes('\n') && !text.includes('\r')) return [commentLine(text, indent)];
  return text.split(/\r\n|\r|\n/).map((line) => commentLine(line, indent));
}

/** One line of text as a comment, trailing white space dropped (trimEnd drops exactly what /\s+$/u matches). */
function commentLine(line: string, indent: string): string {
  const text = line.trimEnd();
  return text === '' ? `${indent}--` : `${indent}-- ${text}`;
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
