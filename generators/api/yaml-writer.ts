// A string-building YAML emitter for plain JSON-like data. It writes exactly the bytes of
// `yaml.stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, directives: false })` (yaml 2.9.1)
// without building yaml's Document of nodes first, which dominated time and memory on large OpenAPI files.
// The scalar rules below are a transcription of yaml's stringify/stringifyString.js with those options fixed:
// lineWidth 0 means no folding ever, so block scalars are always literal (`|`), never folded (`>`).
import { readsAsNonString } from '../../src/yaml/core-schema.js';

/** Indentation step of yaml's default `indent: 2`. */
const INDENT_STEP = '  ';

/** Keys whose written form is longer than this become explicit (`? key`), as YAML caps implicit keys at 1024. */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

/** Control characters and unpaired surrogates can only be written double-quoted. */
const NEEDS_DOUBLE_QUOTES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * Strings that cannot be plain: a leading indicator, a lone or space-followed `-`/`?`, `: ` or `:` at the end,
 * ` #`, or whitespace around a line break or at the end.
 */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** A line starting with `%`, `---` or `...` would read as a directive or document marker. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

/**
 * Text that is certainly plain: a letter, then letters, digits, `_./(),'-`, words joined by single spaces (no
 * indicator at the start, no `: ` or ` #`, no trailing space, no line break). Descriptions are mostly like this.
 * Of the texts that read as something else (`readsAsNonString`) only the words in CORE_WORDS start with a letter.
 */
const SIMPLE_PLAIN = /^[A-Za-z][A-Za-z0-9_.\/(),'-]*(?: [A-Za-z0-9_.\/(),'-]+)*$/;
const CORE_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** A block scalar cannot end in a whitespace-only line: such strings are quoted instead. */
const TRAILING_BLANK_LINE = /\n[\t ]+$/;

/** Single quotes cannot keep whitespace next to a line break (folding would eat it). */
const WHITESPACE_AT_LINE_BREAK = /[ \t]\n|\n[ \t]/;

/** Runs of line breaks inside the trailing whitespace of a block scalar that precede more content. */
const INNER_BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** Minimum JSON length before a double-quoted string with `\n` escapes is written over several lines. */
const DOUBLE_QUOTED_MIN_MULTILINE_LENGTH = 40;

/**
 * Where a scalar is written: as a mapping key (single line, no block scalars) or as a value; `documentStart` when
 * its text would be the first of the document.
 */
type ScalarPosition = { readonly indent: string; readonly implicitKey: boolean; readonly documentStart: boolean };

/** A parser drops a byte order mark that starts the document, so text starting with one cannot lead it plainly. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Writes `value` as a YAML document, byte-identical to yaml 2.9.1's
 * `stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, directives: false })` except for the few strings
 * that yaml writes in a form its own parser does not read back as the input (each marked "Deviation" below).
 * Accepts null, booleans, numbers, strings, arrays and plain objects (anything else throws a TypeError); like yaml
 * (and JSON), object entries whose value is `undefined` are left out and `undefined` array items are written as null.
 */
export function writeYaml(value: unknown): string {
  if (value === undefined) throw new TypeError('writeYaml: the document value is undefined');
  const out = new TextSink();
  writeNode(value, '', out);
  out.push('\n');
  return out.text();
}

/**
 * Collects the document's pieces in order and joins them a few thousand at a time. Concatenating them instead
 * (`a + b`) keeps a tree of every piece until the text is read whole: at 1,000 entities 25 MB for 6.4 MB of
 * text, copied by each young collection meanwhile.
 */
class TextSink {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];
  /** Written forms of position-free strings (isPositionFree) already decided: documents repeat `$ref`s and codes. */
  readonly keyTexts = new Map<string, string>();
  readonly valueTexts = new Map<string, string>();

  push(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length === TextSink.PIECES_PER_CHUNK) {
      this.chunks.push(this.pieces.join(''));
      this.pieces = [];
    }
  }

  text(): string {
    return this.chunks.join('') + this.pieces.join('');
  }

  private static readonly PIECES_PER_CHUNK = 4096;
}

/** Writes `value` at `indent` (the indentation its continuation lines get), without the first line's prefix. */
function writeNode(value: unknown, indent: string, out: TextSink): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push('[]');
    else writeSequence(value, indent, out);
  } else if (isPlainObject(value)) {
    if (!writeMapping(value, indent, '', out)) out.push('{}');
  } else {
    out.push(writeScalar(value, { indent, implicitKey: false, documentStart: indent === '' }, out)); // only the root has no indent
  }
}

function writeSequence(items: readonly unknown[], indent: string, out: TextSink): void {
  const itemIndent = indent + INDENT_STEP;
  const nextItem = '\n' + indent + '- ';
  for (let i = 0; i < items.length; i++) {
    out.push(i === 0 ? '- ' : nextItem);
    writeNode(items[i] ?? null, itemIndent, out);
  }
}

