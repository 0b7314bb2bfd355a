// The mermaid emitter: every diagram of every fixture model and sample is accepted by Mermaid's own parser,
// and the parsed structure (not the bytes) shows what the contract asks for.
import { readdirSync } from 'node:fs';
import { compileFile } from '../../src/compile.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { formatChartNumber, formatStorageGb, mermaidGenerator, renderDiagrams } from '../../generators/mermaid/index.js';
import fc from 'fast-check';
import { escapeText, multiline, quoted, quotedLines } from '../../generators/mermaid/escape.js';
import { INFRASTRUCTURE_DECISIONS } from '../../generators/mermaid/topology.js';
import { loadMermaid, mermaidError, parsedDiagram } from '../helpers/mermaid-parse.js';
import {
  decision, emptyFixtureModel, HOSTILE_TEXT, hostileModel, hybridModel, microservicesModel, monolithModel,
} from '../fixtures/models/mermaid-models.js';

// ---- Mermaid's parsed databases, typed as far as the tests read them ----
interface Vertex { id: string; text: string; classes: string[] }
interface Edge { start: string; end: string; text: string; stroke: string }
interface Subgraph { id: string; title: string; nodes: string[] }
interface FlowchartDb { getVertices(): Map<string, Vertex>; getEdges(): Edge[]; getSubGraphs(): Subgraph[] }
interface ErAttribute { type: string; name: string; keys: string[]; comment: string }
interface ErEntity { id: string; alias: string; attributes: ErAttribute[] }
interface ErRelationship { entityA: string; roleA: string; entityB: string; relSpec: { cardA: string; cardB: string; relType: string } }
interface ErDb { getEntities(): Map<string, ErEntity>; getRelationships(): ErRelationship[] }
interface Actor { name: string; description: string; type: string }
interface Message { from?: string; to?: string; message: string; type: number }
interface SequenceDb { getActors(): Map<string, Actor>; getMessages(): Message[] }

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** Mermaid keeps entity codes as placeholders until rendering; this is what the reader would see. */
function rendered(text: string): string {
  return text
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, name: string) => NAMED_ENTITIES[name] ?? `&${name};`);
}

function labelLines(text: string): string[] {
  return rendered(text).split(/<br\s*\/?>/);
}

function source(model: ArchitectureModel, name: string): string {
  const diagram = renderDiagrams(model).find((d) => d.name === name);
  if (!diagram) throw new Error(`no diagram ${name}`);
  return diagram.source;
}

async function flowchart(model: ArchitectureModel, name: string): Promise<FlowchartDb> {
  return (await parsedDiagram(source(model, name))) as FlowchartDb;
}

/** Vertex ids whose rendered label contains `text`. */
function verticesWith(db: FlowchartDb, text: string): Vertex[] {
  return [...db.getVertices().values()].filter((v) => labelLines(v.text).some((line) => line.includes(text)));
}

