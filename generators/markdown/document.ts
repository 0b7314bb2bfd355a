// A Markdown document as a tree of sections: one H1, `##` sections, `###` sub-sections, blocks separated by blank lines.
import { headingText } from './escape.js';

export interface MarkdownSection {
  /** Plain heading text; escaped when rendered. */
  title: string;
  /** Already-rendered Markdown blocks; empty strings are dropped. */
  blocks: string[];
  subsections?: MarkdownSection[];
}

function renderSection(section: MarkdownSection, level: number): string[] {
  const out = [`${'#'.repeat(level)} ${headingText(section.title)}`, ...section.blocks.filter((b) => b.trim() !== '')];
  for (const sub of section.subsections ?? []) out.push(...renderSection(sub, level + 1));
  return out;
}

/** Renders the document with exactly one trailing newline; the same tree always yields the same bytes. */
export function renderDocument(title: string, intro: readonly string[], sections: readonly MarkdownSection[]): string {
  const parts = [`# ${headingText(title)}`, ...intro.filter((b) => b.trim() !== '')];
  for (const section of sections) parts.push(...renderSection(section, 2));
  return `${parts.join('\n\n')}\n`;
}
