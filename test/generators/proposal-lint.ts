// Reusable checks for a generated proposal.md: heading structure, non-empty sections, cross-cutting coverage, filler
// phrases, unsupplied latency figures, and numbers that do not trace back to model.json.
import type { ArchitectureModel } from '../../src/model/types.js';
import type { Deliverable } from '../../src/spec/normalized.js';
import { formatBytes, formatNumber } from '../../generators/markdown/numbers.js';

/** The rulebook's Required Output Structure, written out by hand (not imported from the emitter). */
const PROPOSAL_STRUCTURE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Context', ['Problem summary', 'Key assumptions', 'Non-goals']],
  ['Recommended Architecture', ['Chosen pattern', 'Why this pattern fits', 'Rejected alternatives']],
  ['Service or Module Design', ['Responsibilities by component', 'Ownership boundaries', 'Interface summary']],
  ['Data Design', ['Primary stores', 'Core entities', 'Consistency model', 'Indexing and migrations']],
  ['API and Communication Design', ['External API style', 'Internal service communication', 'Async workflows and events']],
  ['Security Design', ['AuthN/AuthZ', 'Secrets and encryption', 'Abuse protection', 'Audit controls']],
  ['Reliability and Observability', ['Failure handling', 'SLO/SLA assumptions', 'Logging, metrics, tracing, alerting']],
  ['Performance and Scaling', ['Bottlenecks', 'Caching', 'Capacity and scaling plan']],
  ['Delivery Plan', ['Phase breakdown', 'Risks', 'Testing and rollout']],
];

const CROSS_CUTTING = 'Cross-cutting Concerns';
const CROSS_CUTTING_SUBS = ['Security', 'Monitoring', 'Migration'];

/** H1 and the `##` sections in order, per deliverable (system-yaml.md, "Outputs of archc build"). */
export const EXPECTED_STRUCTURE: Readonly<Record<Deliverable, { title: string; sections: readonly string[] }>> = {
  proposal: { title: 'Backend Architecture Proposal', sections: PROPOSAL_STRUCTURE.map(([s]) => s) },
  short: { title: 'Backend Architecture Proposal', sections: PROPOSAL_STRUCTURE.map(([s]) => s) },
  api: { title: 'API Design', sections: ['Endpoint Surface', 'Request and Response Contracts', 'Auth Model', 'Validation Rules', 'Error Model', 'Versioning Strategy', CROSS_CUTTING] },
  schema: { title: 'Database Schema', sections: ['Tables', 'Keys and Indexes', 'Constraints', 'Migration Notes', 'Access-Pattern Rationale', CROSS_CUTTING] },
  review: { title: 'Architecture Review', sections: ['Top Risks', 'Likely Bottlenecks', 'Security Gaps', 'Operability Gaps', 'Remediations', CROSS_CUTTING] },
  migration: { title: 'Migration Plan', sections: ['Current-State Assumptions', 'Target-State Architecture', 'Incremental Steps', 'Compatibility Strategy', 'Cutover and Rollback', CROSS_CUTTING] },
};

export const FILLER_PHRASES = [
  'ensure scalability', 'best practices', 'best practice', 'robust', 'seamless', 'leverage', 'state-of-the-art',
  'world-class', 'cutting-edge', 'scalable solution',
];

interface Line {
  text: string;
  number: number;
  /** Inside a fenced code block (diagrams): exempt from prose rules. */
  fenced: boolean;
}

function splitLines(markdown: string): Line[] {
  let fence: string | null = null;
  return markdown.split('\n').map((text, i) => {
    const marker = /^(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === null && marker !== undefined) {
      fence = marker;
      return { text, number: i + 1, fenced: true };
    }
    if (fence !== null) {
      if (marker !== undefined && marker.startsWith(fence) && text.trim() === marker) fence = null;
      return { text, number: i + 1, fenced: true };
    }
    return { text, number: i + 1, fenced: false };
  });
}

interface Heading {
  level: number;
  title: string;
  line: number;
  /** Non-blank lines between this heading and the next heading of any level. */
  contentLines: number;
}

