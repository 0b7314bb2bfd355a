// OpenAPI descriptions are CommonMark: spec free text goes in as literal text, never as live HTML or links.

/** Any character or scheme that markdownText rewrites. */
const MAY_NEED_ESCAPES = /[&<>[\]]|javascript:/i;

/**
 * Escapes free text for a CommonMark description: `&`, `<`, `>` become entities (no raw HTML, so no
 * `<script>` or event handlers reach a renderer), `[`/`]` become entities (no link syntax, so no
 * `javascript:` links), and a `javascript:` scheme loses its colon. YAML quoting is the serializer's job.
 */
export function markdownText(text: string): string {
  if (!MAY_NEED_ESCAPES.test(text)) return text; // most text has none of these: skip the six passes
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/javascript:/gi, (match) => `${match.slice(0, -1)}&#58;`);
}
