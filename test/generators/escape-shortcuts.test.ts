// The escaping functions answer the common case (nothing to escape) before doing any work; the shortcut must give
// exactly what the full escaping gives, for any text.
import fc from 'fast-check';
import { code, escapeInline, fencedCode, inline } from '../../generators/markdown/escape.js';
import { escapeEveryCharacter, escapeText } from '../../generators/mermaid/escape.js';

// Plain words plus every character some rule looks at: Markdown and HTML syntax, Mermaid entity characters,
// line breaks and separators of every kind, unusual spaces and digits at the start.
const interesting = fc.constantFrom(
  'a', 'Z', 'é', '1', '9', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u00a0', '\v', '\f',
  '\\', '`', '*', '_', '[', ']', '|', '~', '&', '<', '>', '#', '+', '=', '-', '.', ')', ':', ';', '"', '%', '{', '}',
  '\uFB02', '\u00B6', '\u0000', '\u007f', '\u009f', 'word', 'two words',
);
const texts = fc.oneof(fc.array(interesting, { maxLength: 8 }).map((parts) => parts.join('')), fc.string({ unit: 'grapheme', maxLength: 12 }));

test.each<[string, (t: string) => string, (t: string) => string]>([
  ['markdown inline', inline, escapeInline],
  ['markdown code span', code, fencedCode],
  ['mermaid label text', escapeText, escapeEveryCharacter],
])('%s: the shortcut agrees with the full escaping (property-based)', (_name, withShortcut, full) => {
  fc.assert(fc.property(texts, (text) => {
    expect(withShortcut(text)).toBe(full(text));
  }), { seed: 5, numRuns: 3000 });
});

test.each<[string, string, string]>([
  ['a plain sentence stays as written', inline('Owns the billing records'), 'Owns the billing records'],
  ['a leading list marker is still escaped', inline('- not a list'), '\\- not a list'],
  ['a plain name becomes a one-backtick code span', code('orders.created_at'), '`orders.created_at`'],
  ['a pipe is still escaped in a code span', code('a|b'), '`a\\|b`'],
  ['a plain Mermaid label stays as written', escapeText('Order service'), 'Order service'],
  ['a Mermaid semicolon still becomes an entity code', escapeText('a;b'), 'a#59;b'],
])('%s', (_name, actual, expected) => {
  expect(actual).toBe(expected);
});
