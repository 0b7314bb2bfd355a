// markdownText skips its rewriting passes for text without anything to rewrite; the result must be the same.
import fc from 'fast-check';
import { markdownText } from '../../generators/api/markdown-text.js';

/** The escaping rules written out independently: entities for & < > [ ], and no live `javascript:` scheme. */
function reference(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '&#91;', ']': '&#93;' };
  return text.replace(/[&<>[\]]/g, (c) => entities[c]!).replace(/javascript:/gi, (m) => `${m.slice(0, -1)}&#58;`);
}

test('examples', () => {
  expect(markdownText('Plain words, `code` and 50% off.')).toBe('Plain words, `code` and 50% off.');
  expect(markdownText('a <b> & [c](JavaScript:alert(1))')).toBe('a &lt;b&gt; &amp; &#91;c&#93;(JavaScript&#58;alert(1))');
});

test('equals the rules written out, for text made of the characters they involve', () => {
  const unit = fc.constantFrom('&', '<', '>', '[', ']', ':', 'j', 'a', 'v', 'A', 'S', 'c', 'r', 'i', 'p', 't', 'javascript', 'JAVASCRIPT', ' ', 'é', 'ſ');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
      expect(markdownText(text)).toBe(reference(text));
    }),
    { seed: 58, numRuns: 2000 },
  );
});
