// proposal.md: structure per deliverable, traceable numbers, no filler or invented latency, escaping, diagrams, determinism.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import type { ArchitectureModel } from '../../src/model/types.js';
import type { Deliverable } from '../../src/spec/normalized.js';
import type { SystemSpec } from '../../src/spec/types.js';
import { loadSpec } from '../../src/load/load-spec.js';
import { normalizeSpec } from '../../src/spec/normalize.js';
import { runPasses } from '../../src/passes/index.js';
import { proposalGenerator } from '../../generators/proposal/index.js';
import { renderProposal } from '../../generators/proposal/render.js';
import { formatBytes, formatNumber } from '../../generators/markdown/numbers.js';
import { inline, code } from '../../generators/markdown/escape.js';
import { clinicModel } from '../fixtures/models/proposal-clinic.js';
import { HOSTILE_NAME, hostileModel } from '../fixtures/models/proposal-hostile.js';
import { minimalModel } from '../fixtures/models/proposal-minimal.js';
import { EXPECTED_STRUCTURE, lintProposal, untracedNumbers } from './proposal-lint.js';

const VARIANTS: Deliverable[] = ['proposal', 'short', 'api', 'schema', 'review', 'migration'];
const NO_DIAGRAMS = new Map<string, string>();

function withDeliverable(model: ArchitectureModel, deliverable: Deliverable): ArchitectureModel {
  const copy = structuredClone(model);
  copy.spec.system.deliverable = deliverable;
  return copy;
}

async function proposalOf(model: ArchitectureModel): Promise<string> {
  const files = await proposalGenerator.generate(model);
  expect(files.map((f) => f.path)).toEqual(['proposal.md']);
  return files[0]!.content;
}