/**
 * The block mapping, led by `lead` (what goes before its first entry), or nothing at all when no entry is defined:
 * entries whose value is undefined are left out. Returns whether anything was written.
 */
function writeMapping(map: Record<string, unknown>, indent: string, lead: string, out: TextSink): boolean {
  const keyPosition: ScalarPosition = { indent: indent + INDENT_STEP, implicitKey: true, documentStart: false };
  const nextEntry = '\n' + indent;
  const pairIndent = { indent, valueIndent: indent + INDENT_STEP, blockLead: ':\n' + indent + INDENT_STEP };
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (first) {
      out.push(lead);
      const position = indent === '' ? { ...keyPosition, documentStart: true } : keyPosition;
      writePair(writeString(key, position, out), value, pairIndent, out);
      first = false;
    } else {
      out.push(nextEntry);
      writePair(writeString(key, keyPosition, out), value, pairIndent, out);
    }
  }
  return !first;
}

/** A mapping's indentation, its values' indentation and what leads a value written on the next line (computed once). */
interface PairIndent {
  indent: string;
  valueIndent: string;
  blockLead: string;
}

/** Non-empty collections start on the line after their key; empty ones and scalars follow it on the same line. */
function writePair(keyText: string, value: unknown, at: PairIndent, out: TextSink): void {
  const explicit = keyText.length > MAX_IMPLICIT_KEY_LENGTH;
  if (explicit) {
    out.push('? ');
    out.push(keyText);
    out.push('\n' + at.indent + ': ');
  } else {
    out.push(keyText);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(explicit ? '[]' : ': []');
    } else {
      if (!explicit) out.push(at.blockLead);
      writeSequence(value, at.valueIndent, out);
    }
  } else if (isPlainObject(value)) {
    // A block mapping never reads `{}`, so an empty one is written inline.
    if (!writeMapping(value, at.valueIndent, explicit ? '' : at.blockLead, out)) out.push(explicit ? '{}' : ': {}');
  } else {
    if (!explicit) out.push(': ');
    out.push(writeScalar(value, { indent: at.valueIndent, implicitKey: false, documentStart: false }, out)); // throws for other objects
  }
}

function writeScalar(value: unknown, position: ScalarPosition, out: TextSink): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return writeNumber(value);
  if (typeof value === 'string') return writeString(value, position, out);
  throw new TypeError(`writeYaml: cannot write a value of type ${typeof value}`);
}

/** yaml's stringifyNumber without format hints: JSON digits, `-0` kept, YAML's spellings for the non-finite. */
function writeNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/**
 * Single-line text below the document's first level is written the same at every indentation: only block scalars
 * (multi-line) use the indentation, and only the root and first-level keys have rules of their own.
 */
function isPositionFree(value: string, position: ScalarPosition): boolean {
  return !position.documentStart && position.indent.length > INDENT_STEP.length && !value.includes('\n');
}

function writeString(value: string, position: ScalarPosition, out: TextSink): string {
  if (SIMPLE_PLAIN.test(value) && !CORE_WORDS.has(value)) return value; // the common case, decided cheaply
  const known = isPositionFree(value, position) ? (position.implicitKey ? out.keyTexts : out.valueTexts) : null;
  const text = known?.get(value) ?? (NEEDS_DOUBLE_QUOTES.test(value) ? doubleQuoted(value, position) : plainOrFallback(value, position));
  known?.set(value, text);
  return text;
}

/** Plain when it reads back as the same string, else a block scalar (multi-line values) or a quoted form. */
function plainOrFallback(value: string, position: ScalarPosition): string {
  const { indent, implicitKey, documentStart } = position;
  const multiLine = value.includes('\n');
  if (implicitKey && multiLine) return quoted(value, position);
  if (NOT_PLAIN.test(value)) return implicitKey || !multiLine ? quoted(value, position) : blockLiteral(value, indent, false);
  if (!implicitKey && multiLine) return blockLiteral(value, indent, false);
  if (DOCUMENT_MARKER.test(value)) {
    if (indent === '') return blockLiteral(value, indent, true); // a root scalar: indent it so it is not a marker
    if (implicitKey && indent === INDENT_STEP) return quoted(value, position); // a root-level key
  }
  if (readsAsNonString(value)) return quoted(value, position); // it must be quoted to stay a string
  // Deviation from yaml 2.9.1, which writes this plain and so loses the mark when the output is read back.
  if (documentStart && value.startsWith(BYTE_ORDER_MARK)) return quoted(value, position);
  return value; // only single-line text gets here, so it is written as is
}

/** Single quotes when the text has `"` but no `'`; double quotes otherwise. */
function quoted(value: string, position: ScalarPosition): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value, position) : doubleQuoted(value, position);
}

