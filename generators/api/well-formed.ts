// Text that every output syntax can hold.

const SURROGATE = /[\uD800-\uDFFF]/;

/** Lone UTF-16 surrogates are not Unicode scalar values, so no GraphQL or proto source may hold them:
 * each becomes U+FFFD. */
export function wellFormed(text: string): string {
  if (!SURROGATE.test(text)) return text; // no surrogate at all: nothing to check pairwise
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
