// The names a spec defines, per kind, for resolving references; and the readable path of a list item.
import type { SourceSpan, SpecLocator } from '../../load/locator.js';
import type { SystemSpec } from '../../spec/types.js';

export interface DefinedNames {
  modules: ReadonlySet<string>;
  entities: ReadonlySet<string>;
  flows: ReadonlySet<string>;
  integrations: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

export function definedNames(spec: SystemSpec): DefinedNames {
  return {
    modules: new Set(spec.modules.map((m) => m.name)),
    entities: new Set((spec.entities ?? []).map((e) => e.name)),
    flows: new Set((spec.flows ?? []).map((f) => f.name)),
    integrations: new Set((spec.integrations ?? []).map((i) => i.name)),
    roles: new Set(spec.auth?.roles ?? []),
  };
}

/** The value's span at an index path (`entities.2.fields.0.name`); null when it is not written. */
export function valueSpan(locate: SpecLocator, path: string): SourceSpan | null {
  return locate.span(path, 'value');
}

/** The key's span at an index path (the `optional` in `optional: true`), else the value's. */
export function keySpan(locate: SpecLocator, path: string): SourceSpan | null {
  return locate.span(path, 'key') ?? locate.span(path, 'value');
}
