// Which old table and column each new one continues, through `renamed_from` on modules, entities and fields.
// A rename counts only when the old spec has the old name and the new spec no longer does (otherwise the old name
// is still in use and the new one is an addition).
import type { ArchitectureModel, ColumnModel, TableModel } from '../model/types.js';
import type { NormalizedEntity } from '../spec/normalized.js';

/** A new table and the old table it continues (null: a new table). */
export interface TablePair {
  old: TableModel | null;
  now: TableModel;
}

function entityOf(model: ArchitectureModel, name: string): NormalizedEntity | undefined {
  return model.spec.entities.find((e) => e.name === name);
}

/** The old entity a new one continues: its `renamed_from` when that is a rename, else the same name. */
function previousEntity(oldModel: ArchitectureModel, newModel: ArchitectureModel, entity: string): string {
  const renamedFrom = entityOf(newModel, entity)?.renamed_from;
  if (renamedFrom !== undefined && entityOf(oldModel, renamedFrom) !== undefined && entityOf(newModel, renamedFrom) === undefined) {
    return renamedFrom;
  }
  return entity;
}

export function pairTables(oldModel: ArchitectureModel, newModel: ArchitectureModel): TablePair[] {
  return newModel.tables.map((now) => {
    const previous = previousEntity(oldModel, newModel, now.entity);
    return { old: oldModel.tables.find((t) => t.entity === previous) ?? null, now };
  });
}

/** Old modules the new spec renamed, new name → old name. */
export function renamedModules(oldModel: ArchitectureModel, newModel: ArchitectureModel): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const module of newModel.spec.modules) {
    const from = module.renamed_from;
    if (from === undefined) continue;
    if (oldModel.spec.modules.some((m) => m.name === from) && !newModel.spec.modules.some((m) => m.name === from)) renamed.set(module.name, from);
  }
  return renamed;
}

/**
 * The old column a new one continues: the same field (or the field it was renamed from), or a column archc adds
 * (key, tenant_id) by name. Null for a new column.
 */
export function previousColumn(pair: TablePair, oldModel: ArchitectureModel, newModel: ArchitectureModel, column: ColumnModel): ColumnModel | null {
  const old = pair.old;
  if (old === null) return null;
  if (column.synthetic === true) return old.columns.find((c) => c.name === column.name) ?? null;
  const oldEntity = entityOf(oldModel, old.entity);
  const newEntity = entityOf(newModel, pair.now.entity);
  const field = newEntity?.fields.find((f) => f.name === column.field);
  const from = field?.renamed_from;
  const renamed = from !== undefined && oldEntity?.fields.some((f) => f.name === from) === true && newEntity?.fields.some((f) => f.name === from) !== true;
  const oldField = renamed ? from : column.field;
  return old.columns.find((c) => c.synthetic !== true && c.field === oldField)
    ?? old.columns.find((c) => c.name === column.name) ?? null;
}
