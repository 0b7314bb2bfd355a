// Free text inside generated TypeScript: JSDoc bodies and string literal types.
import { wellFormed } from '../api/well-formed.js';

/** Anything jsDocText rewrites: a surrogate (wellFormed), a carriage return, or a comment end. */
const MAY_NEED_REWRITE = /[\uD800-\uDFFF\r]|\*\//;

/** JSDoc body: `*\/` would close the comment early, so its slash is escaped; line breaks are normalized. */
export function jsDocText(text: string): string {
  if (!MAY_NEED_REWRITE.test(text)) return text; // most notes: no surrogate, carriage return or `*/`
  return wellFormed(text).replace(/\r\n?/g, '\n').replace(/\*\//g, '*\\/');
}

/** A string literal in double quotes, exact to the code unit: JSON escaping (lone surrogates included) is valid TypeScript. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property or method name: bare when it is an identifier (reserved words are legal member names), else quoted. */
export function memberName(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}
