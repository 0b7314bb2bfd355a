// The design-level difference between two models: what a reviewer of a system.yaml change needs to see.
import type { ArchitectureModel, ColumnModel, Decision, IndexModel, TableModel } from '../model/types.js';
import { compareNames } from '../spec/normalize.js';

export interface FlippedDecision {
  id: string;
  from: string;
  to: string;
  oldRationale: string;
  newRationale: string;
  /** Spec inputs of either decision whose value differs between the two specs. */
  movedInputs: Array<{ path: string; from: unknown; to: unknown }>;
}

export interface Change<T> {
  name: string;
  from: T;
  to: T;
}

export interface TableDiff {
  table: string;
  columnsAdded: string[];
  columnsRemoved: string[];
  columnsChanged: Array<{ column: string; changes: string[] }>;
  indexesAdded: string[];
  indexesRemoved: string[];
}

export interface DesignDiff {
  decisionsFlipped: FlippedDecision[];
  decisionsAdded: Array<{ id: string; choice: string }>;
  decisionsRemoved: Array<{ id: string; choice: string }>;
  assumptionsAdded: Array<{ id: string; value: unknown }>;
  assumptionsRemoved: Array<{ id: string; value: unknown }>;
  modulesAdded: string[];
  modulesRemoved: string[];
  modulesChanged: Array<{ module: string; changes: string[] }>;
  tablesAdded: string[];
  tablesRemoved: string[];
  tablesChanged: TableDiff[];
  endpointsAdded: string[];
  endpointsRemoved: string[];
}

export function isEmptyDiff(diff: DesignDiff): boolean {
  return Object.values(diff).every((value) => Array.isArray(value) && value.length === 0);
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort(compareNames);
}

/** The value at a dotted spec path (list items by name, decisions by id) in a normalized spec. */
export function valueAtPath(spec: unknown, path: string): unknown {
  let current: unknown = spec;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (Array.isArray(current)) {
      const list: unknown[] = current;
      const rest = parts.slice(i);
      let found = false;
      for (let j = rest.length; j > 0 && !found; j--) {
        const name = rest.slice(0, j).join('.');
        const item = list.find((x) => x !== null && typeof x === 'object' && ((x as { name?: unknown }).name === name || (x as { id?: unknown }).id === name));
        if (item !== undefined) {
          current = item;
          i += j - 1;
          found = true;
        }
      }
      if (!found) current = /^\d+$/.test(parts[i]!) ? list[Number(parts[i])] : undefined;
    } else if (current && typeof current === 'object') {
      current = (current as Record<string, unknown>)[parts[i]!];
    } else {
      return undefined;
    }
  }
  return current;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function movedInputs(oldModel: ArchitectureModel, newModel: ArchitectureModel, a: Decision, b: Decision): FlippedDecision['movedInputs'] {
  const paths = [...new Set([...a.inputs, ...b.inputs].map((i) => i.path).concat(a.assumptions, b.assumptions))].sort(compareNames);
  return paths
    .map((path) => ({ path, from: valueAtPath(oldModel.spec, path) ?? null, to: valueAtPath(newModel.spec, path) ?? null }))
    .filter((moved) => !sameValue(moved.from, moved.to));
}

function describeColumn(column: ColumnModel): Record<string, unknown> {
  return {
    type: column.type, nullable: column.nullable, unique: column.unique, key: column.key, default: column.default ?? null,
    enumValues: column.enumValues ?? null, references: column.references ? `${column.references.schema}.${column.references.table}` : null,
  };
}

function columnChanges(a: ColumnModel, b: ColumnModel): string[] {
  const before = describeColumn(a);
  const after = describeColumn(b);
  return Object.keys(before)
    .filter((key) => !sameValue(before[key], after[key]))
    .map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
}

function indexSignature(index: IndexModel): string {
  return `${index.name} (${index.columns.join(', ')})${index.unique ? ' unique' : ''}${index.where ? ` where ${index.where}` : ''}`;
}

function tableDiff(a: TableModel, b: TableModel): TableDiff | null {
  const oldColumns = byKey(a.columns, (c) => c.name);
  const newColumns = byKey(b.columns, (c) => c.name);
  const oldIndexes = new Set(a.indexes.map(indexSignature));
  const newIndexes = new Set(b.indexes.map(indexSignature));
  const diff: TableDiff = {
    table: `${b.schema}.${b.name}`,
    columnsAdded: sortedKeys(newColumns).filter((c) => !oldColumns.has(c)),
    columnsRemoved: sortedKeys(oldColumns).filter((c) => !newColumns.has(c)),
    columnsChanged: sortedKeys(newColumns)
      .filter((c) => oldColumns.has(c))
      .map((c) => ({ column: c, changes: columnChanges(oldColumns.get(c)!, newColumns.get(c)!) }))
      .filter((c) => c.changes.length > 0),
    indexesAdded: [...newIndexes].filter((i) => !oldIndexes.has(i)).sort(compareNames),
    indexesRemoved: [...oldIndexes].filter((i) => !newIndexes.has(i)).sort(compareNames),
  };
  const empty = diff.columnsAdded.length + diff.columnsRemoved.length + diff.columnsChanged.length + diff.indexesAdded.length + diff.indexesRemoved.length === 0;
  return empty ? null : diff;
}

