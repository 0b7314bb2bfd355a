// wellFormed and jsDocText return text unchanged when it holds nothing they rewrite; the shortcut must never differ
// from the full rewriting.
import fc from 'fast-check';
import { wellFormed } from '../../generators/api/well-formed.js';
import { jsDocText } from '../../generators/types/ts-text.js';

/** Every lone surrogate code unit becomes U+FFFD, written out as a scan over code units. */
function wellFormedReference(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    const next = text.charCodeAt(i + 1);
    if (high && next >= 0xdc00 && next <= 0xdfff) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else {
      out += high || low ? '\uFFFD' : text[i]!;
    }
  }
  return out;
}

const jsDocReference = (text: string): string => wellFormedReference(text).replace(/\r\n?/g, '\n').split('*/').join('*\\/');

const unit = fc.constantFrom('a', ' ', '*', '/', '\r', '\n', '\ud83d', '\ude00', '\ud800', '\udfff', 'é', '😀');
const text = fc.oneof(fc.string({ unit, maxLength: 16 }), fc.string({ unit: 'binary', maxLength: 16 }));

test('examples', () => {
  expect(wellFormed('ok 😀')).toBe('ok 😀');
  expect(wellFormed('lone \ud800 and \udc00')).toBe('lone \uFFFD and \uFFFD');
  expect(jsDocText('a */ b\r\nc')).toBe('a *\\/ b\nc');
  expect(jsDocText('Plain note.')).toBe('Plain note.');
});

test('wellFormed equals a scan over code units', () => {
  fc.assert(fc.property(text, (t) => { expect(wellFormed(t)).toBe(wellFormedReference(t)); }), { seed: 7, numRuns: 3000 });
});

test('jsDocText equals its three rewrites applied in turn', () => {
  fc.assert(fc.property(text, (t) => { expect(jsDocText(t)).toBe(jsDocReference(t)); }), { seed: 11, numRuns: 3000 });
});