function moduleVertex(db: FlowchartDb, module: string): Vertex {
  const found = [...db.getVertices().values()].filter((v) => labelLines(v.text)[0] === module && /^m\d+$/.test(v.id));
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function expectAllParse(model: ArchitectureModel): Promise<void> {
  const failures: string[] = [];
  for (const diagram of renderDiagrams(model)) {
    const error = await mermaidError(diagram.source);
    if (error !== null) failures.push(`${diagram.name}: ${error}`);
  }
  expect(failures).toEqual([]);
}

function withDecision(model: ArchitectureModel, id: string, choice: string): ArchitectureModel {
  return { ...model, decisions: [...model.decisions.filter((d) => d.id !== id), decision(id, choice)] };
}

beforeAll(async () => {
  await loadMermaid();
});

describe('Mermaid accepts every diagram', () => {
  test('the parse check can fail', async () => {
    expect(await mermaidError('flowchart LR\n  a["x"]]] -->')).not.toBeNull();
    expect(await mermaidError('sequenceDiagram\n  participant p1 as a;b\n  p1->>p1: x')).not.toBeNull();
  });

  test.each([
    ['monolith', monolithModel],
    ['microservices', microservicesModel],
    ['hybrid', hybridModel],
    ['hostile names and text', hostileModel],
    ['empty model', emptyFixtureModel],
  ])('%s', async (_name, build) => {
    await expectAllParse(build());
  });

  test.each(['single-zone', 'multi-zone', 'multi-region-active-passive', 'multi-region-active-active'])('deployment %s', async (choice) => {
    const error = await mermaidError(source(withDecision(hostileModel(), 'deployment', choice), 'deployment'));
    expect(error).toBeNull();
  });

  const samples = readdirSync('samples').filter((name) => !name.startsWith('.')).sort();
  test.each(samples)('sample %s', async (sample) => {
    const compiled = compileFile(`samples/${sample}/system.yaml`, { decide: true });
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = compiled.model!;
    const parsed = new Map<string, unknown>();
    for (const diagram of renderDiagrams(model)) parsed.set(diagram.name, await parsedDiagram(diagram.source));
    const containers = parsed.get('containers') as FlowchartDb;
    for (const id of INFRASTRUCTURE_DECISIONS) {
      const chosen = model.decisions.find((d) => d.id === id)?.choice ?? 'none';
      if (chosen !== 'none') expect(verticesWith(containers, `${id}: ${chosen}`).length).toBeGreaterThan(0);
    }
    const erd = parsed.get('erd') as ErDb;
    expect(erd.getEntities().size).toBe(model.tables.length);
    expect(renderDiagrams(model).filter((d) => d.name.startsWith('flow-')).map((d) => d.name))
      .toEqual(model.flows.map((f) => `flow-${f.name}`).sort());
  });
});

describe('escaping', () => {
  test('no syntax character survives outside an entity code', () => {
    const escaped = escapeText(HOSTILE_TEXT).replace(/#\w+;/g, '');
    expect(escaped).not.toMatch(/["#;%{}<>|`\n\\]/);
    expect(escaped).toContain('日本');
  });

  // Every place a text goes in each diagram type: labels, edge labels, subgraph titles, aliases, messages,
  // notes, block labels, ER comments and relationship labels, chart titles and axis labels.
  const placements: Array<(text: string) => string> = [
    (s) => `flowchart LR\n  n1[${quoted(s)}]\n  n1 -->|${quoted(s)}| n2[${quotedLines([s, s])}]\n  subgraph g[${quoted(s)}]\n    n3\n  end\n`,
    (s) => `sequenceDiagram\n  title ${escapeText(s)}\n  participant p1 as ${multiline([s])}\n  p1->>p1: ${escapeText(s)}\n  Note over p1: ${escapeText(s)}\n  loop ${escapeText(s)}\n    p1-)p1: x\n  end\n`,
    (s) => `erDiagram\n  t_a[${quoted(s)}] {\n    string a ${quoted(s)}\n  }\n  t_a ||--o{ t_a : ${quoted(s)}\n`,
    (s) => `xychart-beta\n  title ${quoted(s)}\n  x-axis [${quoted(s)}]\n  y-axis ${quoted(s)} 0 --> 1\n  line [0]\n`,
  ];

  async function placementErrors(text: string): Promise<string[]> {
    const errors: string[] = [];
    for (const place of placements) {
      const error = await mermaidError(place(text));
      if (error !== null) errors.push(`${JSON.stringify(text)}: ${error.split('\n')[0]}`);
    }
    return errors;
  }

  test.each(['', ' ', 'end', '#', '#35;', ';', '"', '%%{init: {}}%%', '\\', 'a\u2028b', '\u0000', '<br>', 'style:#x;', HOSTILE_TEXT])(
    'text %j parses wherever it is placed', async (text) => {
      expect(await placementErrors(text)).toEqual([]);
    });

  test('any text parses wherever it is placed (property, fixed seed)', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), async (text) => {
      expect(await placementErrors(text)).toEqual([]);
    }), { seed: 20261125, numRuns: 10 });
  });

  test('a colon stays readable unless text follows it directly', () => {
    expect(escapeText('a: b')).toBe('a: b');
    expect(escapeText('style:#x')).toBe('style#58;#35;x');
  });

  test('hostile labels render as written', async () => {
    const context = await flowchart(hostileModel(), 'context');
    const roles = [...context.getVertices().values()].filter((v) => /^r\d+$/.test(v.id)).map((v) => labelLines(v.text)[0]);
    expect(roles).toEqual(['a1234567890123456789012345678901234567-z', 'class', 'end', 'graph', 'style', 'subgraph']);
    const chart = (await parsedDiagram(source(hostileModel(), 'flow-end'))) as SequenceDb;
    const delivered = chart.getMessages().map((m) => rendered(m.message)).find((m) => m.startsWith('deliver end'));
    // Line breaks in free text render as spaces; every other character is kept.
    expect(delivered).toBe(`deliver end (at-least-once, idempotency key ${HOSTILE_TEXT.replace('\n', ' ')})`);
  });
});

