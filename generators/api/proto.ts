// The gRPC artifact: a self-contained proto3 file (no imports, so any parser reads it offline).
import type { ArchitectureModel, ColumnModel, FieldTypeName } from '../../src/model/types.js';
import { NameAllocator } from './name-allocator.js';
import { constantCase, pascalCase } from '../../src/model/naming.js';
import { type ApiOp, columnWireNotes, type ExposedEntity, exposedEntities, isSecretLike, requiredOnCreate, wireType } from './surface.js';
import { wellFormed } from './well-formed.js';
import { compareNames } from '../../src/spec/normalize.js';

/** Free text as `//` comment lines; any line break in the text starts a new comment line. */
function comment(text: string, indent: string): string[] {
  return wellFormed(text).split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => `${indent}//${line.length > 0 ? ` ${line}` : ''}`);
}

/** Wire types without well-known imports: timestamps as RFC 3339 strings, decimals as exact strings. */
const SCALARS: Record<Exclude<FieldTypeName, 'enum' | 'ref'>, string> = {
  uuid: 'string', string: 'string', text: 'string', int: 'int32', bigint: 'int64', decimal: 'string', money: 'string',
  bool: 'bool', date: 'string', timestamp: 'string', json: 'string', blob: 'string',
};

const TYPE_NOTES: Partial<Record<FieldTypeName, string>> = {
  decimal: 'Exact decimal as a string.',
  money: 'Money amount as an exact decimal string.',
  date: 'ISO 8601 calendar date.',
  timestamp: 'RFC 3339 timestamp.',
  json: 'JSON document as text.',
  blob: 'Object-storage key of the blob; the bytes never travel through this API.',
};

interface ProtoEnum {
  name: string;
  /** The zero value proto3 requires. */
  unspecified: string;
  /** [proto value name, original value] pairs. */
  values: Array<[string, string]>;
}

interface ProtoNames {
  messages: Map<string, string>;
  enums: Map<string, ProtoEnum>;
  allocator: NameAllocator;
  enumValues: NameAllocator;
}

function allocateNames(entities: ExposedEntity[]): ProtoNames {
  const allocator = new NameAllocator();
  const enumValues = new NameAllocator();
  const messages = new Map<string, string>();
  const enums = new Map<string, ProtoEnum>();
  for (const e of entities) messages.set(e.table.entity, allocator.allocate(e.table.entity));
  for (const e of entities) {
    for (const c of e.columns.filter((col) => col.type === 'enum')) {
      const name = allocator.allocate(`${messages.get(e.table.entity)}${pascalCase(c.name)}`);
      const prefix = constantCase(name);
      const unspecified = enumValues.allocate(`${prefix}_UNSPECIFIED`);
      const values = (c.enumValues ?? []).map((value): [string, string] => [enumValues.allocate(`${prefix}_${constantCase(value) || 'VALUE'}`), value]);
      enums.set(`${e.table.entity}.${c.name}`, { name, unspecified, values });
    }
  }
  return { messages, enums, allocator, enumValues };
}

function fieldType(column: ColumnModel, entity: ExposedEntity, names: ProtoNames): string {
  if (column.type === 'enum') return names.enums.get(`${entity.table.entity}.${column.name}`)!.name;
  const type = wireType(column);
  return type === 'enum' || type === 'ref' ? 'string' : SCALARS[type];
}