function singleQuoted(value: string, position: ScalarPosition): string {
  const { indent, implicitKey } = position;
  if ((implicitKey && value.includes('\n')) || WHITESPACE_AT_LINE_BREAK.test(value)) return doubleQuoted(value, position);
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');
  // In a flow scalar one line break is folded to a space, so n breaks are written as n + 1.
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${lineIndent}`) + "'";
}

/** JSON's escapes, with YAML's short forms for some code points; long values with `\n` span several lines. */
function doubleQuoted(value: string, position: ScalarPosition): string {
  const { indent, implicitKey } = position;
  const json = JSON.stringify(value);
  if (!json.includes('\\')) return json; // only escapes (and spaces before them) are rewritten below
  const lineIndent = indent || (DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');
  let out = '';
  let start = 0;
  let escapedLeadingSpace = -1; // index in `json` of a line-leading space whose `\` is already written
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped so that it is not folded away. yaml 2.9.1 escapes it a second
      // time when it also leads a line (text with "\n \n"), writing `\\ ` (a backslash): not repeated here.
      out += json.slice(start, i) + (i === escapedLeadingSpace ? ' ' : '\\ ');
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const escape = json[i + 1];
    if (escape === 'u') {
      out += json.slice(start, i) + yamlEscape(json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else if (escape === 'n') {
      if (implicitKey || json[i + 2] === '"' || json.length < DOUBLE_QUOTED_MIN_MULTILINE_LENGTH) {
        i += 1;
      } else {
        // A real line break is folded to a space, so each `\n` is written as an empty line after the first break.
        out += json.slice(start, i) + '\n\n';
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          out += '\n';
          i += 2;
        }
        out += lineIndent;
        if (json[i + 2] === ' ') {
          out += '\\'; // a leading space on a continuation line would be folded away
          escapedLeadingSpace = i + 2;
        }
        i += 1;
        start = i + 1;
      }
    } else {
      i += 1;
    }
  }
  return start ? out + json.slice(start) : json;
}

/** YAML's named escapes for a JSON `\uXXXX` escape; `\xXX` for the rest of Latin-1; others kept. */
function yamlEscape(jsonEscape: string): string {
  const code = jsonEscape.slice(2);
  switch (code) {
    case '0000': return '\\0';
    case '0007': return '\\a';
    case '000b': return '\\v';
    case '001b': return '\\e';
    case '0085': return '\\N';
    case '00a0': return '\\_';
    case '2028': return '\\L';
    case '2029': return '\\P';
    default: return code.startsWith('00') ? '\\x' + code.slice(2) : jsonEscape;
  }
}

/**
 * A literal block scalar (`|`): the chomping indicator keeps the trailing line breaks exact, and an indentation
 * indicator is added when the text starts with a space. `forceIndent` indents a root scalar that would
 * otherwise start a line with a document marker.
 */
function blockLiteral(value: string, indent: string, forceIndent: boolean): string {
  const asQuoted = { indent, implicitKey: false, documentStart: false };
  if (TRAILING_BLANK_LINE.test(value) || isBlankWithSpaceLedLine(value)) return quoted(value, asQuoted);
  const lineIndent = indent || (forceIndent || DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');
  if (!value) return '|\n';
  let endStart = value.length;
  while (endStart > 0 && isBlockWhitespace(value[endStart - 1]!)) endStart--;
  let end = value.substring(endStart);
  const endLineBreak = end.indexOf('\n');
  const chomp = endLineBreak === -1 ? '-' : value === end || endLineBreak !== end.length - 1 ? '+' : '';
  let body = value;
  if (end) {
    body = body.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(INNER_BLOCK_END_NEWLINES, `$&${lineIndent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let lastLeadingBreak = -1;
  for (; startEnd < body.length; startEnd++) {
    const ch = body[startEnd];
    if (ch === ' ') startsWithSpace = true;
    else if (ch === '\n') lastLeadingBreak = startEnd;
    else break;
  }
  let start = body.substring(0, lastLeadingBreak < startEnd ? lastLeadingBreak + 1 : startEnd);
  if (start) {
    body = body.substring(start.length);
    start = start.replace(/\n+/g, `$&${lineIndent}`);
  }
  // Deviation from yaml 2.9.1: its `|1` header for a root scalar (indentation -1 + 1) is read back by yaml's
  // parser with the leading spaces dropped, so such a root scalar is quoted instead.
  if (startsWithSpace && !lineIndent) return quoted(value, asQuoted);
  const indentIndicator = startsWithSpace ? '2' : '';
  return `|${indentIndicator}${chomp}\n${lineIndent}${start}${body.replace(/\n+/g, `$&${lineIndent}`)}${end}`;
}

/**
 * Whitespace-only text whose first non-empty line starts with a space. Deviation from yaml 2.9.1, which writes it as
 * a block scalar whose leading lines read back empty (no content line fixes the indentation first), losing the
 * spaces: it is quoted instead.
 */
function isBlankWithSpaceLedLine(value: string): boolean {
  return /^[\t\n ]*$/.test(value) && /^\n* /.test(value);
}

function isBlockWhitespace(ch: string): boolean {
  return ch === '\n' || ch === '\t' || ch === ' ';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