describe('context.mmd', () => {
  test('roles and client types reach the system; integrations keep their direction and critical ones are marked', async () => {
    const db = await flowchart(monolithModel(), 'context');
    const labels = (prefix: RegExp): string[][] =>
      [...db.getVertices().values()].filter((v) => prefix.test(v.id)).map((v) => labelLines(v.text));
    expect(labels(/^r\d+$/)).toEqual([['admin', 'role'], ['patient', 'role']]);
    expect(labels(/^c\d+$/)).toEqual([['mobile', 'client'], ['web', 'client']]);
    const stripe = verticesWith(db, 'stripe')[0]!;
    const twilio = verticesWith(db, 'twilio')[0]!;
    expect(labelLines(stripe.text)).toEqual(['stripe', 'payment · both · critical']);
    expect(stripe.classes).toContain('critical');
    expect(twilio.classes).not.toContain('critical');
    const edge = (id: string): Edge => db.getEdges().find((e) => e.start === id || e.end === id)!;
    expect(edge(stripe.id)).toMatchObject({ start: 'sys', end: stripe.id });
    expect(rendered(edge(stripe.id).text)).toBe('calls and receives webhooks');
    const inbound = verticesWith(await flowchart(hostileModel(), 'context'), 'other · inbound · critical')[0]!;
    const hostileEdges = (await flowchart(hostileModel(), 'context')).getEdges();
    expect(hostileEdges.find((e) => e.start === inbound.id)).toMatchObject({ end: 'sys' });
  });
});

