// Runs the precompiled schema validator and maps each ajv error to one located, readable diagnostic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import type { ErrorObject } from 'ajv';
import { validate } from './generated/system-validator.js';
import type { DiagnosticCollector } from '../diagnostics/diagnostic.js';
import { findNode, type SourceSpan } from '../load/locator.js';
import { MAX_SCHEMA_DIAGNOSTICS } from '../load/limits.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { packageRoot } from '../package-root.js';
import { didYouMean } from './suggest.js';

type Segment = string | number;
type JsonSchema = Record<string, unknown>;

let schemaCache: JsonSchema | null = null;
function schema(): JsonSchema {
  schemaCache ??= JSON.parse(readFileSync(join(packageRoot(), 'schema', 'system.schema.json'), 'utf8')) as JsonSchema;
  return schemaCache;
}

/** Follows a schema path like `#/definitions/Entity/additionalProperties`, resolving $refs on the way. */
function schemaAt(schemaPath: string): JsonSchema | undefined {
  let node: unknown = schema();
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node as JsonSchema | undefined;
}

function resolveRef(node: JsonSchema | undefined): JsonSchema | undefined {
  const ref = node?.['$ref'];
  return typeof ref === 'string' ? resolveRef(schemaAt(ref)) : node;
}

const NAME_PATTERNS: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'a kebab-case name (lower-case letters and digits, words joined by "-", starting with a letter)',
  '^[A-Z][A-Za-z0-9]*$': 'a PascalCase name (letters and digits, starting with an upper-case letter)',
  '^[a-z][a-z0-9]*(_[a-z0-9]+)*$': 'a snake_case name (lower-case letters and digits, words joined by "_", starting with a letter)',
  '^[a-z]{2}(-[a-z0-9]+)*$': 'a region code such as eu, us, de or eu-west-1',
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)?$': 'a decision id such as cache or consistency.<flow>',
};

function pointerSegments(pointer: string, value: unknown): Segment[] {
  if (pointer === '') return [];
  const segments: Segment[] = [];
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: Segment = Array.isArray(current) && /^\d+$/.test(part) ? Number(part) : part;
    segments.push(segment);
    current = (current as Record<string | number, unknown> | undefined)?.[segment];
  }
  return segments;
}

/** A readable path: list items by their name (or id) when they have one, e.g. `entities.Appointment.fields.status`. */
export function describePath(segments: readonly Segment[], value: unknown): string {
  if (segments.length === 0) return 'the top level';
  const parts: string[] = [];
  let current = value;
  let parentKey: Segment | undefined;
  for (const segment of segments) {
    const next = (current as Record<string | number, unknown> | undefined)?.[segment];
    if (typeof segment === 'number') {
      const nameKey = parentKey === 'decisions' ? 'id' : 'name';
      const name = (next as Record<string, unknown> | undefined)?.[nameKey];
      parts.push(typeof name === 'string' && name !== '' ? name : String(segment));
    } else {
      parts.push(segment);
    }
    parentKey = segment;
    current = next;
  }
  return parts.join('.');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

function expectedType(type: unknown): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => ({ object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer',
    number: 'a number', boolean: 'true or false', null: 'null' } as Record<string, string>)[String(t)] ?? String(t)).join(' or ');
}

interface Located {
  span: SourceSpan | undefined;
  source: string | undefined;
}

function locate(loaded: LoadedSpec, segments: readonly Segment[], part: 'key' | 'value' | 'mapping-start'): Located {
  const found = findNode(loaded.doc, segments);
  let node: Node | null | undefined = part === 'key' ? found?.key ?? found?.value : found?.value;
  if (!node && segments.length > 0) return locate(loaded, segments.slice(0, -1), 'value');
  if (!node?.range) return { span: undefined, source: undefined };
  if (part === 'mapping-start') {
    return { span: { start: node.range[0], end: node.range[0] + 1 }, source: undefined };
  }
  const source = isScalar(node) ? loaded.text.slice(node.range[0], node.range[1]) : undefined;
  return { span: { start: node.range[0], end: node.range[1] }, source };
}

function keySpan(loaded: LoadedSpec, segments: readonly Segment[], key: string): SourceSpan | undefined {
  const found = findNode(loaded.doc, segments);
  const mapNode = found?.value;
  if (isMap(mapNode)) {
    const pair = mapNode.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return { start: keyNode.range[0], end: keyNode.range[1] };
  }
  return locate(loaded, segments, 'value').span;
}

