// Declarations of types/entities.ts: an interface per table, a union alias per enum column, create/update inputs.
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import type { ColumnModel, TableModel } from '../../src/model/types.js';
import { createColumnsOf, requiredOnCreate, updateColumnsOf } from '../api/surface.js';
import { columnNotes, valueType, withNullability } from './column-types.js';
import { jsDocText, memberName, stringLiteral } from './ts-text.js';
import type { EntityTypeNames, TypeNames } from './type-names.js';

type Interface = OptionalKind<InterfaceDeclarationStructure>;
type Alias = OptionalKind<TypeAliasDeclarationStructure>;
type Property = OptionalKind<PropertySignatureStructure>;

// JSDoc as plain strings, not { description } structures: ts-morph prints a string as is, where a structure costs a
// scratch writer per comment (a third of the printing time at 1,000 entities); the text written is the same.
function docs(lines: string[]): string[] {
  return lines.length > 0 ? [jsDocText(lines.join('\n'))] : [];
}

// Only what differs from ts-morph's defaults is set: the structures are copied to the printer thread, ~27,000
// properties at 1,000 entities, and an absent flag or comment prints as false or none.
function property(column: ColumnModel, names: EntityTypeNames, shape: { optional: boolean; readonly: boolean }): Property {
  const out: Property = { name: memberName(column.name), type: withNullability(valueType(column, names.enums.get(column.name)), column.nullable) };
  if (shape.optional) out.hasQuestionToken = true;
  if (shape.readonly) out.isReadonly = true;
  const notes = columnNotes(column);
  if (notes.length > 0) out.docs = docs(notes);
  return out;
}

function entityInterface(table: TableModel, names: EntityTypeNames): Interface {
  const summary = table.description ? [table.description] : [];
  return {
    name: names.entity,
    isExported: true,
    docs: docs([...summary, `Row of table ${table.schema}.${table.name} (module ${table.module}).`]),
    properties: table.columns.map((c) => property(c, names, { optional: c.nullable, readonly: c.key || c.synthetic === true || c.name === 'tenant_id' })),
  };
}

function createInterface(table: TableModel, names: EntityTypeNames, name: string): Interface {
  return {
    name,
    isExported: true,
    docs: docs([`Fields to create one ${table.entity}: the server sets its key (when generated), tenant and audit columns.`]),
    properties: createColumnsOf(table).map((c) => property(c, names, { optional: !requiredOnCreate(c), readonly: false })),
  };
}

function updateInterface(table: TableModel, names: EntityTypeNames, name: string): Interface {
  return {
    name,
    isExported: true,
    docs: docs([`Partial update of one ${table.entity}: absent fields keep their value.`]),
    properties: updateColumnsOf(table).map((c) => property(c, names, { optional: true, readonly: false })),
  };
}

function enumAliases(table: TableModel, names: EntityTypeNames): Alias[] {
  return table.columns.filter((c) => c.type === 'enum').map((c) => {
    const values = c.enumValues ?? [];
    return {
      name: names.enums.get(c.name)!,
      isExported: true,
      docs: docs([`Values of ${table.entity}.${c.name}.`]),
      type: values.length > 0 ? values.map(stringLiteral).join(' | ') : 'never',
    };
  });
}

export interface EntityDeclarations {
  aliases: Alias[];
  interfaces: Interface[];
}

export function entityDeclarations(names: TypeNames): EntityDeclarations {
  const aliases: Alias[] = [];
  const interfaces: Interface[] = [];
  for (const table of names.tables) {
    const entityNames = names.entities.get(table.entity)!;
    aliases.push(...enumAliases(table, entityNames));
    interfaces.push(entityInterface(table, entityNames));
    if (entityNames.create) interfaces.push(createInterface(table, entityNames, entityNames.create));
    if (entityNames.update) interfaces.push(updateInterface(table, entityNames, entityNames.update));
  }
  return { aliases, interfaces };
}