/** The text between a heading line and the next heading of the same or a higher level. */
function sectionText(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const fixtures: Array<[string, () => ArchitectureModel]> = [
  ['clinic fixture', clinicModel],
  ['hostile fixture', hostileModel],
  ['minimal model', minimalModel],
];

describe.each(fixtures)('%s', (_label, make) => {
  test.each(VARIANTS)('%s: passes the linter and every number traces to model.json', async (deliverable) => {
    const model = withDeliverable(make(), deliverable);
    const markdown = await proposalOf(model);
    expect(lintProposal(markdown, model)).toEqual([]);
    expect(untracedNumbers(markdown, model)).toEqual([]);
  });

  test('is deterministic: the same model, and a deep copy of it, give the same bytes', async () => {
    const model = make();
    const first = await proposalOf(model);
    expect(await proposalOf(model)).toBe(first);
    expect(await proposalOf(JSON.parse(JSON.stringify(model)) as ArchitectureModel)).toBe(first);
  });
});

describe('the linter can fail', () => {
  const model = clinicModel();
  const good = renderProposal(model, NO_DIAGRAMS);

  test('the clinic proposal is clean to start with', () => {
    expect(lintProposal(good, model)).toEqual([]);
  });

  test('a missing section, an empty sub-section and a wrong H1 are reported', () => {
    const withoutSecurity = good.replace(/## Security Design[\s\S]*?(?=## Reliability and Observability)/, '');
    expect(lintProposal(withoutSecurity, model).some((p) => p.startsWith('structure:'))).toBe(true);
    const emptied = good.replace(/(### Risks\n)[\s\S]*?(?=### Testing and rollout)/, '$1\n');
    expect(lintProposal(emptied, model)).toContain('empty: "Risks" (line ' + String(emptied.split('\n').indexOf('### Risks') + 1) + ') has no content');
    expect(lintProposal(good.replace('# Backend Architecture Proposal', '# Proposal'), model).some((p) => p.includes('expected one H1'))).toBe(true);
  });

  test('filler phrases are reported unless the spec author wrote them', () => {
    const filler = `${good}\nWe leverage best practices for a robust, seamless system.\n`;
    const problems = lintProposal(filler, model).filter((p) => p.startsWith('filler:'));
    expect(problems.map((p) => /"(.*)"/.exec(p)![1]).sort()).toEqual(['best practice', 'best practices', 'leverage', 'robust', 'seamless']);
    const authored = structuredClone(model);
    authored.spec.system.goals.push('A robust booking flow');
    expect(lintProposal(filler, authored).filter((p) => p.includes('"robust"'))).toEqual([]);
  });

  test('latency figures need the spec or a "target assumption" label; timeouts are not latency', () => {
    const add = (line: string): string[] => lintProposal(`${good}\n${line}\n`, model).filter((p) => p.startsWith('latency:'));
    expect(add('The p95 latency is 250 ms.')).toHaveLength(1);
    expect(add('Response time stays under 2 s.')).toHaveLength(1);
    expect(add('p99 latency target 1200 ms (from the spec).')).toEqual([]);
    expect(add('p99 latency 1.2 s (from the spec).')).toEqual([]);
    expect(add('Target assumption: p95 latency 250 ms.')).toEqual([]);
    expect(add('Timeout 2000 ms, backoff 200 ms.')).toEqual([]);
    expect(add('| Flow | p99 latency |\n| --- | --- |\n| `x` | 77 ms |')).toHaveLength(1);
    expect(add('| Call | Timeout |\n| --- | --- |\n| `edge` → `flow:latency-probe` | 2500 ms |')).toEqual([]);
  });

  test('an untraced number is reported; heading-free identifiers such as p99 and v1 are not numbers', () => {
    expect(untracedNumbers(`${good}\nThis costs 777 per month.\n`, model)).toEqual([expect.stringMatching(/^777 /)]);
    expect(untracedNumbers(`${good}\nMeasure p99 on /v1 and o_auth2.\n`, model)).toEqual([]);
  });
});

describe('content', () => {
  test('proposal sections carry the reasons, tipping points, assumptions and SLO budget from the model', () => {
    const markdown = renderProposal(clinicModel(), NO_DIAGRAMS);
    const why = sectionText(markdown, '### Why this pattern fits');
    expect(why).toContain('one deployable keeps booking and slot updates in one transaction');
    expect(why).toContain('Flips to `microservices` when `team.teams` reaches 3 (now 1).');
    expect(why).toContain('Cost: One runtime and one database');
    expect(sectionText(markdown, '### Rejected alternatives')).toContain('| `cache` | `redis` | Adds invalidation for a read rate PostgreSQL handles. Flips to `redis` when `traffic.peak_rps` reaches 2000 (now 120). |');
    expect(sectionText(markdown, '### Key assumptions')).toContain('| `traffic.read_ratio` | `0.8` | Booking systems are read-mostly. | Write-heavy traffic moves the cache tipping point. |');
    expect(sectionText(markdown, '### SLO/SLA assumptions')).toContain('error budget of 43.2 minutes per month');
    // Year 3: fractions rounded to two decimals (210.912 → 210.91, 52.728 → 52.73), 3800000000 bytes in decimal units.
    expect(sectionText(markdown, '### Capacity and scaling plan')).toContain('| 3 | 263.64 | 210.91 | 52.73 | 3.8 GB |');
    const events = sectionText(markdown, '### Async workflows and events');
    expect(events).toContain('| `appointment-booked` | `booking` | `notifications` | queue, at-least-once | `appointment_id` | none needed | 5 attempts, backoff 500 ms ×2 up to 30000 ms | `appointment-booked.dlq` |');
    expect(events).toContain('`book-appointment`: p99 latency target 1200 ms (from the spec).');
    // The spec gave no global latency target, so none is printed as a figure.
    expect(sectionText(markdown, '### SLO/SLA assumptions')).not.toMatch(/\d+ ms/);
  });

  test('risks are listed highest severity first although the model lists low first', () => {
    const review = renderProposal(withDeliverable(clinicModel(), 'review'), NO_DIAGRAMS);
    const risks = sectionText(review, '## Top Risks');
    const order = ['| high |', '| medium |', '| low |'].map((s) => risks.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('short keeps the order but compresses: fewer columns, one-line reasons, no per-flow latency detail', () => {
    const model = clinicModel();
    const full = renderProposal(model, NO_DIAGRAMS);
    const short = renderProposal(withDeliverable(model, 'short'), NO_DIAGRAMS);
    expect(short.length).toBeLessThan(full.length * 0.8);
    // Cost and operations stay (first-class tradeoffs), but as one line of first sentences.
    expect(sectionText(short, '### Why this pattern fits')).toContain('\nCost: One runtime and one database: the cheapest option. Operations: One pipeline, one deploy; a bad release affects every module.\n');
    expect(sectionText(short, '### Why this pattern fits').length).toBeLessThan(sectionText(full, '### Why this pattern fits').length);
    expect(short).not.toContain('p99 latency target 1200 ms');
  });

  test('the review covers current: when present and lists its pain as an operability gap', () => {
    const model = withDeliverable(clinicModel(), 'review');
    model.spec.current = { summary: 'Rails app on one VM', pain: ['deploys take two hours'], components: [], downtime_minutes: 0 };
    const review = renderProposal(model, NO_DIAGRAMS);
    expect(review).toMatch(/^Reviewed: the current system of `clinic-booking`: Rails app on one VM/m);
    expect(sectionText(review, '## Operability Gaps')).toContain('Current pain: deploys take two hours');
    expect(sectionText(review, '## Security Gaps')).toContain('Password sign-in is a credential-stuffing target.');
  });

  test('the migration plan is strangler-style from current: and lists its steps', () => {
    const model = withDeliverable(clinicModel(), 'migration');
    model.spec.current = { summary: 'Rails app', pain: [], components: [{ name: 'legacy-app', kind: 'service', tech: 'rails' }], downtime_minutes: 5 };
    model.delivery.migrationSteps = [{ step: 'Route slot reads to scheduling', compatibility: 'Both read the same rows', rollback: 'Route back' }];
    const plan = renderProposal(model, NO_DIAGRAMS);
    expect(sectionText(plan, '## Incremental Steps')).toContain('Strangler-style');
    expect(sectionText(plan, '## Incremental Steps')).toContain('| Route slot reads to scheduling | Both read the same rows | Route back |');
    expect(sectionText(plan, '## Current-State Assumptions')).toContain('Tolerated cut-over downtime: 5 minutes.');
  });

  test('the API design lists every operation and the error classes without inventing status numbers', () => {
    const api = renderProposal(withDeliverable(clinicModel(), 'api'), NO_DIAGRAMS);
    for (const row of ['| `POST` | `/v1/appointments` | `createAppointment` |', '| `GET` | `/v1/slots` | `listSlots` |']) expect(sectionText(api, '## Endpoint Surface')).toContain(row);
    expect(sectionText(api, '## Error Model')).toContain('`Conflict`');
    expect(sectionText(api, '## Validation Rules')).toContain('`status`: one of `booked`, `cancelled`; never null');
  });

  test('the endpoint surface speaks the chosen style: GraphQL root fields, gRPC RPCs', () => {
    const graphql = withDeliverable(clinicModel(), 'api');
    graphql.api.style = 'graphql';
    const gql = sectionText(renderProposal(graphql, NO_DIAGRAMS), '## Endpoint Surface');
    expect(gql).toContain('| `createAppointment` | `Mutation` | `Appointment` | `booking` |');
    expect(gql).toContain('| `listSlots` | `Query` | `Slot` | `scheduling` |');
    expect(gql).not.toContain('/v1/');
    const grpc = withDeliverable(clinicModel(), 'api');
    grpc.api.style = 'grpc';
    const rendered = renderProposal(grpc, NO_DIAGRAMS);
    expect(sectionText(rendered, '## Endpoint Surface')).toContain('| `GetAppointment` | `Appointment` | `booking` |');
    expect(sectionText(rendered, '## Error Model')).toContain('`RESOURCE_EXHAUSTED`');
    expect(sectionText(rendered, '## Request and Response Contracts')).toContain('`api.proto`');
  });

  test('the schema names the index that serves each access pattern', () => {
    const schema = renderProposal(withDeliverable(clinicModel(), 'schema'), NO_DIAGRAMS);
    expect(sectionText(schema, '## Access-Pattern Rationale')).toContain('| `Slot` | list by `starts_at` | yes | `slot_starts_at_idx` |');
  });
});

describe('diagrams', () => {
  const names = ['context', 'containers', 'erd', 'flow-book-appointment', 'flow-find-slots', 'deployment', 'capacity-rps', 'capacity-storage'];
  const diagrams = new Map(names.map((n) => [n, `flowchart LR\n  marker_${n.replace(/-/g, '_')}`]));
  const marker = (n: string): string => `marker_${n.replace(/-/g, '_')}`;

  test('each diagram is embedded as a mermaid block in its section', () => {
    const markdown = renderProposal(clinicModel(), diagrams);
    const placement: Array<[string, string[]]> = [
      ['## Recommended Architecture', ['context', 'containers']],
      ['## Data Design', ['erd']],
      ['## API and Communication Design', ['flow-book-appointment', 'flow-find-slots']],
      ['## Reliability and Observability', ['deployment']],
      ['## Performance and Scaling', ['capacity-rps', 'capacity-storage']],
    ];
    for (const [section, inSection] of placement) {
      for (const n of inSection) expect(sectionText(markdown, section)).toContain(`\`\`\`mermaid\nflowchart LR\n  ${marker(n)}\n\`\`\``);
    }
  });

  test('short links flow and ERD diagrams instead of embedding them', () => {
    const short = renderProposal(withDeliverable(clinicModel(), 'short'), diagrams);
    expect(short).not.toContain(marker('flow-book-appointment'));
    expect(short).toContain('[diagrams/flow-book-appointment.mmd](diagrams/flow-book-appointment.mmd)');
    expect(short).toContain('[diagrams/erd.mmd](diagrams/erd.mmd)');
  });

  test('a diagram source with a backtick fence cannot close the block early', () => {
    const markdown = renderProposal(clinicModel(), new Map([['erd', 'erDiagram\n%% ```\n  A']]));
    expect(markdown).toContain('````mermaid\nerDiagram\n%% ```\n  A\n````');
  });
});

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const nested = t as { tokens?: Token[]; items?: Token[]; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };
    if (nested.tokens !== undefined) walk(nested.tokens, visit);
    if (nested.items !== undefined) walk(nested.items, visit);
    for (const cell of nested.header ?? []) walk(cell.tokens, visit);
    for (const row of nested.rows ?? []) for (const cell of row) walk(cell.tokens, visit);
  }
}

/** Pipes that split a GFM table row: not escaped by an odd run of backslashes. */
function cellSeparators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] !== '|') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) count += 1;
  }
  return count;
}

