// JSON Schema (OpenAPI 3.1 dialect) for entity columns and the request/response shapes built from them.
import type { ColumnModel, FieldTypeName } from '../../src/model/types.js';
import { markdownText } from './markdown-text.js';
import {
  type ExposedEntity, isSecretLike, isServerOwned, requiredOnCreate, wireType,
} from './surface.js';

export type JsonSchema = { [key: string]: unknown };

/** Exact decimal as a string: JSON numbers are binary floats and would round money. */
export const DECIMAL_PATTERN = '^-?[0-9]+(\\.[0-9]+)?$';
const INTEGER_PATTERN = '^-?[0-9]+$';

interface WireShape {
  schema: JsonSchema;
  /** Why the wire type is what it is, when it is not obvious. */
  note?: string;
}

function wireShape(type: FieldTypeName, enumValues: readonly string[] | undefined): WireShape {
  switch (type) {
    case 'uuid': return { schema: { type: 'string', format: 'uuid' } };
    case 'string':
    case 'text': return { schema: { type: 'string' } };
    case 'int': return { schema: { type: 'integer', format: 'int32' } };
    case 'bigint': return { schema: { type: 'string', pattern: INTEGER_PATTERN }, note: '64-bit integer sent as a decimal string: JSON numbers lose precision above 2^53.' };
    case 'decimal': return { schema: { type: 'string', pattern: DECIMAL_PATTERN }, note: 'Exact decimal sent as a string, never a binary float.' };
    case 'money': return { schema: { type: 'string', pattern: DECIMAL_PATTERN }, note: 'Money amount as an exact decimal string, never a binary float.' };
    case 'bool': return { schema: { type: 'boolean' } };
    case 'date': return { schema: { type: 'string', format: 'date' }, note: 'ISO 8601 calendar date.' };
    case 'timestamp': return { schema: { type: 'string', format: 'date-time' }, note: 'RFC 3339 timestamp with offset.' };
    case 'json': return { schema: { type: 'object' }, note: 'Free-form JSON object.' };
    case 'enum': return { schema: { type: 'string', enum: [...(enumValues ?? [])] } };
    case 'blob': return { schema: { type: 'string' }, note: 'Object-storage key of the blob: the bytes go to and come from object storage, never inline in this API.' };
    case 'ref': return { schema: { type: 'string', format: 'uuid' } };
  }
}

const SENSITIVITY_NOTE: Partial<Record<ColumnModel['sensitivity'], string>> = {
  pii: 'Personal data (PII): return it only to callers allowed to see it and keep it out of logs.',
  phi: 'Protected health information (PHI): access is audited; keep it out of logs.',
  pci: 'Payment card data (PCI): keep it out of logs and caches.',
};

/** A default fits the schema only when its JSON type matches (a mismatched spec default is left to the DDL). */
function defaultFor(column: ColumnModel, schema: JsonSchema): unknown {
  const value = column.default;
  if (value === undefined || value === null) return undefined;
  if (column.type === 'enum') return column.enumValues?.includes(String(value)) ? value : undefined;
  if (schema.format !== undefined || schema.pattern !== undefined) return undefined;
  if (schema.type === 'string' && typeof value === 'string') return value;
  if (schema.type === 'integer' && typeof value === 'number' && Number.isInteger(value)) return value;
  if (schema.type === 'boolean' && typeof value === 'boolean') return value;
  return undefined;
}

function withNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  return out;
}

export interface PropertyContext {
  /** Response schema: server-owned columns are readOnly. */
  response: boolean;
  /** Nullable columns may be null; in an update every column may be left out but keeps its nullability. */
  nullable: boolean;
}

