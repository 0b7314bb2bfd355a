// ## Service or Module Design: what each module does and owns, who owns it, what it exposes and what fails with it.
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code, inline } from '../../markdown/escape.js';
import { codeList, type ProposalContext } from '../context.js';

function tablesOf(ctx: ProposalContext, module: string): string[] {
  return ctx.model.tables.filter((t) => t.module === module).map((t) => `${t.schema}.${t.name}`);
}

function responsibilities(ctx: ProposalContext): string[] {
  const { modules } = ctx.model;
  if (modules.length === 0) return ['The model has no modules yet.'];
  const rows = modules.map((m) => {
    const row = [code(m.name), m.deployment === 'service' ? 'own service' : 'core', inline(m.responsibility || m.description || 'not described')];
    if (!ctx.short) row.push(codeList(tablesOf(ctx, m.name)), inline(m.failureImpact || 'not stated'));
    return row;
  });
  const headers = ctx.short ? ['Module', 'Runs in', 'Responsibility'] : ['Module', 'Runs in', 'Responsibility', 'Owned data', 'Failure impact'];
  return [table(headers, rows)];
}

function ownership(ctx: ProposalContext): string[] {
  const { modules } = ctx.model;
  if (modules.length === 0) return ['No module boundaries to draw.'];
  if (ctx.short) {
    const edges = modules.flatMap((m) => m.dependsOn.map((d) => `${code(m.name)} → ${code(d)}`));
    const owners = modules.filter((m) => m.owner !== null).map((m) => `${code(m.name)}: ${code(m.owner ?? '')}`);
    return [
      'Each module owns the tables in its schema; others change them only through its interface.',
      `Dependencies: ${edges.length === 0 ? 'none' : edges.join(', ')}. Owners: ${owners.length === 0 ? 'none stated' : owners.join(', ')}.`,
    ];
  }
  const items = modules.map((m) => {
    const owner = m.owner === null ? 'no owner stated' : `owner ${code(m.owner)}`;
    const platform = m.platform ? ' Platform module, declared as such in the spec.' : '';
    return `${code(m.name)} (${owner}, schema ${code(m.schema)}): depends on ${codeList(m.dependsOn)}; used by ${codeList(m.dependents)}.${platform}`;
  });
  return [
    'Each module owns the tables in its schema; other modules change that data only through the owning module\'s interface, so a later split moves a schema, not shared tables.',
    bullets(items),
  ];
}

function interfaces(ctx: ProposalContext): string[] {
  const rows = ctx.model.modules.map((m) => (ctx.short ? [code(m.name), codeList(m.interfaces)] : [code(m.name), codeList(m.interfaces), codeList(m.dependents)]));
  if (rows.length === 0) return ['No module interfaces in the model.'];
  return [table(ctx.short ? ['Module', 'Public interface'] : ['Module', 'Public interface', 'Called by'], rows)];
}

export function modulesSection(ctx: ProposalContext): MarkdownSection {
  return {
    title: 'Service or Module Design',
    blocks: [],
    subsections: [
      { title: 'Responsibilities by component', blocks: responsibilities(ctx) },
      { title: 'Ownership boundaries', blocks: ownership(ctx) },
      { title: 'Interface summary', blocks: interfaces(ctx) },
    ],
  };
}