/** Whether the schema at this path names something (a kebab/Pascal/snake pattern): used for the quoting hint. */
function isNameSchema(node: JsonSchema | undefined): boolean {
  const resolved = resolveRef(node);
  return typeof resolved?.['pattern'] === 'string' && NAME_PATTERNS[resolved['pattern'] as string] !== undefined;
}

/** Whether a simple `if` (required keys, const properties) holds for a value: enough for this schema's conditions. */
function ifHolds(condition: JsonSchema, value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const required = (condition['required'] as string[] | undefined) ?? [];
  if (!required.every((key) => key in record)) return false;
  const properties = (condition['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  return Object.entries(properties).every(([key, sub]) => !('const' in sub) || record[key] === sub['const']);
}

/**
 * The schema that applies at an instance path, following $ref, properties, items and if/then/else.
 * (The standalone validator reports schema paths relative to each compiled definition, so they cannot be used.)
 */
function schemaForInstance(segments: readonly Segment[], value: unknown): JsonSchema | undefined {
  let node = resolveRef(schema());
  let current = value;
  const settle = (): void => {
    for (let guard = 0; node && guard < 8; guard++) {
      node = resolveRef(node);
      const condition = node?.['if'] as JsonSchema | undefined;
      // Only a schema that is nothing but its branches (Access) is replaced by one; conditions on a schema with
      // its own properties (Field, Flow) only add requirements, and its properties must stay visible.
      if (!condition || !node?.['then'] || !node['else'] || node['properties']) break;
      node = (ifHolds(condition, current) ? node['then'] : node['else']) as JsonSchema;
    }
  };
  settle();
  for (const segment of segments) {
    if (!node) return undefined;
    const properties = node['properties'] as Record<string, JsonSchema> | undefined;
    if (typeof segment === 'number') {
      node = node['items'] as JsonSchema | undefined;
    } else {
      node = properties?.[segment];
    }
    current = (current as Record<string | number, unknown> | undefined)?.[segment];
    settle();
  }
  return node;
}

/**
 * Keeps what the author needs to fix: drops ajv's `if` summaries, and for `identity` (one mechanism or a list)
 * reports the list item problems when a list was given, else one summary instead of both branches' errors.
 */
function pruneErrors(errors: readonly ErrorObject[], value: unknown): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.instancePath === '/auth/identity' || error.instancePath.startsWith('/auth/identity/')) {
      const identity = (value as { auth?: { identity?: unknown } }).auth?.identity;
      if (Array.isArray(identity)) {
        if (error.instancePath === '/auth/identity' && (error.keyword === 'anyOf' || error.keyword === 'enum' || error.keyword === 'type')) continue;
      } else if (error.keyword !== 'anyOf') {
        continue;
      }
    }
    kept.push(error);
  }
  return kept;
}