describe('containers.mmd', () => {
  test('a monolith draws every module inside one deployable over one database with a schema per module', async () => {
    const model = monolithModel();
    const db = await flowchart(model, 'containers');
    const moduleIds = ['billing', 'booking', 'notifications', 'patients', 'scheduling'].map((m) => moduleVertex(db, m).id);
    const deployables = db.getSubGraphs().filter((s) => moduleIds.some((id) => s.nodes.includes(id)));
    expect(deployables).toHaveLength(1);
    expect([...deployables[0]!.nodes].sort()).toEqual([...moduleIds].sort());
    const databases = verticesWith(db, 'primary-store: postgresql');
    expect(databases).toHaveLength(1);
    const schemaEdges = db.getEdges().filter((e) => e.end === databases[0]!.id).map((e) => rendered(e.text)).sort();
    // notifications owns no table, so it has no schema.
    expect(schemaEdges).toEqual(['schema billing', 'schema booking', 'schema patients', 'schema scheduling']);
    const between = db.getEdges().filter((e) => moduleIds.includes(e.start) && moduleIds.includes(e.end));
    expect(between).toHaveLength(4);
    expect(new Set(between.map((e) => rendered(e.text)))).toEqual(new Set(['in-process']));
  });

  test('microservices draw each service with its own schema and calls labelled by internal-comm', async () => {
    const model = microservicesModel();
    const db = await flowchart(model, 'containers');
    const modules = ['billing', 'booking', 'notifications', 'patients', 'scheduling'];
    for (const module of modules) {
      const id = moduleVertex(db, module).id;
      const home = db.getSubGraphs().filter((s) => s.nodes.includes(id));
      expect(home).toHaveLength(1);
      const inside = home[0]!.nodes.filter((n) => n !== id);
      if (module === 'notifications') {
        expect(inside).toEqual([]);
      } else {
        expect(inside).toHaveLength(1);
        expect(labelLines(db.getVertices().get(inside[0]!)!.text)).toContain(`own schema ${module}`);
      }
    }
    expect(verticesWith(db, 'primary-store: postgresql')).toHaveLength(4);
    const ids = new Set(modules.map((m) => moduleVertex(db, m).id));
    const calls = db.getEdges().filter((e) => ids.has(e.start) && ids.has(e.end));
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((e) => rendered(e.text)))).toEqual(new Set(['grpc']));
  });

  test('events as internal-comm are dotted edges labelled events', async () => {
    const model = withDecision(microservicesModel(), 'internal-comm', 'events');
    const db = await flowchart(model, 'containers');
    const booking = moduleVertex(db, 'booking').id;
    const patients = moduleVertex(db, 'patients').id;
    const edge = db.getEdges().find((e) => e.start === booking && e.end === patients);
    expect(edge && rendered(edge.text)).toBe('events');
    expect(edge?.stroke).toBe('dotted');
  });

  test('a hybrid draws a core subgraph plus the separate service', async () => {
    const db = await flowchart(hybridModel(), 'containers');
    const core = ['billing', 'notifications', 'patients', 'scheduling'].map((m) => moduleVertex(db, m).id);
    const booking = moduleVertex(db, 'booking').id;
    const coreGraph = db.getSubGraphs().filter((s) => core.every((id) => s.nodes.includes(id)));
    expect(coreGraph).toHaveLength(1);
    expect(coreGraph[0]!.nodes).not.toContain(booking);
    const bookingGraph = db.getSubGraphs().filter((s) => s.nodes.includes(booking));
    expect(bookingGraph).toHaveLength(1);
    expect(bookingGraph[0]!.id).not.toBe(coreGraph[0]!.id);
    const label = (from: string, to: string): string | undefined => {
      const edge = db.getEdges().find((e) => e.start === from && e.end === to);
      return edge && rendered(edge.text);
    };
    const [billing] = core;
    expect(label(booking, moduleVertex(db, 'patients').id)).toBe('rest');
    expect(label(billing!, booking)).toBe('rest');
    // Two databases: the core's (schemas of its modules) and the service's own.
    expect(verticesWith(db, 'primary-store: postgresql')).toHaveLength(2);
  });

  test.each([
    ['monolith', monolithModel],
    ['microservices', microservicesModel],
    ['hybrid', hybridModel],
    ['hostile', hostileModel],
  ])('every infrastructure decision that is not none is a node naming its choice (%s)', async (_name, build) => {
    const model = build();
    const db = await flowchart(model, 'containers');
    for (const id of INFRASTRUCTURE_DECISIONS) {
      const chosen = model.decisions.find((d) => d.id === id)!.choice;
      const nodes = verticesWith(db, `${id}: ${chosen}`);
      if (chosen === 'none') expect(nodes).toHaveLength(0);
      else expect(nodes.length).toBeGreaterThan(0);
    }
  });
});

