// Escaping for Mermaid text. Mermaid decodes `#name;` / `#123;` entity codes in every diagram type, so every
// character that is syntax somewhere (quotes, `;` statement ends, `%%` comments, `|` edge labels, braces,
// HTML) becomes an entity code. The rendered text is the original text; the source contains no character
// that can end a label early.

const ENTITY_CODES: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  ';': '#59;',
  '%': '#37;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  '\\': '#92;',
  // Mermaid's internal placeholders for entity codes are built from these; keeping them out of the source
  // means user text can never decode into something else.
  '\uFB02': '#64258;',
  '\u00B6': '#182;',
};

// Line breaks and other control or separator characters would end a statement; they render as a space.
const BREAKING_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Mermaid's pre-processing strips the last `;` of any line matching /style.*:\S*#.*;/ (and classDef), which
 * would break an entity code. That needs a `:` directly followed by non-space text, so only such a colon is
 * escaped; `a: b` stays readable.
 */
function escapeColon(next: string | undefined): string {
  return next === undefined || /\s/.test(next) ? ':' : '#58;';
}

// Mermaid rejects an empty label, alias or title; an empty text renders as one space.
const EMPTY_TEXT = '#32;';

/** Whether a text has nothing to escape: no syntax character, no colon and no line-breaking character. */
const NEEDS_NO_ESCAPE = new RegExp(`^[^:${Object.keys(ENTITY_CODES).map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]+$`);

/** Free text as Mermaid label text: single line, every syntax character as an entity code, never empty. */
export function escapeText(text: string): string {
  return NEEDS_NO_ESCAPE.test(text) ? text : escapeEveryCharacter(text); // most names and labels: nothing to escape
}

/** `escapeText` without its shortcut (exported so that a test can hold the shortcut to it). */
export function escapeEveryCharacter(text: string): string {
  if (text === '') return EMPTY_TEXT;
  const chars = [...text.replace(BREAKING_CHARACTERS, ' ')];
  return chars.map((char, i) => (char === ':' ? escapeColon(chars[i + 1]) : ENTITY_CODES[char] ?? char)).join('');
}

/** A quoted label: `"…"` with escaped text. */
export function quoted(text: string): string {
  return `"${escapeText(text)}"`;
}

/** Escaped lines joined by Mermaid's line break (flowchart, sequence and ER labels render `<br/>`). */
export function multiline(lines: readonly string[]): string {
  return lines.map(escapeText).join('<br/>');
}

/** A quoted multi-line label. */
export function quotedLines(lines: readonly string[]): string {
  return `"${multiline(lines)}"`;
}
