// Exported names of types/: one namespace across entities.ts and ports.ts, because index.ts re-exports both.
import type { ArchitectureModel, TableModel } from '../../src/model/types.js';
import { pascalCase } from '../../src/model/naming.js';
import { compareNames } from '../../src/spec/normalize.js';
import { NameAllocator } from '../api/name-allocator.js';

export interface EntityTypeNames {
  /** The entity interface: the entity name itself. */
  entity: string;
  create: string | null;
  update: string | null;
  /** Column name → union alias of its enum values. */
  enums: Map<string, string>;
}

export interface TypeNames {
  tables: TableModel[];
  entities: Map<string, EntityTypeNames>;
  page: string;
  pageRequest: string;
  /** Module name → port interface name. */
  ports: Map<string, string>;
}

/** Modules that get a port: every module in the model plus any module a table names. */
export function portModules(model: ArchitectureModel): string[] {
  return [...new Set([...model.modules.map((m) => m.name), ...model.tables.map((t) => t.module)])].sort(compareNames);
}

export function allocateTypeNames(model: ArchitectureModel): TypeNames {
  const tables = [...model.tables].sort((a, b) => compareNames(a.entity, b.entity));
  // Entity names are contract names: they are claimed first and never change.
  const allocator = new NameAllocator(tables.map((t) => t.entity));
  const entities = new Map<string, EntityTypeNames>();
  for (const table of tables) {
    const enums = new Map<string, string>();
    for (const column of table.columns) {
      if (column.type === 'enum') enums.set(column.name, allocator.allocate(`${table.entity}${pascalCase(column.name)}`, `${table.entity}${pascalCase(column.name)}Value`));
    }
    entities.set(table.entity, {
      entity: table.entity,
      create: table.api.includes('create') ? allocator.allocate(`${table.entity}Create`, `New${table.entity}`) : null,
      update: table.api.includes('update') ? allocator.allocate(`${table.entity}Update`, `${table.entity}Patch`) : null,
      enums,
    });
  }
  const page = allocator.allocate('Page', 'ResultPage');
  const pageRequest = allocator.allocate('PageRequest', 'PageQuery');
  const ports = new Map(portModules(model).map((m) => [m, allocator.allocate(`${pascalCase(m)}Port`, `${pascalCase(m)}ModulePort`)]));
  return { tables, entities, page, pageRequest, ports };
}
