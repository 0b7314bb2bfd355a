// Text that every output syntax can hold.

/** Lone UTF-16 surrogates are not Unicode scalar values, so no GraphQL or proto source may hold them:
 * each becomes U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
