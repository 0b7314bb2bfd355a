// Escapes free text and names for Markdown (CommonMark + GFM tables), so any legal input renders as literal text.

/** Line breaks of every flavour: free text is rendered on one line (a newline would end a table row or start a block). */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\t\v\f]/g;

/** Inline punctuation that CommonMark/GFM gives meaning to: emphasis, code, links, tables, strikethrough, escapes. */
const INLINE_SPECIAL = /[\\`*_[\]|~]/g;

/** Characters that HTML or entity parsing would interpret; entities keep the raw text free of tags. */
const HTML_SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Markers that open a block (heading, list, setext underline, ordered list) when they start a line. */
const BLOCK_START = /^([#+=-]|\d+[.)](?=\s|$))/;

/**
 * Text that every rule below leaves unchanged: words of characters with no Markdown or HTML meaning, joined by single
 * spaces, not starting with a block marker or a digit. Checked first so that the common case allocates nothing.
 */
const PLAIN_INLINE = /^(?![#+=\-\d])[^\s\\`*_[\]|~&<>\u0085]+(?: [^\s\\`*_[\]|~&<>\u0085]+)*$/;

/** A code span's text that needs no fence longer than one backtick, no padding and no escaped `|`. */
const PLAIN_CODE = /^[^\s`|\u0085]+(?: [^\s`|\u0085]+)*$/;

function flattenLines(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Free text as inline Markdown: one line, every special character literal, safe in a paragraph,
 * a list item or a table cell.
 */
export function inline(text: string): string {
  return PLAIN_INLINE.test(text) ? text : escapeInline(text); // most names and sentences: nothing to escape
}

/** `inline` without its shortcut (exported so that a test can hold the shortcut to it). */
export function escapeInline(text: string): string {
  const escaped = flattenLines(text)
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .replace(/[&<>]/g, (ch) => HTML_SPECIAL[ch] ?? ch);
  return escaped.replace(BLOCK_START, (marker) =>
    /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`);
}

/** Text for a heading: inline text whose `#` can neither open nor close the heading. */
export function headingText(text: string): string {
  return inline(text).replace(/(?<!\\)#/g, '\\#');
}

/**
 * A name or identifier as a code span. The fence is one backtick longer than the longest run inside, and `|` is
 * escaped because GFM splits table cells on it even inside code spans.
 */
export function code(text: string): string {
  return PLAIN_CODE.test(text) ? `\`${text}\`` : fencedCode(text);
}

/** `code` without its shortcut (exported so that a test can hold the shortcut to it). */
export function fencedCode(text: string): string {
  const flat = flattenLines(text).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat === '' ? ' ' : flat}${pad}${fence}`;
}

/** A relative link whose target is built from a checked id (`[a-z0-9.-]`), so only the label needs escaping. */
export function link(label: string, target: string): string {
  return `[${inline(label)}](${encodeURI(target)})`;
}
