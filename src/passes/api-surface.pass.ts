// The external API surface (rulebook step 5): one resource per entity with `api` operations, versioned under /v1,
// with HTTP methods and operation ids every API artifact shares.
import type { ApiModel, ApiOperationModel, ApiResourceModel, ArchitectureModel } from '../model/types.js';
import { columnName, operationId, resourceSegment, tableName } from '../model/naming.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedEntity, NormalizedSpec } from '../spec/normalized.js';
import { choiceOr } from './derived/decision-lookup.js';
import { definePass } from './pass.js';

export const API_VERSION = 'v1';

const STYLES = new Set<ApiModel['style']>(['none', 'rest', 'graphql', 'grpc']);

function operationOf(op: ApiOperationModel['op'], entity: string, collectionPath: string, itemPath: string): ApiOperationModel {
  const id = operationId(op, entity);
  switch (op) {
    case 'list': return { op, method: 'GET', path: collectionPath, operationId: id };
    case 'create': return { op, method: 'POST', path: collectionPath, operationId: id };
    case 'read': return { op, method: 'GET', path: itemPath, operationId: id };
    case 'update': return { op, method: 'PATCH', path: itemPath, operationId: id };
    case 'delete': return { op, method: 'DELETE', path: itemPath, operationId: id };
  }
}

export function resourceOf(entity: NormalizedEntity, basePath: string): ApiResourceModel {
  const collectionPath = `${basePath}/${resourceSegment(entity.name)}`;
  const key = entity.fields.find((f) => f.key);
  const itemPath = `${collectionPath}/{${key === undefined ? 'id' : columnName(key)}}`;
  return {
    entity: entity.name,
    table: tableName(entity.name),
    module: entity.module,
    collectionPath,
    itemPath,
    operations: entity.api.map((op) => operationOf(op, entity.name, collectionPath, itemPath)),
  };
}

export function buildApi(spec: NormalizedSpec, style: string): ApiModel {
  const apiStyle: ApiModel['style'] = STYLES.has(style as ApiModel['style']) ? (style as ApiModel['style']) : 'none';
  const basePath = `/${API_VERSION}`;
  const resources = apiStyle === 'none'
    ? []
    : spec.entities.filter((e) => e.api.length > 0).map((e) => resourceOf(e, basePath)).sort((a, b) => compareNames(a.entity, b.entity));
  return { style: apiStyle, version: API_VERSION, basePath, consumers: [...spec.api.consumers], identity: [...spec.auth.identity], resources };
}

/** The external-api choice the catalogue rule would make when the decision is absent. */
function fallbackStyle(spec: NormalizedSpec): string {
  return spec.entities.some((e) => e.api.length > 0) ? spec.api.style ?? 'rest' : 'none';
}

export const apiSurfacePass = definePass({
  id: 'api-surface',
  title: 'External API surface',
  run: (ctx, model): ArchitectureModel => ({ ...model, api: buildApi(ctx.spec, choiceOr(model, 'external-api', fallbackStyle(ctx.spec))) }),
});