export function columnSchema(column: ColumnModel, context: PropertyContext): JsonSchema {
  const { schema, note } = wireShape(wireType(column), column.enumValues);
  const descriptions: string[] = [];
  if (column.description) descriptions.push(markdownText(column.description));
  if (column.references) {
    descriptions.push(`Key of the referenced ${markdownText(column.references.entity)} (${column.references.schema}.${column.references.table}.${column.references.column}).`);
  }
  if (note) descriptions.push(note);
  const sensitivity = SENSITIVITY_NOTE[column.sensitivity];
  if (sensitivity) descriptions.push(sensitivity);
  if (context.response && isServerOwned(column)) descriptions.push('Set by the server.');
  if (isSecretLike(column)) descriptions.push('Secret: accepted in requests, never returned.');

  const out: JsonSchema = context.nullable ? withNull(schema) : { ...schema };
  const fallback = defaultFor(column, schema);
  if (fallback !== undefined) out.default = fallback;
  if (descriptions.length > 0) out.description = descriptions.join(' ');
  if (context.response && isServerOwned(column)) out.readOnly = true;
  if (isSecretLike(column)) out.writeOnly = true;
  if (sensitivity) out['x-sensitivity'] = column.sensitivity;
  return out;
}

function objectSchema(description: string, properties: JsonSchema, required: string[]): JsonSchema {
  const out: JsonSchema = { type: 'object', description };
  if (required.length > 0) out.required = required;
  out.properties = properties;
  return out;
}

const TENANT_NOTE = ' `tenant_id` is not part of the API: the server takes the tenant from the access token, so a caller can never address another tenant.';

function entityDescription(entity: ExposedEntity): string {
  const base = entity.table.description ? markdownText(entity.table.description) : `${markdownText(entity.table.entity)} record.`;
  const tenant = entity.table.columns.length !== entity.columns.length ? TENANT_NOTE : '';
  return `${base} Stored in ${entity.table.schema}.${entity.table.name}.${tenant}`;
}

export function responseSchema(entity: ExposedEntity): JsonSchema {
  const properties: JsonSchema = {};
  for (const c of entity.columns) properties[c.name] = columnSchema(c, { response: true, nullable: c.nullable });
  const required = entity.columns.filter((c) => !c.nullable && !isSecretLike(c)).map((c) => c.name);
  return objectSchema(entityDescription(entity), properties, required);
}

export function createSchema(entity: ExposedEntity): JsonSchema {
  const properties: JsonSchema = {};
  for (const c of entity.createColumns) properties[c.name] = columnSchema(c, { response: false, nullable: c.nullable });
  const required = entity.createColumns.filter(requiredOnCreate).map((c) => c.name);
  return objectSchema(`Fields to create one ${markdownText(entity.table.entity)}. Server-set fields (key, audit columns, tenant) are not accepted.`, properties, required);
}

export function updateSchema(entity: ExposedEntity): JsonSchema {
  const properties: JsonSchema = {};
  for (const c of entity.updateColumns) properties[c.name] = columnSchema(c, { response: false, nullable: c.nullable });
  const out = objectSchema(`Partial update of one ${markdownText(entity.table.entity)}: send only the fields to change; absent fields keep their value.`, properties, []);
  // An empty PATCH changes nothing; reject it unless there is nothing to change at all.
  if (entity.updateColumns.length > 0) out.minProperties = 1;
  return out;
}

export function listSchema(entity: ExposedEntity, itemRef: string): JsonSchema {
  return objectSchema(`One page of ${markdownText(entity.table.entity)} records.`, {
    items: { type: 'array', items: { $ref: itemRef } },
    next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` to get the next page; null on the last page.' },
  }, ['items', 'next_cursor']);
}

/** RFC 9457 problem details. */
export function problemSchema(): JsonSchema {
  return objectSchema('Error body (RFC 9457 problem details, media type application/problem+json).', {
    type: { type: 'string', format: 'uri-reference', description: 'URI identifying the problem type.', default: 'about:blank' },
    title: { type: 'string', description: 'Short summary of the problem type.' },
    status: { type: 'integer', format: 'int32', minimum: 100, maximum: 599, description: 'HTTP status code.' },
    detail: { type: 'string', description: 'Explanation of this occurrence.' },
    instance: { type: 'string', format: 'uri-reference', description: 'URI of this occurrence.' },
    errors: {
      type: 'array',
      description: 'Field-level validation failures (422).',
      items: objectSchema('One invalid field.', {
        pointer: { type: 'string', description: 'JSON Pointer to the invalid field in the request body.' },
        detail: { type: 'string', description: 'What is wrong with it.' },
      }, ['pointer', 'detail']),
    },
  }, ['type', 'title', 'status']);
}
