// Block-level Markdown builders: tables, bullet lists, fenced code. Cells and items are already-escaped inline Markdown.

/** A GFM table; an empty row list renders nothing (callers state the absence in prose instead). */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  if (rows.length === 0) return '';
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map((row) => line(headers.map((_, i) => row[i] ?? '')))].join('\n');
}

/** A bullet list; empty items are dropped. */
export function bullets(items: readonly string[]): string {
  return items.filter((item) => item !== '').map((item) => `- ${item}`).join('\n');
}

/** A fenced block whose fence is longer than any backtick run in the source, so the source cannot close it early. */
export function fenced(language: string, source: string): string {
  const longestRun = Math.max(0, ...(source.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const body = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}${language}\n${body}\n${fence}`;
}
