// The GraphQL artifact: SDL with an object type per exposed entity, Relay-style connections and input types.
import type { ArchitectureModel, ColumnModel } from '../../src/model/types.js';
import { wellFormed } from './well-formed.js';
import { NameAllocator } from './name-allocator.js';
import { camelCase, constantCase, pascalCase } from '../../src/model/naming.js';
import { columnWireNotes, type ExposedEntity, exposedEntities, isSecretLike, operation, requiredOnCreate, wireType } from './surface.js';

/** Names GraphQL defines or this emitter declares, so no entity type may take them. */
const BUILT_IN_TYPES = ['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID'];

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A block string on its own lines: `"""` inside is escaped, and a trailing `"` cannot merge with the closing quotes. */
export function blockString(text: string, indent: string): string[] {
  const lines = wellFormed(text).replace(/"""/g, '\\"""').split(/\r\n|\r|\n/);
  return [`${indent}"""`, ...lines.map((line) => (line.length > 0 ? `${indent}${line}` : '')), `${indent}"""`];
}

interface EnumType {
  name: string;
  /** [GraphQL value, original value] pairs. */
  values: Array<[string, string]>;
}

/** An enum value keeps its spelling when it is a legal GraphQL name; otherwise it is upper-snaked and made unique. */
function enumValues(values: readonly string[]): Array<[string, string]> {
  const allocator = new NameAllocator(['true', 'false', 'null']);
  return values.map((value) => {
    const legal = GRAPHQL_NAME.test(value) && !['true', 'false', 'null'].includes(value);
    const shaped = constantCase(value);
    const fallback = shaped.length === 0 ? 'VALUE' : /^[0-9]/.test(shaped) ? `_${shaped}` : shaped;
    return [legal ? allocator.allocate(value, fallback) : allocator.allocate(fallback), value];
  });
}

interface TypeNames {
  object: string;
  create: string;
  update: string;
  connection: string;
  edge: string;
}

class SdlNames {
  readonly allocator: NameAllocator;
  readonly types = new Map<string, TypeNames>();
  readonly enums = new Map<string, EnumType>();
  readonly pageInfo: string;
  jsonScalar: string | null = null;

  constructor(entities: ExposedEntity[]) {
    this.allocator = new NameAllocator(BUILT_IN_TYPES);
    for (const e of entities) this.types.set(e.table.entity, { object: this.allocator.allocate(e.table.entity), create: '', update: '', connection: '', edge: '' });
    this.pageInfo = this.allocator.allocate('PageInfo');
    for (const e of entities) {
      const base = this.types.get(e.table.entity)!;
      base.create = this.allocator.allocate(`${base.object}CreateInput`);
      base.update = this.allocator.allocate(`${base.object}UpdateInput`);
      base.connection = this.allocator.allocate(`${base.object}Connection`);
      base.edge = this.allocator.allocate(`${base.object}Edge`);
      for (const c of e.columns) {
        if (c.type !== 'enum') continue;
        this.enums.set(`${e.table.entity}.${c.name}`, { name: this.allocator.allocate(`${base.object}${pascalCase(c.name)}`), values: enumValues(c.enumValues ?? []) });
      }
    }
    if (entities.some((e) => e.columns.some((c) => c.type === 'json'))) this.jsonScalar = this.allocator.allocate('JSON');
  }
}

function scalarType(column: ColumnModel, entity: ExposedEntity, names: SdlNames): string {
  const type = wireType(column);
  switch (type) {
    case 'uuid': return column.key || column.type === 'ref' ? 'ID' : 'String';
    case 'int': return 'Int';
    case 'bool': return 'Boolean';
    case 'enum': return names.enums.get(`${entity.table.entity}.${column.name}`)!.name;
    case 'json': return names.jsonScalar!;
    default: return column.key || column.type === 'ref' ? 'ID' : 'String';
  }
}

const TYPE_NOTES: Partial<Record<ColumnModel['type'], string>> = {
  bigint: '64-bit integer as a decimal string (GraphQL Int is 32-bit).',
  decimal: 'Exact decimal as a string, never a float.',
  money: 'Money amount as an exact decimal string, never a float.',
  date: 'ISO 8601 calendar date.',
  timestamp: 'RFC 3339 timestamp with offset.',
  blob: 'Object-storage key of the blob; the bytes never travel through this API.',
};

function fieldDescription(column: ColumnModel): string | null {
  const parts = columnWireNotes(column, TYPE_NOTES);
  if (isSecretLike(column)) parts.push('Secret: write-only, never returned.');
  return parts.length > 0 ? parts.join(' ') : null;
}

function fieldLines(column: ColumnModel, type: string, nonNull: boolean): string[] {
  const description = fieldDescription(column);
  return [...(description ? blockString(description, '  ') : []), `  ${column.name}: ${type}${nonNull ? '!' : ''}`];
}

function objectType(entity: ExposedEntity, names: SdlNames): string[] {
  const typeNames = names.types.get(entity.table.entity)!;
  const tenant = entity.columns.length !== entity.table.columns.length ? ' tenant_id is not exposed: the server takes the tenant from the caller\'s token.' : '';
  const description = `${entity.table.description || entity.table.entity} (table ${entity.table.schema}.${entity.table.name}).${tenant}`;
  const fields = entity.columns.filter((c) => !isSecretLike(c)).flatMap((c) => fieldLines(c, scalarType(c, entity, names), !c.nullable));
  return [...blockString(description, ''), `type ${typeNames.object} {`, ...fields, '}'];
}

function inputTypes(entity: ExposedEntity, names: SdlNames): string[] {
  const typeNames = names.types.get(entity.table.entity)!;
  const out: string[] = [];
  if (operation(entity, 'create') && entity.createColumns.length > 0) {
    out.push('', ...blockString(`Fields to create one ${entity.table.entity}.`, ''), `input ${typeNames.create} {`,
      ...entity.createColumns.flatMap((c) => fieldLines(c, scalarType(c, entity, names), requiredOnCreate(c))), '}');
  }
  if (operation(entity, 'update') && entity.updateColumns.length > 0) {
    out.push('', ...blockString(`Fields to change on one ${entity.table.entity}; omitted fields keep their value.`, ''), `input ${typeNames.update} {`,
      ...entity.updateColumns.flatMap((c) => fieldLines(c, scalarType(c, entity, names), false)), '}');
  }
  return out;
}

function connectionTypes(entity: ExposedEntity, names: SdlNames): string[] {
  if (!operation(entity, 'list')) return [];
  const t = names.types.get(entity.table.entity)!;
  return [
    '', `type ${t.connection} {`, `  edges: [${t.edge}!]!`, `  pageInfo: ${names.pageInfo}!`, '}',
    '', `type ${t.edge} {`, '  cursor: String!', `  node: ${t.object}!`, '}',
  ];
}

function keyArgument(entity: ExposedEntity, names: SdlNames): string {
  return `${entity.key.name}: ${scalarType(entity.key, entity, names)}!`;
}

/** Root field names: the model's operationIds, made legal GraphQL names and unique. */
function rootFields(entities: ExposedEntity[], names: SdlNames): { query: string[]; mutation: string[] } {
  const query: string[] = [];
  const mutation: string[] = [];
  const fieldNames = new NameAllocator();
  const fieldName = (operationId: string) => fieldNames.allocate(GRAPHQL_NAME.test(operationId) ? operationId : camelCase(operationId.replace(/[^A-Za-z0-9]+/g, '-')) || 'operation');
  for (const e of entities) {
    const t = names.types.get(e.table.entity)!;
    const read = operation(e, 'read');
    if (read) query.push(`  ${fieldName(read.operationId)}(${keyArgument(e, names)}): ${t.object}`);
    const list = operation(e, 'list');
    if (list) query.push(`  ${fieldName(list.operationId)}(first: Int = 20, after: String): ${t.connection}!`);
    const create = operation(e, 'create');
    if (create) mutation.push(`  ${fieldName(create.operationId)}${e.createColumns.length > 0 ? `(input: ${t.create}!)` : ''}: ${t.object}!`);
    const update = operation(e, 'update');
    if (update) mutation.push(`  ${fieldName(update.operationId)}(${keyArgument(e, names)}${e.updateColumns.length > 0 ? `, input: ${t.update}!` : ''}): ${t.object}!`);
    const remove = operation(e, 'delete');
    if (remove) mutation.push(`  ${fieldName(remove.operationId)}(${keyArgument(e, names)}): ID!`);
  }
  return { query, mutation };
}

function enumDefinitions(names: SdlNames): string[] {
  const out: string[] = [];
  for (const key of [...names.enums.keys()].sort()) {
    const { name, values } = names.enums.get(key)!;
    out.push('', `enum ${name} {`);
    for (const [graphqlValue, original] of values) {
      if (graphqlValue !== original) out.push(...blockString(`Stored as ${JSON.stringify(original)}.`, '  '));
      out.push(`  ${graphqlValue}`);
    }
    out.push('}');
  }
  return out;
}

export function buildGraphqlSchema(model: ArchitectureModel): string {
  const entities = exposedEntities(model);
  const names = new SdlNames(entities);
  const { query, mutation } = rootFields(entities, names);
  const lines: string[] = [
    ...blockString(`${model.spec.system.name} API ${model.api.version}. ${model.spec.system.summary}`, ''),
    'schema {', '  query: Query', ...(mutation.length > 0 ? ['  mutation: Mutation'] : []), '}',
    '', 'type Query {',
    ...(query.length > 0 ? query : [...blockString('API version; the schema exposes no read operations.', '  '), '  apiVersion: String!']),
    '}',
  ];
  if (mutation.length > 0) lines.push('', 'type Mutation {', ...mutation, '}');
  if (entities.some((e) => operation(e, 'list'))) {
    lines.push('', ...blockString('Cursor pagination state of a connection.', ''), `type ${names.pageInfo} {`, '  hasNextPage: Boolean!', '  endCursor: String', '}');
  }
  if (names.jsonScalar) lines.push('', ...blockString('Free-form JSON value.', ''), `scalar ${names.jsonScalar}`);
  for (const e of entities) lines.push('', ...objectType(e, names), ...inputTypes(e, names), ...connectionTypes(e, names));
  lines.push(...enumDefinitions(names));
  return `${lines.join('\n')}\n`;
}