describe('escaping (hostile free text and names)', () => {
  test.each(VARIANTS)('%s: no raw HTML, no injected heading, no broken table row, code spans intact', (deliverable) => {
    const model = withDeliverable(hostileModel(), deliverable);
    const markdown = renderProposal(model, NO_DIAGRAMS);
    const tokens = new Lexer({ gfm: true }).lex(markdown);
    const html: string[] = [];
    const headings: string[] = [];
    const codespans: string[] = [];
    walk(tokens, (t) => {
      if (t.type === 'html') html.push(t.raw);
      if (t.type === 'heading') headings.push(`${'#'.repeat((t as Tokens.Heading).depth)} ${(t as Tokens.Heading).text}`);
      if (t.type === 'codespan') codespans.push((t as Tokens.Codespan).text);
    });
    expect(html).toEqual([]);
    // `<` survives raw only inside code spans, where Markdown shows it literally.
    const rawScripts = markdown.split('<script').length - 1;
    expect(rawScripts).toBe(codespans.reduce((n, c) => n + c.split('<script').length - 1, 0));
    expect(markdown).toContain('&lt;script&gt;');
    const expected = EXPECTED_STRUCTURE[deliverable];
    expect(headings.filter((h) => h.startsWith('## '))).toEqual(expected.sections.map((s) => `## ${s}`));
    expect(headings.filter((h) => h.startsWith('# '))).toEqual([`# ${expected.title}`]);
    // Every row of a table has as many cell separators as its header.
    const lines = markdown.split('\n');
    let header = -1;
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('|')) { header = -1; continue; }
      if (header < 0) header = cellSeparators(line);
      else expect({ line: i + 1, separators: cellSeparators(line) }).toEqual({ line: i + 1, separators: header });
    }
    if (deliverable === 'proposal' || deliverable === 'short') {
      expect(codespans.some((c) => c.includes('bad`name\\|x') || c.includes('bad`name|x'))).toBe(true);
    }
  });
});