function endpoints(model: ArchitectureModel): Set<string> {
  return new Set(model.api.resources.flatMap((r) => r.operations.map((op) => `${op.method} ${op.path} (${op.operationId})`)));
}

export function diffDesigns(oldModel: ArchitectureModel, newModel: ArchitectureModel): DesignDiff {
  const oldDecisions = byKey(oldModel.decisions, (d) => d.id);
  const newDecisions = byKey(newModel.decisions, (d) => d.id);
  const oldAssumptions = byKey(oldModel.assumptions, (a) => a.id);
  const newAssumptions = byKey(newModel.assumptions, (a) => a.id);
  const oldModules = byKey(oldModel.modules, (m) => m.name);
  const newModules = byKey(newModel.modules, (m) => m.name);
  const oldTables = byKey(oldModel.tables, (t) => `${t.schema}.${t.name}`);
  const newTables = byKey(newModel.tables, (t) => `${t.schema}.${t.name}`);
  const oldEndpoints = endpoints(oldModel);
  const newEndpoints = endpoints(newModel);

  return {
    decisionsFlipped: sortedKeys(newDecisions)
      .filter((id) => oldDecisions.has(id) && oldDecisions.get(id)!.choice !== newDecisions.get(id)!.choice)
      .map((id) => {
        const a = oldDecisions.get(id)!;
        const b = newDecisions.get(id)!;
        return { id, from: a.choice, to: b.choice, oldRationale: a.rationale, newRationale: b.rationale, movedInputs: movedInputs(oldModel, newModel, a, b) };
      }),
    decisionsAdded: sortedKeys(newDecisions).filter((id) => !oldDecisions.has(id)).map((id) => ({ id, choice: newDecisions.get(id)!.choice })),
    decisionsRemoved: sortedKeys(oldDecisions).filter((id) => !newDecisions.has(id)).map((id) => ({ id, choice: oldDecisions.get(id)!.choice })),
    assumptionsAdded: sortedKeys(newAssumptions).filter((id) => !oldAssumptions.has(id)).map((id) => ({ id, value: newAssumptions.get(id)!.value })),
    assumptionsRemoved: sortedKeys(oldAssumptions).filter((id) => !newAssumptions.has(id)).map((id) => ({ id, value: oldAssumptions.get(id)!.value })),
    modulesAdded: sortedKeys(newModules).filter((m) => !oldModules.has(m)),
    modulesRemoved: sortedKeys(oldModules).filter((m) => !newModules.has(m)),
    modulesChanged: sortedKeys(newModules).filter((m) => oldModules.has(m)).map((m) => {
      const a = oldModules.get(m)!;
      const b = newModules.get(m)!;
      const changes: string[] = [];
      if (a.deployment !== b.deployment) changes.push(`deployment: ${a.deployment} → ${b.deployment}`);
      if (!sameValue(a.dependsOn, b.dependsOn)) changes.push(`depends on: [${a.dependsOn.join(', ')}] → [${b.dependsOn.join(', ')}]`);
      if (!sameValue(a.entities, b.entities)) changes.push(`entities: [${a.entities.join(', ')}] → [${b.entities.join(', ')}]`);
      if (a.owner !== b.owner) changes.push(`owner: ${a.owner ?? 'none'} → ${b.owner ?? 'none'}`);
      return { module: m, changes };
    }).filter((m) => m.changes.length > 0),
    tablesAdded: sortedKeys(newTables).filter((t) => !oldTables.has(t)),
    tablesRemoved: sortedKeys(oldTables).filter((t) => !newTables.has(t)),
    tablesChanged: sortedKeys(newTables).filter((t) => oldTables.has(t))
      .map((t) => tableDiff(oldTables.get(t)!, newTables.get(t)!))
      .filter((d): d is TableDiff => d !== null),
    endpointsAdded: [...newEndpoints].filter((e) => !oldEndpoints.has(e)).sort(compareNames),
    endpointsRemoved: [...oldEndpoints].filter((e) => !newEndpoints.has(e)).sort(compareNames),
  };
}