function headings(lines: readonly Line[]): Heading[] {
  const out: Heading[] = [];
  for (const line of lines) {
    const match = line.fenced ? null : /^(#{1,6}) (.*)$/.exec(line.text);
    if (match !== null) out.push({ level: match[1]!.length, title: match[2]!.trim(), line: line.number, contentLines: 0 });
    else if (out.length > 0 && line.text.trim() !== '') out[out.length - 1]!.contentLines += 1;
  }
  return out;
}

function checkStructure(hs: readonly Heading[], deliverable: Deliverable): string[] {
  const problems: string[] = [];
  const expected = EXPECTED_STRUCTURE[deliverable];
  const h1 = hs.filter((h) => h.level === 1);
  if (h1.length !== 1 || h1[0]!.title !== expected.title) problems.push(`structure: expected one H1 "${expected.title}", got ${JSON.stringify(h1.map((h) => h.title))}`);
  if (hs[0]?.level !== 1) problems.push('structure: the document must start with its H1');
  const h2 = hs.filter((h) => h.level === 2).map((h) => h.title);
  if (JSON.stringify(h2) !== JSON.stringify(expected.sections)) problems.push(`structure: expected ## ${JSON.stringify(expected.sections)}, got ${JSON.stringify(h2)}`);
  if (hs.some((h) => h.level > 3)) problems.push('structure: headings deeper than ### are not part of the contract');
  const subsOf = (section: string): string[] => {
    const start = hs.findIndex((h) => h.level === 2 && h.title === section);
    if (start < 0) return [];
    const subs: string[] = [];
    for (const h of hs.slice(start + 1)) {
      if (h.level <= 2) break;
      if (h.level === 3) subs.push(h.title);
    }
    return subs;
  };
  const expectedSubs = deliverable === 'proposal' || deliverable === 'short'
    ? PROPOSAL_STRUCTURE
    : [[CROSS_CUTTING, CROSS_CUTTING_SUBS] as const];
  for (const [section, subs] of expectedSubs) {
    const got = subsOf(section);
    if (JSON.stringify(got) !== JSON.stringify(subs)) problems.push(`structure: under "${section}" expected ### ${JSON.stringify(subs)}, got ${JSON.stringify(got)}`);
  }
  return problems;
}

function checkNonEmpty(hs: readonly Heading[]): string[] {
  return hs.flatMap((h, i) => {
    const next = hs[i + 1];
    const hasChild = next !== undefined && next.level > h.level;
    return h.contentLines === 0 && !hasChild && h.level > 1 ? [`empty: "${h.title}" (line ${String(h.line)}) has no content`] : [];
  });
}

function checkCoverage(lines: readonly Line[]): string[] {
  const prose = lines.filter((l) => !l.fenced).map((l) => l.text.toLowerCase()).join('\n');
  const topics: Array<[string, RegExp]> = [
    ['security', /authenticat|authoriz|encrypt/],
    ['monitoring', /alert|metric|trace/],
    ['migration', /migrat|rollback|roll back/],
  ];
  return topics.filter(([, re]) => !re.test(prose)).map(([topic]) => `coverage: ${topic} is not covered`);
}

function specStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value.toLowerCase());
  else if (Array.isArray(value)) for (const v of value) specStrings(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) specStrings(v, out);
  return out;
}

function checkFiller(lines: readonly Line[], model: ArchitectureModel): string[] {
  // Filler the spec author wrote is quoted, not generated: only phrases absent from the spec's own text count.
  const authored = specStrings(model.spec);
  const banned = FILLER_PHRASES.filter((p) => !authored.some((s) => s.includes(p)));
  return lines.filter((l) => !l.fenced).flatMap((l) => banned
    .filter((p) => l.text.toLowerCase().includes(p))
    .map((p) => `filler: "${p}" on line ${String(l.number)}`));
}

const LATENCY_TERM = /\bp(?:50|90|95|99|999)\b|latenc|response time/i;
const TIME_FIGURE = /(?<![\w.])(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)\b/gi;

function withoutCodeSpans(text: string): string {
  return text.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}