describe('markdown escaping helpers', () => {
  test('inline text is one line with every special character literal', () => {
    expect(inline('a|b\n# c')).toBe('a\\|b # c');
    expect(inline('# title')).toBe('\\# title');
    expect(inline('- item')).toBe('\\- item');
    expect(inline('1. one')).toBe('1\\. one');
    expect(inline('1.5 GB')).toBe('1.5 GB');
    expect(inline('<b>&x</b>')).toBe('&lt;b&gt;&amp;x&lt;/b&gt;');
    expect(inline('`a` *b* _c_ [d] ~e~ \\')).toBe('\\`a\\` \\*b\\* \\_c\\_ \\[d\\] \\~e\\~ \\\\');
  });

  test('code spans pick a fence longer than any backtick run inside', () => {
    expect(code('user')).toBe('`user`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x')).toBe('`` `x ``');
    expect(code(HOSTILE_NAME)).toBe('``bad`name\\|x``');
  });

  test('model numbers print as stored, fractions rounded to two decimals', () => {
    expect(formatNumber(120)).toBe('120');
    expect(formatNumber(23.999999999999993)).toBe('24');
    expect(formatNumber(2844.7883477469272)).toBe('2844.79');
    expect(formatNumber(0.8)).toBe('0.8');
  });

  test('byte sizes use decimal units and one decimal place', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(3800000000)).toBe('3.8 GB');
    expect(formatBytes(538200000)).toBe('538.2 MB');
    expect(formatBytes(2000000000)).toBe('2 GB');
  });
});