function fieldComment(column: ColumnModel): string | null {
  const parts = columnWireNotes(column, TYPE_NOTES);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Field numbers follow column order over the response columns, so a column keeps its number in every message. */
function fieldNumbers(entity: ExposedEntity): Map<string, number> {
  return new Map(entity.columns.map((c, i) => [c.name, i + 1]));
}

function fieldLine(column: ColumnModel, entity: ExposedEntity, names: ProtoNames, optional: boolean, numbers: Map<string, number>): string[] {
  const note = fieldComment(column);
  return [...(note ? comment(note, '  ') : []), `  ${optional ? 'optional ' : ''}${fieldType(column, entity, names)} ${column.name} = ${numbers.get(column.name)};`];
}

function message(name: string, description: string | null, body: string[]): string[] {
  return ['', ...(description ? comment(description, '') : []), `message ${name} {`, ...body, '}'];
}

function entityMessage(entity: ExposedEntity, names: ProtoNames): string[] {
  const numbers = fieldNumbers(entity);
  const secret = entity.columns.filter(isSecretLike).map((c) => numbers.get(c.name)!);
  const body = entity.columns.filter((c) => !isSecretLike(c)).flatMap((c) => fieldLine(c, entity, names, c.nullable, numbers));
  if (secret.length > 0) body.push('  // Secret fields: write-only, their numbers are never used in responses.', `  reserved ${secret.join(', ')};`);
  const description = `${entity.table.description || entity.table.entity} (table ${entity.table.schema}.${entity.table.name}).${entity.columns.length !== entity.table.columns.length ? ' tenant_id is not sent: the server takes the tenant from the caller\'s token.' : ''}`;
  return message(names.messages.get(entity.table.entity)!, description, body);
}

interface Rpc {
  name: string;
  request: string;
  response: string;
  lines: string[];
}

function keyField(entity: ExposedEntity, names: ProtoNames, numbers: Map<string, number>): string[] {
  return fieldLine(entity.key, entity, names, false, numbers);
}

function rpcFor(op: ApiOp, operationId: string, entity: ExposedEntity, names: ProtoNames, rpcNames: NameAllocator): Rpc {
  const entityMessageName = names.messages.get(entity.table.entity)!;
  const rpcName = rpcNames.allocate(pascalCase(operationId.replace(/[^A-Za-z0-9]+/g, '-')) || `${pascalCase(op)}${entityMessageName}`);
  const request = names.allocator.allocate(`${rpcName}Request`);
  const numbers = fieldNumbers(entity);
  switch (op) {
    case 'read':
      return { name: rpcName, request, response: entityMessageName, lines: message(request, null, keyField(entity, names, numbers)) };
    case 'list': {
      const response = names.allocator.allocate(`${rpcName}Response`);
      return {
        name: rpcName, request, response,
        lines: [
          ...message(request, null, ['  // Page size; the server caps it at 100.', '  int32 page_size = 1;', '  // next_page_token of the previous page; empty for the first page.', '  string page_token = 2;']),
          ...message(response, null, [`  repeated ${entityMessageName} items = 1;`, '  // Empty on the last page.', '  string next_page_token = 2;']),
        ],
      };
    }
    case 'create':
      return { name: rpcName, request, response: entityMessageName, lines: message(request, null, entity.createColumns.flatMap((c) => fieldLine(c, entity, names, !requiredOnCreate(c), numbers))) };
    case 'update':
      return {
        name: rpcName, request, response: entityMessageName,
        lines: message(request, 'Only the fields set are changed.', [...keyField(entity, names, numbers), ...entity.updateColumns.flatMap((c) => fieldLine(c, entity, names, true, numbers))]),
      };
    case 'delete': {
      const response = names.allocator.allocate(`${rpcName}Response`);
      return { name: rpcName, request, response, lines: [...message(request, null, keyField(entity, names, numbers)), ...message(response, null, [])] };
    }
  }
}

function enumDefinitions(names: ProtoNames): string[] {
  const out: string[] = [];
  for (const key of [...names.enums.keys()].sort(compareNames)) {
    const { name, unspecified, values } = names.enums.get(key)!;
    out.push('', `enum ${name} {`, `  ${unspecified} = 0;`);
    values.forEach(([protoName, original], i) => {
      // The original spelling is noted only where the proto name does not spell it plainly.
      if (protoName !== `${constantCase(name)}_${original.toUpperCase()}`) out.push(...comment(`Value ${JSON.stringify(original)}.`, '  '));
      out.push(`  ${protoName} = ${i + 1};`);
    });
    out.push('}');
  }
  return out;
}

export function packageName(systemName: string, version: string): string {
  return `${systemName.replace(/[^A-Za-z0-9]+/g, '_')}.${version.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

export function buildProto(model: ArchitectureModel): string {
  const entities = exposedEntities(model);
  const names = allocateNames(entities);
  const messages: string[] = [];
  const services = new Map<string, string[]>();
  for (const e of entities) messages.push(...entityMessage(e, names));
  const modules = [...new Set(entities.map((e) => e.table.module))].sort(compareNames);
  const serviceNames = new Map(modules.map((m) => [m, names.allocator.allocate(`${pascalCase(m)}Service`)]));
  for (const module of modules) {
    const rpcNames = new NameAllocator();
    const rpcs: string[] = [];
    for (const e of entities.filter((entity) => entity.table.module === module)) {
      for (const op of e.resource.operations) {
        const rpc = rpcFor(op.op, op.operationId, e, names, rpcNames);
        messages.push(...rpc.lines);
        rpcs.push(`  rpc ${rpc.name}(${rpc.request}) returns (${rpc.response});`);
      }
    }
    services.set(module, rpcs);
  }
  const lines = [
    'syntax = "proto3";',
    '',
    ...comment(`${model.spec.system.name} API ${model.api.version}. ${model.spec.system.summary}`, ''),
    `package ${packageName(model.spec.system.name, model.api.version)};`,
    ...enumDefinitions(names),
    ...messages,
  ];
  for (const module of modules) {
    const description = model.modules.find((m) => m.name === module)?.description;
    lines.push('', ...comment(description ? `${module}: ${description}` : `Operations of the ${module} module.`, ''), `service ${serviceNames.get(module)} {`, ...services.get(module)!, '}');
  }
  return `${lines.join('\n')}\n`;
}
