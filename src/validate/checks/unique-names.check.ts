// Names are unique per kind, case-insensitively (`Order` and `ORDER` would be one table): reported at the later one.
import type { SourceSpan } from '../../load/locator.js';
import { defineCheck, type CheckContext } from './check.js';
import { valueSpan } from './spec-names.js';

interface Named {
  name: string;
  /** Index path of the name's value. */
  path: string;
}

function reportDuplicates(kind: string, items: readonly Named[], ctx: CheckContext): void {
  const firstByLower = new Map<string, string>();
  for (const item of items) {
    const lower = item.name.toLowerCase();
    const first = firstByLower.get(lower);
    if (first === undefined) {
      firstByLower.set(lower, item.name);
      continue;
    }
    const span: SourceSpan | null = valueSpan(ctx.locate, item.path);
    ctx.report.report('ARC0305', { kind, name: item.name, other: first }, span);
  }
}

export const uniqueNamesCheck = defineCheck({
  id: 'unique-names',
  description: 'module, entity, flow, integration, role and per-entity field names are unique case-insensitively',
  run(ctx) {
    const { spec } = ctx;
    reportDuplicates('module', spec.modules.map((m, i) => ({ name: m.name, path: `modules.${i}.name` })), ctx);
    reportDuplicates('entity', (spec.entities ?? []).map((e, i) => ({ name: e.name, path: `entities.${i}.name` })), ctx);
    reportDuplicates('flow', (spec.flows ?? []).map((f, i) => ({ name: f.name, path: `flows.${i}.name` })), ctx);
    reportDuplicates('integration', (spec.integrations ?? []).map((x, i) => ({ name: x.name, path: `integrations.${i}.name` })), ctx);
    reportDuplicates('role', (spec.auth?.roles ?? []).map((r, i) => ({ name: r, path: `auth.roles.${i}` })), ctx);
    (spec.entities ?? []).forEach((entity, i) => {
      reportDuplicates(`${entity.name} field`, entity.fields.map((f, j) => ({ name: f.name, path: `entities.${i}.fields.${j}.name` })), ctx);
    });
  },
});