describe('erd.mmd', () => {
  test('every table and column with keys and cardinality from the references', async () => {
    const model = monolithModel();
    const db = (await parsedDiagram(source(model, 'erd'))) as ErDb;
    const entities = [...db.getEntities().values()];
    expect(entities.map((e) => rendered(e.alias)).sort())
      .toEqual(['billing.deposit', 'booking.appointment', 'patients.patient', 'patients.referral_document', 'scheduling.slot']);
    const appointment = entities.find((e) => rendered(e.alias) === 'booking.appointment')!;
    expect(appointment.attributes.map((a) => [a.type, a.name, a.keys])).toEqual([
      ['uuid', 'id', ['PK']],
      ['uuid', 'patient_id', ['FK']],
      ['uuid', 'slot_id', ['FK', 'UK']],
      ['uuid', 'referrer_id', ['FK']],
      ['enum', 'status', []],
    ]);
    const relation = (role: string): ErRelationship => db.getRelationships().find((r) => r.roleA === role)!;
    // cardB is the parent's side, cardA the child's (Mermaid's own naming).
    expect(relation('patient_id').relSpec).toMatchObject({ cardB: 'ONLY_ONE', cardA: 'ZERO_OR_MORE' });
    expect(relation('referrer_id').relSpec).toMatchObject({ cardB: 'ZERO_OR_ONE', cardA: 'ZERO_OR_MORE' });
    expect(relation('slot_id').relSpec).toMatchObject({ cardB: 'ONLY_ONE', cardA: 'ZERO_OR_ONE' });
    expect(db.getRelationships()).toHaveLength(5);
  });

  test('hostile tables keep their exact column names and a cross-service reference has no FK', async () => {
    const model = hostileModel();
    const db = (await parsedDiagram(source(model, 'erd'))) as ErDb;
    const byAlias = new Map([...db.getEntities().values()].map((e) => [rendered(e.alias), e]));
    for (const table of model.tables) {
      const entity = byAlias.get(`${table.schema}.${table.name}`);
      expect(entity?.attributes.map((a) => a.name)).toEqual(table.columns.map((c) => c.name));
    }
    const end = byAlias.get('end.end')!;
    expect(end.attributes.find((a) => a.name === 'pk')!.keys).toEqual(['PK']);
    expect(rendered(end.attributes.find((a) => a.name === 'fk')!.comment)).toContain('a;b, c"d, %%, -->, {x}, <b>, ünï');
    const crossing = byAlias.get('class.class')!.attributes.find((a) => a.name === 'end_id')!;
    expect(crossing.keys).toEqual([]);
    expect(db.getRelationships().find((r) => r.roleA === 'end_id by id')!.relSpec.relType).toBe('NON_IDENTIFYING');
  });
});

describe('flow diagrams', () => {
  async function sequence(model: ArchitectureModel, flow: string): Promise<{ actors: string[][]; messages: string[] }> {
    const db = (await parsedDiagram(source(model, `flow-${flow}`))) as SequenceDb;
    return {
      actors: [...db.getActors().values()].map((a) => labelLines(a.description)),
      messages: db.getMessages().map((m) => rendered(m.message)),
    };
  }

  test('a synchronous flow answers its caller and fans its event out with retries and a dead-letter queue', async () => {
    const text = source(monolithModel(), 'flow-book-appointment');
    expect(text).toMatch(/p1->>p2: REST book-appointment/);
    expect(text).toMatch(/p2-->>p1: response/);
    expect(text).toMatch(/^\s+par billing consumes$/m);
    expect(text).toMatch(/^\s+loop redeliver up to 5 attempts, backoff 1 s x2 up to 60 s$/m);
    const { messages } = await sequence(monolithModel(), 'book-appointment');
    expect(messages).toContain('publish appointment-booked');
    expect(messages).toContain('park in appointment-booked.dlq after the last attempt');
    expect(messages).toContain('one transaction: read Slot, then write Appointment');
  });

  test('an asynchronous flow is accepted, queued and picked up by a worker', async () => {
    const text = source(monolithModel(), 'flow-send-reminders');
    expect(text).not.toMatch(/-->>p1: response/);
    const { actors, messages } = await sequence(monolithModel(), 'send-reminders');
    expect(actors[0]).toEqual(['Scheduler', 'cron 0 7 * * *']);
    expect(messages).toEqual(expect.arrayContaining(['enqueue send-reminders job', 'accepted', 'deliver send-reminders job', 'ack']));
    expect(messages.indexOf('accepted')).toBeLessThan(messages.indexOf('deliver send-reminders job'));
  });

  test('a realtime flow goes through the gateway', async () => {
    const { actors, messages } = await sequence(microservicesModel(), 'chat');
    expect(actors[1]).toEqual(['Realtime gateway', 'websocket']);
    expect(messages).toEqual(expect.arrayContaining(['open websocket', 'send', 'push update']));
  });

  test('services each commit their own transaction', async () => {
    const { messages } = await sequence(microservicesModel(), 'book-appointment');
    expect(messages).toContain('grpc call: Slot');
    expect(messages).toContain('read Slot');
    expect(messages).toContain('one transaction: write Appointment');
  });
});