/** Names the spec declares (flows, modules, integrations, entities, roles): prose may mention them unquoted. */
function specNames(model: ArchitectureModel): string[] {
  const { spec } = model;
  return [...spec.flows, ...spec.modules, ...spec.integrations, ...spec.entities].map((x) => x.name).concat(spec.auth.roles)
    .sort((a, b) => b.length - a.length);
}

function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of names) out = out.split(name).join(' ');
  return out;
}

/** Latency figures the spec supplied, in milliseconds. */
export function suppliedLatencies(model: ArchitectureModel): Set<number> {
  const out = new Set<number>();
  if (model.spec.targets.latency_p99_ms !== undefined) out.add(model.spec.targets.latency_p99_ms);
  for (const f of model.spec.flows) if (f.latency_p99_ms !== undefined) out.add(f.latency_p99_ms);
  return out;
}

function checkLatency(lines: readonly Line[], model: ArchitectureModel): string[] {
  const supplied = suppliedLatencies(model);
  const names = specNames(model);
  const problems: string[] = [];
  let tableHeaderMentionsLatency = false;
  for (const [i, line] of lines.entries()) {
    if (line.fenced) continue;
    const isRow = line.text.startsWith('|');
    const previousIsRow = i > 0 && lines[i - 1]!.text.startsWith('|');
    // Names sit in code spans: a flow called `latency-probe` does not make its timeout a latency figure.
    const prose = withoutNames(withoutCodeSpans(line.text), names);
    if (isRow && !previousIsRow) tableHeaderMentionsLatency = LATENCY_TERM.test(prose);
    if (!isRow) tableHeaderMentionsLatency = false;
    const aboutLatency = LATENCY_TERM.test(prose) || (isRow && tableHeaderMentionsLatency);
    if (!aboutLatency || /target assumption/i.test(line.text)) continue;
    for (const m of line.text.matchAll(TIME_FIGURE)) {
      const value = Number(m[1]);
      const ms = m[2]!.toLowerCase().startsWith('m') ? value : value * 1000;
      if (!supplied.has(ms)) problems.push(`latency: "${m[0]}" on line ${String(line.number)} was not supplied by the spec`);
    }
  }
  return problems;
}

/** Every problem found; an empty list means the document passes. */
export function lintProposal(markdown: string, model: ArchitectureModel): string[] {
  const lines = splitLines(markdown);
  const hs = headings(lines);
  return [
    ...checkStructure(hs, model.spec.system.deliverable),
    ...checkNonEmpty(hs),
    ...checkCoverage(lines),
    ...checkFiller(lines, model),
    ...checkLatency(lines, model),
  ];
}

/** A number in running text: not part of an identifier such as `p99`, `v1` or `o_auth2_token`. */
const NUMBER = /(?<![\w.])\d+(?:\.\d+)?/g;

function collectNumberTokens(value: unknown, out: Set<string>): void {
  if (typeof value === 'number') {
    out.add(String(value));
    for (const t of [...(formatBytes(value).match(NUMBER) ?? []), ...(formatNumber(value).match(NUMBER) ?? [])]) out.add(t);
  } else if (typeof value === 'string') {
    for (const t of value.match(NUMBER) ?? []) out.add(t);
  } else if (Array.isArray(value)) {
    for (const v of value) collectNumberTokens(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) collectNumberTokens(v, out);
  }
}

/** Numbers model.json (which embeds the normalized spec) can account for, plus the emitter's two derived renderings
 * of each: rounded to two decimals and as a byte size. */
export function traceableNumbers(model: ArchitectureModel): Set<string> {
  const out = new Set<string>();
  collectNumberTokens(JSON.parse(JSON.stringify(model)) as unknown, out);
  return out;
}

/**
 * Numbers printed in the prose that model.json cannot account for. Mermaid blocks are skipped: they are the mermaid
 * emitter's output and tested there.
 */
export function untracedNumbers(markdown: string, model: ArchitectureModel): string[] {
  const known = traceableNumbers(model);
  return splitLines(markdown).filter((l) => !l.fenced).flatMap((l) =>
    (l.text.match(NUMBER) ?? []).filter((n) => !known.has(n)).map((n) => `${n} (line ${String(l.number)}: ${l.text.slice(0, 80)})`));
}