function reportOne(error: ErrorObject, loaded: LoadedSpec, report: DiagnosticCollector): void {
  const value = loaded.value;
  const segments = pointerSegments(error.instancePath, value);
  const where = describePath(segments, value);
  const instance = segments.reduce<unknown>((v, s) => (v as Record<string | number, unknown> | undefined)?.[s], value);
  const params = error.params as Record<string, unknown>;
  const schemaNode = schemaForInstance(segments, value);

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const properties = Object.keys((schemaNode?.['properties'] as Record<string, unknown> | undefined) ?? {});
      report.report('ARC0201', { key, where, suggestion: didYouMean(key, properties) }, keySpan(loaded, segments, key));
      return;
    }
    case 'required': {
      const missing = String(params['missingProperty']);
      if (error.schemaPath.endsWith('/dependencies/tenants/required')) {
        report.report('ARC0212', {}, keySpan(loaded, segments, 'tenants'));
        return;
      }
      // The contract: the start of the mapping that lacks the key; 1:1 at the top level.
      const span = segments.length === 0 ? undefined : locate(loaded, segments, 'mapping-start').span;
      report.report('ARC0202', { key: missing, where: segments.length === 0 ? 'the spec' : where }, span);
      return;
    }
    case 'const': {
      const parent = error.schemaPath;
      if (error.instancePath === '/archc') {
        report.report('ARC0110', { version: describeValue(instance) }, locate(loaded, segments, 'value').span);
      } else if (parent.includes('/dependencies/to/') || parent.includes('/dependencies/values/')) {
        const key = parent.includes('/dependencies/to/') ? 'to' : 'values';
        report.report('ARC0208', { key, type: key === 'to' ? 'ref' : 'enum' }, keySpan(loaded, segments.slice(0, -1), key));
      } else if (parent.includes('/dependencies/schedule/')) {
        report.report('ARC0209', {}, keySpan(loaded, segments.slice(0, -1), 'schedule'));
      } else if (parent.includes('/dependencies/tenants/')) {
        report.report('ARC0212', {}, keySpan(loaded, segments.slice(0, -1), 'tenants'));
      } else {
        report.report('ARC0204', { where, allowed: JSON.stringify(params['allowedValue']), actual: describeValue(instance), suggestion: '' }, locate(loaded, segments, 'value').span);
      }
      return;
    }
    case 'type': {
      const located = locate(loaded, segments, 'value');
      if (isNameSchema(schemaNode) && (typeof instance === 'boolean' || instance === null || typeof instance === 'number')
        && located.source !== undefined && located.source !== '') {
        report.report('ARC0313', { where, source: located.source, actual: describeValue(instance) }, located.span);
        return;
      }
      const hint = typeof instance === 'boolean' || instance === null ? ' (quote the value if you meant text)' : '';
      report.report('ARC0203', { where, expected: expectedType(params['type']), actual: describeValue(instance), hint }, located.span);
      return;
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const suggestion = typeof instance === 'string' ? didYouMean(instance, allowed) : '';
      const located = locate(loaded, segments, 'value');
      if (typeof instance === 'boolean' || instance === null) {
        report.report('ARC0204', { where, allowed: allowed.join(', '), actual: describeValue(instance), suggestion: ` (YAML reads ${located.source ?? String(instance)} as ${describeValue(instance)}; quote it)` }, located.span);
        return;
      }
      report.report('ARC0204', { where, allowed: allowed.join(', '), actual: describeValue(instance), suggestion }, located.span);
      return;
    }
    case 'pattern': {
      const pattern = String(params['pattern']);
      const located = locate(loaded, segments, 'value');
      if (pattern === '^[^\\u0000]*$') {
        report.report('ARC0214', { where }, located.span);
      } else if (error.schemaPath.includes('/schedule/')) {
        report.report('ARC0213', { where, actual: describeValue(instance) }, located.span);
      } else {
        report.report('ARC0205', { where, actual: describeValue(instance), pattern: NAME_PATTERNS[pattern] ?? `matching ${pattern}` }, located.span);
      }
      return;
    }
    case 'maxLength':
      report.report('ARC0210', { where, limit: Number(params['limit']) }, locate(loaded, segments, 'value').span);
      return;
    case 'minItems':
      report.report('ARC0211', { where, limit: Number(params['limit']) }, locate(loaded, segments, 'value').span);
      return;
    case 'minLength':
      report.report('ARC0211', { where, limit: Number(params['limit']) }, locate(loaded, segments, 'value').span);
      return;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[error.keyword];
      report.report('ARC0206', { where, bound: `${op} ${String(params['limit'])}`, actual: describeValue(instance) }, locate(loaded, segments, 'value').span);
      return;
    }
    case 'uniqueItems': {
      const j = Number(params['i']);
      const duplicate = (instance as unknown[])[j];
      report.report('ARC0207', { where, actual: describeValue(duplicate) }, locate(loaded, [...segments, j], 'value').span);
      return;
    }
    case 'anyOf': {
      // Only `auth.identity` uses anyOf: one mechanism or a list of them.
      const allowed = 'oidc, saml, password, api-key (or a list of them)';
      const suggestion = typeof instance === 'string' ? didYouMean(instance, ['oidc', 'saml', 'password', 'api-key']) : '';
      report.report('ARC0204', { where, allowed, actual: describeValue(instance), suggestion }, locate(loaded, segments, 'value').span);
      return;
    }
    default:
      report.report('ARC0203', { where, expected: error.message ?? 'a valid value', actual: describeValue(instance), hint: '' }, locate(loaded, segments, 'value').span);
  }
}

/** Validates the loaded value against the schema; reports into `report`. Returns true when valid. */
export function validateSchema(loaded: LoadedSpec, report: DiagnosticCollector): boolean {
  const value = loaded.value;
  // A different language version: report only that, since the rest may be valid in that version.
  if (value && typeof value === 'object' && !Array.isArray(value) && 'archc' in value && (value as { archc: unknown }).archc !== 1) {
    const located = locate(loaded, ['archc'], 'value');
    report.report('ARC0110', { version: describeValue((value as { archc: unknown }).archc) }, located.span);
    return false;
  }
  if (validate(value)) return true;
  const all = (validate as unknown as { errors: ErrorObject[] }).errors ?? [];
  const seen = new Set<string>();
  for (const error of pruneErrors(all, value)) {
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reportOne(error, loaded, report);
    if (seen.size >= MAX_SCHEMA_DIAGNOSTICS) break;
  }
  return false;
}
