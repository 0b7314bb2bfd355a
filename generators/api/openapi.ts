// The REST artifact: an OpenAPI 3.1 document built as a plain object (key order = output order).
import type { ArchitectureModel } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { markdownText } from './markdown-text.js';
import {
  type JsonSchema, createSchema, listSchema, problemSchema, responseSchema, updateSchema, columnSchema,
} from './openapi-schemas.js';
import { securitySchemes } from './openapi-security.js';
import { NameAllocator } from './name-allocator.js';
import { type ApiOp, type ExposedEntity, exposedEntities } from './surface.js';

type ErrorStatus = '400' | '401' | '403' | '404' | '409' | '422' | '429' | '500';

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'Malformed request: unparsable body, bad cursor or a path value of the wrong format.' },
  '401': { name: 'Unauthorized', description: 'Missing or invalid credentials.' },
  '403': { name: 'Forbidden', description: 'The caller is authenticated but its role does not allow this operation.' },
  '404': { name: 'NotFound', description: 'No record with this key is visible to the caller.' },
  '409': { name: 'Conflict', description: 'The change conflicts with current state: a unique value is taken or a referencing record exists.' },
  '422': { name: 'UnprocessableContent', description: 'The body is well-formed but fails validation; `errors` lists the fields.' },
  '429': { name: 'TooManyRequests', description: 'Rate limit exceeded; retry after the `Retry-After` seconds.' },
  '500': { name: 'InternalError', description: 'Unexpected server failure; the request may be retried if it is idempotent.' },
};

const OP_ORDER: readonly ApiOp[] = ['list', 'create', 'read', 'update', 'delete'];

const ERRORS_BY_OP: Record<ApiOp, readonly ErrorStatus[]> = {
  list: ['400', '401', '403', '429', '500'],
  create: ['400', '401', '403', '409', '422', '429', '500'],
  read: ['400', '401', '403', '404', '429', '500'],
  update: ['400', '401', '403', '404', '409', '422', '429', '500'],
  delete: ['400', '401', '403', '404', '409', '429', '500'],
};

const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed in the current window (IETF draft RateLimit header fields).', schema: { type: 'integer', minimum: 0 } },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer', minimum: 0 } },
  'RateLimit-Reset': { description: 'Seconds until the current window resets.', schema: { type: 'integer', minimum: 0 } },
  'Retry-After': { description: 'Seconds to wait before retrying (RFC 9110).', schema: { type: 'integer', minimum: 0 } },
} as const;

function rateLimitHeaderRefs(withRetryAfter: boolean): JsonSchema {
  const refs: JsonSchema = {};
  for (const name of Object.keys(RATE_LIMIT_HEADERS)) {
    if (name === 'Retry-After' && !withRetryAfter) continue;
    refs[name] = { $ref: `#/components/headers/${name}` };
  }
  return refs;
}

interface SchemaNames {
  entity: string;
  create: string;
  update: string;
  list: string;
}

interface ComponentNames {
  entities: Map<string, SchemaNames>;
  problem: string;
}

/** Component names: the entity name (kept exactly), then `<Entity>Create` / `<Entity>Update` / `<Entity>List` and `Problem`, never colliding. */
function allocateSchemaNames(entities: ExposedEntity[]): ComponentNames {
  const allocator = new NameAllocator(entities.map((e) => e.table.entity));
  const problem = allocator.allocate('Problem', 'ProblemDetails');
  const names = new Map<string, SchemaNames>();
  for (const e of entities) {
    const base = e.table.entity;
    names.set(base, {
      entity: base,
      create: allocator.allocate(`${base}Create`, `${base}CreateRequest`),
      update: allocator.allocate(`${base}Update`, `${base}UpdateRequest`),
      list: allocator.allocate(`${base}List`, `${base}Page`),
    });
  }
  return { entities: names, problem };
}

const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: JsonSchema): JsonSchema => ({ 'application/json': { schema } });

function pathParameters(path: string, entity: ExposedEntity): JsonSchema[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: `Key of the ${markdownText(entity.table.entity)}.`,
    schema: columnSchema(entity.key, { response: false, nullable: false }),
  }));
}

