// A design diff as Markdown, ready to paste as a pull-request comment.
import type { DesignDiff } from './design-diff.js';
import { isEmptyDiff } from './design-diff.js';

/** Table cells and list items: keep the text on one line and out of Markdown syntax. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/`/g, '\\`');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`**${title}**`, '', ...items.map((i) => `- ${i}`), ''];
}

export function renderDiffMarkdown(diff: DesignDiff, oldLabel: string, newLabel: string): string {
  const out: string[] = [`## archc design diff: ${cell(oldLabel)} → ${cell(newLabel)}`, ''];
  if (isEmptyDiff(diff)) {
    out.push('No design change: every decision, module, table, column, index and endpoint is the same.', '');
    return out.join('\n');
  }
  if (diff.decisionsFlipped.length > 0) {
    out.push('### Decisions that flipped', '');
    for (const flip of diff.decisionsFlipped) {
      out.push(`#### ${code(flip.id)}: ${code(flip.from)} → ${code(flip.to)}`, '');
      if (flip.movedInputs.length > 0) {
        out.push('| input | before | after |', '|---|---|---|');
        for (const moved of flip.movedInputs) out.push(`| ${code(moved.path)} | ${cell(JSON.stringify(moved.from))} | ${cell(JSON.stringify(moved.to))} |`);
        out.push('');
      }
      out.push(`- Before: ${cell(flip.oldRationale)}`, `- After: ${cell(flip.newRationale)}`, '');
    }
  }
  const decisionLines = [
    ...diff.decisionsAdded.map((d) => `added ${code(d.id)}: ${code(d.choice)}`),
    ...diff.decisionsRemoved.map((d) => `removed ${code(d.id)} (was ${code(d.choice)})`),
  ];
  const assumptionLines = [
    ...diff.assumptionsAdded.map((a) => `added ${code(a.id)} = ${cell(JSON.stringify(a.value))}`),
    ...diff.assumptionsRemoved.map((a) => `removed ${code(a.id)} (was ${cell(JSON.stringify(a.value))})`),
  ];
  const moduleLines = [
    ...diff.modulesAdded.map((m) => `added ${code(m)}`),
    ...diff.modulesRemoved.map((m) => `removed ${code(m)}`),
    ...diff.modulesChanged.map((m) => `${code(m.module)}: ${m.changes.map(cell).join('; ')}`),
  ];
  out.push(...list('Decisions added or removed', decisionLines), ...list('Assumptions', assumptionLines), ...list('Modules', moduleLines));
  const tableLines = [...diff.tablesAdded.map((t) => `added ${code(t)}`), ...diff.tablesRemoved.map((t) => `removed ${code(t)}`)];
  for (const table of diff.tablesChanged) {
    const parts = [
      ...table.columnsAdded.map((c) => `+ column ${code(c)}`),
      ...table.columnsRemoved.map((c) => `− column ${code(c)}`),
      ...table.columnsChanged.map((c) => `~ column ${code(c.column)} (${c.changes.map(cell).join('; ')})`),
      ...table.indexesAdded.map((i) => `+ index ${code(i)}`),
      ...table.indexesRemoved.map((i) => `− index ${code(i)}`),
    ];
    tableLines.push(`${code(table.table)}: ${parts.join(', ')}`);
  }
  out.push(...list('Tables, columns and indexes', tableLines));
  out.push(...list('Endpoints', [...diff.endpointsAdded.map((e) => `added ${code(e)}`), ...diff.endpointsRemoved.map((e) => `removed ${code(e)}`)]));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