describe('deployment.mmd', () => {
  test('multi-zone: two zones in the residency region, synchronous replication to the replica', async () => {
    const db = await flowchart(monolithModel(), 'deployment');
    expect(db.getSubGraphs().map((s) => rendered(s.title)).sort()).toEqual(['region eu', 'zone A', 'zone B']);
    const replication = db.getEdges().filter((e) => rendered(e.text) === 'synchronous replication');
    expect(replication).toHaveLength(1);
    expect(labelLines(db.getVertices().get(replication[0]!.end)!.text)).toEqual(['PostgreSQL', 'replica']);
  });

  test('active-passive: an active and a standby region named by residency, asynchronous replication', async () => {
    const db = await flowchart(microservicesModel(), 'deployment');
    const titles = db.getSubGraphs().map((s) => rendered(s.title));
    expect(titles).toEqual(expect.arrayContaining(['region eu · active', 'region us · passive standby']));
    expect(db.getEdges().some((e) => rendered(e.text) === 'asynchronous replication')).toBe(true);
  });

  test('single-zone: one region, one zone, no replication', async () => {
    const db = await flowchart(withDecision(monolithModel(), 'deployment', 'single-zone'), 'deployment');
    expect(db.getSubGraphs().map((s) => rendered(s.title)).sort()).toEqual(['region eu', 'zone A']);
    expect(db.getEdges().some((e) => rendered(e.text).includes('replication'))).toBe(false);
  });
});

describe('capacity charts', () => {
  test('projected values per year and each threshold of the metric as a flat line', () => {
    // 120 rps ×1.5 a year; storage 2 GB ×2 a year (fixture).
    expect(source(monolithModel(), 'capacity-rps')).toContain([
      '  x-axis ["Y0", "Y1", "Y2", "Y3"]',
      '  y-axis "requests per second" 0 --> 2000',
      '  line [120, 180, 270, 405]',
      '  line [2000, 2000, 2000, 2000]',
    ].join('\n'));
    expect(source(monolithModel(), 'capacity-storage')).toContain([
      '  y-axis "GB" 0 --> 20',
      '  line [2, 4, 8, 16]',
      '  line [10, 10, 10, 10]',
    ].join('\n'));
  });

  test('a rows threshold is not drawn on either chart', () => {
    const charts = source(hostileModel(), 'capacity-rps') + source(hostileModel(), 'capacity-storage');
    expect(charts.match(/^ {2}line /gm)).toHaveLength(4);
    expect(charts).toContain('line [3500, 3500, 3500, 3500]');
  });

  test('numbers are rounded for reading, never in exponent notation', () => {
    expect(formatChartNumber(263.64)).toBe('263.64');
    expect(formatChartNumber(202.8)).toBe('202.8');
    expect(formatChartNumber(123456.789)).toBe('123456.79');
    expect(formatChartNumber(0.12345)).toBe('0.123');
    expect(formatChartNumber(0.00034567)).toBe('0.000346');
    expect(formatChartNumber(1e-7)).toBe('0');
    expect(formatChartNumber(-1e-7)).toBe('0');
    expect(formatChartNumber(1e21)).toBe('1000000000000000000000');
    expect(formatStorageGb(1099511627776)).toBe('1099.51');
  });
});

describe('determinism and files', () => {
  test('the same model twice gives the same bytes, whatever the order of its lists', () => {
    const model = hostileModel();
    const reordered: ArchitectureModel = {
      ...hostileModel(),
      modules: [...model.modules].reverse(),
      tables: [...model.tables].reverse(),
      flows: [...model.flows].reverse(),
      events: [...model.events].reverse(),
      integrations: [...model.integrations].reverse(),
    };
    expect(renderDiagrams(reordered)).toEqual(renderDiagrams(model));
    expect(renderDiagrams(hostileModel())).toEqual(renderDiagrams(model));
  });

  test('the generator writes diagrams/<name>.mmd with the rendered sources', async () => {
    const model = monolithModel();
    const files = await mermaidGenerator.generate(model);
    expect(files.map((f) => f.path)).toEqual([
      'diagrams/capacity-rps.mmd', 'diagrams/capacity-storage.mmd', 'diagrams/containers.mmd', 'diagrams/context.mmd',
      'diagrams/deployment.mmd', 'diagrams/erd.mmd', 'diagrams/flow-book-appointment.mmd', 'diagrams/flow-send-reminders.mmd',
    ]);
    expect(files.map((f) => f.content)).toEqual(renderDiagrams(model).map((d) => d.source));
  });
});