const PAGINATION_PARAMETERS: JsonSchema[] = [
  { name: 'cursor', in: 'query', required: false, description: 'Opaque cursor from the previous page\'s `next_cursor`; omit for the first page.', schema: { type: 'string' } },
  { name: 'limit', in: 'query', required: false, description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];

/** A retried create (timeout, dropped connection) must not create a second record. */
const IDEMPOTENCY_KEY_PARAMETER: JsonSchema = {
  name: 'Idempotency-Key', in: 'header', required: false,
  description: 'Client-chosen unique key; a retry with the same key returns the first result instead of creating a duplicate.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

interface OperationText {
  summary: string;
  description: string;
}

function operationText(op: ApiOp, entity: ExposedEntity): OperationText {
  const name = markdownText(entity.table.entity);
  switch (op) {
    case 'list': return { summary: `List ${name} records`, description: `Returns ${name} records one page at a time, ordered by key; follow \`next_cursor\` until it is null.` };
    case 'create': return { summary: `Create one ${name}`, description: `Creates one ${name} and returns it with its server-set fields.` };
    case 'read': return { summary: `Get one ${name}`, description: `Returns the ${name} with this key.` };
    case 'update': return { summary: `Update one ${name}`, description: `Changes the fields sent and returns the updated ${name}.` };
    case 'delete': return { summary: `Delete one ${name}`, description: `Deletes the ${name} with this key; fails with 409 while other records reference it.` };
  }
}

function successResponse(op: ApiOp, entity: ExposedEntity, names: SchemaNames): [string, JsonSchema] {
  const headers = rateLimitHeaderRefs(false);
  const name = markdownText(entity.table.entity);
  switch (op) {
    case 'list': return ['200', { description: `A page of ${name} records.`, headers, content: jsonBody(schemaRef(names.list)) }];
    case 'create': return ['201', { description: `The created ${name}.`, headers, content: jsonBody(schemaRef(names.entity)) }];
    case 'read': return ['200', { description: `The ${name}.`, headers, content: jsonBody(schemaRef(names.entity)) }];
    case 'update': return ['200', { description: `The updated ${name}.`, headers, content: jsonBody(schemaRef(names.entity)) }];
    case 'delete': return ['204', { description: `The ${name} was deleted.`, headers }];
  }
}

function requestBody(op: ApiOp, names: SchemaNames): JsonSchema | undefined {
  if (op === 'create') return { required: true, content: jsonBody(schemaRef(names.create)) };
  if (op === 'update') return { required: true, content: jsonBody(schemaRef(names.update)) };
  return undefined;
}

function buildOperation(op: ApiOp, operationId: string, path: string, entity: ExposedEntity, names: SchemaNames, usedErrors: Set<ErrorStatus>): JsonSchema {
  const text = operationText(op, entity);
  const parameters = [
    ...pathParameters(path, entity),
    ...(op === 'list' ? PAGINATION_PARAMETERS : []),
    ...(op === 'create' ? [IDEMPOTENCY_KEY_PARAMETER] : []),
  ];
  const [status, success] = successResponse(op, entity, names);
  const responses: JsonSchema = { [status]: success };
  for (const code of ERRORS_BY_OP[op]) {
    usedErrors.add(code);
    responses[code] = { $ref: `#/components/responses/${ERROR_RESPONSES[code].name}` };
  }
  const out: JsonSchema = { tags: [entity.table.module], summary: text.summary, description: text.description, operationId };
  if (parameters.length > 0) out.parameters = parameters;
  const body = requestBody(op, names);
  if (body) out.requestBody = body;
  out.responses = responses;
  return out;
}

const METHOD_KEY = { GET: 'get', POST: 'post', PATCH: 'patch', DELETE: 'delete' } as const;

function buildPaths(entities: ExposedEntity[], schemaNames: ComponentNames, usedErrors: Set<ErrorStatus>): JsonSchema {
  const paths = new Map<string, JsonSchema>();
  for (const entity of entities) {
    const names = schemaNames.entities.get(entity.table.entity)!;
    const ops = [...entity.resource.operations].sort((a, b) => OP_ORDER.indexOf(a.op) - OP_ORDER.indexOf(b.op));
    for (const op of ops) {
      const item = paths.get(op.path) ?? {};
      item[METHOD_KEY[op.method]] = buildOperation(op.op, op.operationId, op.path, entity, names, usedErrors);
      paths.set(op.path, item);
    }
  }
  const out: JsonSchema = {};
  for (const path of [...paths.keys()].sort(compareNames)) out[path] = paths.get(path);
  return out;
}

function buildSchemas(entities: ExposedEntity[], schemaNames: ComponentNames): JsonSchema {
  const schemas: JsonSchema = {};
  for (const entity of entities) {
    const names = schemaNames.entities.get(entity.table.entity)!;
    const ops = new Set(entity.resource.operations.map((o) => o.op));
    if (ops.has('read') || ops.has('list') || ops.has('create') || ops.has('update')) schemas[names.entity] = responseSchema(entity);
    if (ops.has('create')) schemas[names.create] = createSchema(entity);
    if (ops.has('update')) schemas[names.update] = updateSchema(entity);
    if (ops.has('list')) schemas[names.list] = listSchema(entity, `#/components/schemas/${names.entity}`);
  }
  schemas[schemaNames.problem] = problemSchema();
  const sorted: JsonSchema = {};
  for (const name of Object.keys(schemas).sort(compareNames)) sorted[name] = schemas[name];
  return sorted;
}

function buildErrorResponses(used: Set<ErrorStatus>, problem: string): JsonSchema {
  const out: JsonSchema = {};
  for (const code of Object.keys(ERROR_RESPONSES).sort() as ErrorStatus[]) {
    if (!used.has(code)) continue;
    const { name, description } = ERROR_RESPONSES[code];
    const response: JsonSchema = { description, content: { 'application/problem+json': { schema: schemaRef(problem) } } };
    if (code === '429') response.headers = rateLimitHeaderRefs(true);
    out[name] = response;
  }
  return out;
}

function buildTags(model: ArchitectureModel, entities: ExposedEntity[]): JsonSchema[] {
  const used = [...new Set(entities.map((e) => e.table.module))].sort(compareNames);
  return used.map((name) => {
    const module = model.modules.find((m) => m.name === name);
    const text = module?.description || module?.responsibility;
    return { name, description: text ? markdownText(text) : `Operations of the ${name} module.` };
  });
}

function apiVersion(version: string): string {
  const major = /^v(\d+)$/.exec(version);
  return major ? `${major[1]}.0.0` : version;
}

function rateLimitLines(model: ArchitectureModel): string[] {
  return [...model.security.rateLimits]
    .sort((a, b) => compareNames(a.consumer, b.consumer))
    .map((limit) => markdownText(`Rate limit for ${limit.consumer}: ${limit.requestsPerMinute} requests per minute, ${limit.scope}.`));
}

function infoDescription(model: ArchitectureModel): string {
  return [
    markdownText(model.spec.system.summary),
    '',
    `All paths are under the version prefix \`${model.api.basePath}\`; a breaking change gets a new prefix while the old one stays served for a compatibility window.`,
    'Lists use cursor pagination (`cursor`, `limit`; responses carry `items` and `next_cursor`).',
    'Errors are RFC 9457 problem details (`application/problem+json`). Every response carries the IETF draft `RateLimit-*` headers; a 429 adds `Retry-After`.',
    ...rateLimitLines(model),
  ].join('\n');
}

export function buildOpenApiDocument(model: ArchitectureModel): JsonSchema {
  const entities = exposedEntities(model);
  const schemaNames = allocateSchemaNames(entities);
  const usedErrors = new Set<ErrorStatus>();
  const paths = buildPaths(entities, schemaNames, usedErrors);
  const security = securitySchemes(model.api.identity);
  const components: JsonSchema = {};
  if (entities.length > 0) {
    components.schemas = buildSchemas(entities, schemaNames);
    components.responses = buildErrorResponses(usedErrors, schemaNames.problem);
    components.headers = RATE_LIMIT_HEADERS;
  }
  components.securitySchemes = security.schemes;
  return {
    openapi: '3.1.0',
    info: {
      title: model.spec.system.name,
      version: apiVersion(model.api.version),
      description: infoDescription(model),
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'Same origin as the client; deployments set the host.' }],
    security: security.requirements,
    tags: buildTags(model, entities),
    paths,
    components,
  };
}