const samplesDir = join(process.cwd(), 'samples');
const samples = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((n) => existsSync(join(samplesDir, n, 'system.yaml'))).sort()
  : [];

function sampleModel(name: string): ArchitectureModel {
  const file = join(samplesDir, name, 'system.yaml');
  const { loaded } = loadSpec(file, readFileSync(file));
  if (loaded === null) throw new Error(`${name}: does not load`);
  return runPasses(normalizeSpec(loaded.value as SystemSpec), loaded.locator);
}

describe.each(samples)('sample %s', (name) => {
  const model = sampleModel(name);
  test.each(VARIANTS)('%s: passes the linter, numbers trace to model.json, bytes are stable', async (deliverable) => {
    const variant = withDeliverable(model, deliverable);
    const markdown = await proposalOf(variant);
    expect(lintProposal(markdown, variant)).toEqual([]);
    expect(untracedNumbers(markdown, variant)).toEqual([]);
    expect(await proposalOf(variant)).toBe(markdown);
  });
});

describe('adversarial spec end to end (reserved words, Markdown and HTML in free text)', () => {
  const file = join(process.cwd(), 'test/fixtures/models/proposal-adversarial.yaml');
  const { loaded } = loadSpec(file, readFileSync(file));
  const model = runPasses(normalizeSpec(loaded!.value as SystemSpec), loaded!.locator);

  test.each(VARIANTS)('%s: lint-clean, traceable, no raw HTML, headings exactly as the contract says', async (deliverable) => {
    const variant = withDeliverable(model, deliverable);
    const markdown = await proposalOf(variant);
    expect(lintProposal(markdown, variant)).toEqual([]);
    expect(untracedNumbers(markdown, variant)).toEqual([]);
    const html: string[] = [];
    const h2: string[] = [];
    walk(new Lexer({ gfm: true }).lex(markdown), (t) => {
      if (t.type === 'html') html.push(t.raw);
      if (t.type === 'heading' && (t as Tokens.Heading).depth === 2) h2.push((t as Tokens.Heading).text);
    });
    expect(html).toEqual([]);
    expect(h2).toEqual(EXPECTED_STRUCTURE[deliverable].sections);
  });
});
