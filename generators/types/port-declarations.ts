// Declarations of types/ports.ts: one port per module with its exposed operations and the flows it owns.
import type { InterfaceDeclarationStructure, MethodSignatureStructure, OptionalKind } from 'ts-morph';
import type { ArchitectureModel, FlowModel, TableModel } from '../../src/model/types.js';
import { camelCase, operationId as defaultOperationId } from '../../src/model/naming.js';
import { compareNames } from '../../src/spec/normalize.js';
import { findBy } from '../../src/model/find-by.js';
import { NameAllocator } from '../api/name-allocator.js';
import { keyColumn } from '../api/surface.js';
import { jsDocText, memberName, stringLiteral } from './ts-text.js';
import type { TypeNames } from './type-names.js';

type Interface = OptionalKind<InterfaceDeclarationStructure>;
type Method = OptionalKind<MethodSignatureStructure>;
type Op = TableModel['api'][number];

/** The namespace ports.ts imports entities.ts under, so no entity name can shadow a port or a global. */
export const ENTITIES_NAMESPACE = 'Entities';

const OP_ORDER: readonly Op[] = ['create', 'read', 'list', 'update', 'delete'];

// Plain strings print as { description } structures would, without a scratch writer each (see entity-declarations.ts).
const doc = (text: string) => [jsDocText(text)];
const entityType = (name: string) => `${ENTITIES_NAMESPACE}.${name}`;

function operationIdOf(model: ArchitectureModel, table: TableModel, op: Op): string {
  const resource = findBy(model.api.resources, 'entity', table.entity);
  return resource?.operations.find((o) => o.op === op)?.operationId ?? defaultOperationId(op, table.entity);
}

function operationMethod(model: ArchitectureModel, names: TypeNames, table: TableModel, op: Op, methodName: string): Method {
  const entity = names.entities.get(table.entity)!;
  const row = entityType(entity.entity);
  const key = keyColumn(table);
  const keyType = key ? `${row}[${stringLiteral(key.name)}]` : 'string';
  const name = memberName(methodName);
  switch (op) {
    case 'create': return { name, parameters: [{ name: 'input', type: entity.create ? entityType(entity.create) : row }], returnType: `Promise<${row}>`, docs: doc(`Creates one ${table.entity}.`) };
    case 'read': return { name, parameters: [{ name: 'key', type: keyType }], returnType: `Promise<${row} | null>`, docs: doc(`The ${table.entity} with this key, or null.`) };
    case 'list': return { name, parameters: [{ name: 'page', type: names.pageRequest }], returnType: `Promise<${names.page}<${row}>>`, docs: doc(`${table.entity} records, one page at a time.`) };
    case 'update': return { name, parameters: [{ name: 'key', type: keyType }, { name: 'patch', type: entity.update ? entityType(entity.update) : `Partial<${row}>` }], returnType: `Promise<${row}>`, docs: doc(`Changes the given fields of one ${table.entity}.`) };
    case 'delete': return { name, parameters: [{ name: 'key', type: keyType }], returnType: 'Promise<void>', docs: doc(`Deletes one ${table.entity}.`) };
  }
}

function recordType(entries: Array<[key: string, type: string]>, optional: boolean): string {
  const separator = optional ? '?: ' : ': ';
  return entries.length > 0 ? `{ ${entries.map(([key, type]) => `${memberName(key)}${separator}${type}`).join('; ')} }` : 'Record<string, never>';
}

function flowMethod(flow: FlowModel, tables: Map<string, TableModel>, names: TypeNames, methodName: string): Method {
  const touched = flow.touches.map((e) => tables.get(e)).filter((t): t is TableModel => t !== undefined);
  const written = flow.writes.map((e) => tables.get(e)).filter((t): t is TableModel => t !== undefined);
  const input = recordType(touched.map((t) => [t.name, `Partial<${entityType(names.entities.get(t.entity)!.entity)}>`]), true);
  const results = written.length > 0 ? written : touched;
  const output = recordType(results.map((t) => [t.name, `${entityType(names.entities.get(t.entity)!.entity)}[]`]), false);
  const summary = [
    `Flow ${flow.name} (${flow.kind}, ${flow.consistency} consistency${flow.synchronous ? '' : ', asynchronous'}).`,
    flow.description,
    `Input: known fields of the touched records, keyed by table. Result: the ${written.length > 0 ? 'written' : 'read'} records, keyed by table.`,
  ].filter((line) => line.length > 0);
  return { name: memberName(methodName), parameters: [{ name: 'input', type: input }], returnType: `Promise<${output}>`, docs: doc(summary.join('\n')) };
}

/** Whether any method signature names an entity type (else ports.ts must not import entities.ts: the import would be unused). */
export function referencesEntities(ports: Interface[]): boolean {
  const prefix = `${ENTITIES_NAMESPACE}.`;
  return ports.some((port) => (port.methods ?? []).some((m) =>
    String(m.returnType ?? '').includes(prefix) || (m.parameters ?? []).some((p) => String(p.type ?? '').includes(prefix))));
}

export function portDeclarations(model: ArchitectureModel, names: TypeNames): Interface[] {
  const tables = new Map(names.tables.map((t) => [t.entity, t]));
  const flows = [...model.flows].sort((a, b) => compareNames(a.name, b.name));
  // The same owner the proposal names for the flow, so a flow sits in one port only.
  const owners = new Map(model.flows.map((f) => [f.name, f.owner]));
  return [...names.ports.entries()].map(([module, portName]) => {
    const methodNames = new NameAllocator();
    const methods: Method[] = [];
    for (const table of names.tables.filter((t) => t.module === module)) {
      for (const op of OP_ORDER.filter((o) => table.api.includes(o))) {
        methods.push(operationMethod(model, names, table, op, methodNames.allocate(operationIdOf(model, table, op))));
      }
    }
    for (const flow of flows.filter((f) => owners.get(f.name) === module)) {
      const base = camelCase(flow.name);
      methods.push(flowMethod(flow, tables, names, methodNames.allocate(base, `${base}Flow`)));
    }
    const description = model.modules.find((m) => m.name === module)?.description;
    return {
      name: portName,
      isExported: true,
      docs: doc(`${description ? `${module}: ${description}` : `Module ${module}.`}\nImplemented by the module; other modules call it only through this port.`),
      methods,
    };
  });
}
