// ## Context: the restated problem (goal, flows, traffic, targets, data, integrations), labelled assumptions, non-goals.
import type { ArchitectureModel } from '../../../src/model/types.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList, moreRowsNote, rowsFor, type ProposalContext } from '../context.js';
import { formatNumber } from '../../markdown/numbers.js';

function stated(value: number | undefined, unit: string, path: string): string {
  return value === undefined ? `not stated (${code(path)}, see Key assumptions)` : `${formatNumber(value)}${unit}`;
}

/** The rulebook's framing inputs, each from the spec as written (absent ones point at the assumption table). */
export function framingBullets(model: ArchitectureModel): string[] {
  const { traffic, targets, data, tenancy, team } = model.spec;
  const latency = targets.latency_p99_ms === undefined
    ? 'no latency target supplied, so none is promised'
    : `p99 latency target ${formatNumber(targets.latency_p99_ms)} ms (from the spec)`;
  return [
    `Traffic: ${stated(traffic.users, ' monthly active users', 'traffic.users')}; peak ${stated(traffic.peak_rps, ' requests/s', 'traffic.peak_rps')}; read ratio ${stated(traffic.read_ratio, '', 'traffic.read_ratio')}; growth ×${stated(traffic.growth_per_year, ' per year', 'traffic.growth_per_year')} over a horizon of ${stated(traffic.horizon_years, ' years', 'traffic.horizon_years')}${traffic.spiky ? '; bursty' : ''}.`,
    `Targets: availability ${stated(targets.availability, '% per month', 'targets.availability')}; RPO ${stated(targets.rpo_minutes, ' min', 'targets.rpo_minutes')}; RTO ${stated(targets.rto_minutes, ' min', 'targets.rto_minutes')}.`,
    `Latency: ${latency}.`,
    `Data: compliance ${codeList(data.compliance)}; residency ${codeList(data.residency, 'unconstrained')}; tenancy ${code(tenancy.model)}${tenancy.tenants === undefined ? '' : ` with ${formatNumber(tenancy.tenants)} tenants`}.`,
    `Team: engineers ${stated(team.engineers, '', 'team.engineers')}, teams ${stated(team.teams, '', 'team.teams')}.`,
  ];
}

function flowBullets(ctx: ProposalContext): string[] {
  return rowsFor(ctx.short, ctx.model.spec.flows, 6).map((f) =>
    `${code(f.name)} (${f.kind}${f.actor === undefined ? '' : `, by ${code(f.actor)}`}): touches ${codeList(f.touches)}${f.writes.length > 0 ? `, writes ${codeList(f.writes)}` : ''}${f.calls.length > 0 ? `, calls ${codeList(f.calls)}` : ''}.`);
}

function problemSummary(ctx: ProposalContext): string[] {
  const { spec, challenges } = ctx.model;
  const blocks = [`${code(spec.system.name)}: ${inline(spec.system.summary)}`];
  if (spec.system.goals.length > 0) blocks.push(`Goals:\n\n${bullets(spec.system.goals.map(inline))}`);
  blocks.push(`Inputs as stated:\n\n${bullets(framingBullets(ctx.model))}`);
  if (spec.flows.length > 0) blocks.push(`Core flows:\n\n${bullets(flowBullets(ctx))}`, moreRowsNote(ctx.short, spec.flows.length, 6));
  if (spec.integrations.length > 0) {
    blocks.push(`Integrations: ${spec.integrations.map((i) => `${code(i.name)} (${i.kind}, ${i.critical ? 'critical' : 'non-critical'})`).join(', ')}.`);
  }
  if (challenges.length > 0) {
    blocks.push(`Weak constraints challenged:\n\n${bullets(challenges.map((c) => `${code(c.path)}: ${inline(c.message)}`))}`);
  }
  return blocks;
}

/** The assumptions table: input, assumed value, basis, what changes if it is wrong. */
export function assumptionBlocks(model: ArchitectureModel): string[] {
  if (model.assumptions.length === 0) return ['No assumed input: the spec states every input the decisions read.'];
  const rows = model.assumptions.map((a) => [
    code(a.id), a.value === null ? 'unset' : code(String(a.value)), inline(a.basis), inline(a.ifWrong),
  ]);
  return ['Bounded assumptions for inputs the spec leaves out:', table(['Input', 'Assumed', 'Basis', 'If wrong'], rows)];
}

function nonGoals(model: ArchitectureModel): string[] {
  const stated = model.spec.system.non_goals;
  if (stated.length === 0) return ['The spec lists no non-goals; scope is the flows and entities above, nothing more.'];
  return [bullets(stated.map(inline))];
}

export function contextSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Context',
    blocks: [],
    subsections: [
      { title: 'Problem summary', blocks: problemSummary(ctx) },
      { title: 'Key assumptions', blocks: assumptionBlocks(ctx.model) },
      { title: 'Non-goals', blocks: nonGoals(ctx.model) },
    ],
  };
}
