// The decision catalogue of system-yaml.md: closed choices per decision id, in the order model.decisions lists them.

export const catalogue = {
  shape: ['modular-monolith', 'microservices', 'serverless', 'hybrid'],
  'primary-store': ['postgresql', 'none'],
  cache: ['none', 'redis'],
  messaging: ['none', 'queue', 'event-log'],
  search: ['none', 'postgres-fts', 'search-engine'],
  'blob-store': ['none', 'object-storage'],
  'external-api': ['none', 'rest', 'graphql', 'grpc'],
  realtime: ['none', 'sse', 'websocket'],
  'internal-comm': ['in-process', 'rest', 'grpc', 'events'],
  tenancy: ['none', 'shared-schema', 'schema-per-tenant', 'database-per-tenant'],
  deployment: ['single-zone', 'multi-zone', 'multi-region-active-passive', 'multi-region-active-active'],
  consistency: ['strong', 'eventual'],
} as const;

export type CatalogueKey = keyof typeof catalogue;
export type Choice<K extends CatalogueKey> = (typeof catalogue)[K][number];

/** Fixed decision ids in model order; `consistency.<flow>` ids follow them, sorted by flow name. */
export const fixedDecisionIds = [
  'shape', 'primary-store', 'cache', 'messaging', 'search', 'blob-store',
  'external-api', 'realtime', 'internal-comm', 'tenancy', 'deployment',
] as const;

export const CONSISTENCY_PREFIX = 'consistency.';

/** The catalogue entry a decision id uses (`consistency.<flow>` → consistency), or null for an unknown id. */
export function catalogueKeyOf(id: string): CatalogueKey | null {
  if (id.startsWith(CONSISTENCY_PREFIX) && id.length > CONSISTENCY_PREFIX.length) return 'consistency';
  return (fixedDecisionIds as readonly string[]).includes(id) ? (id as CatalogueKey) : null;
}

/** The choices allowed for a decision id, or null for an unknown id. */
export function choicesOf(id: string): readonly string[] | null {
  const key = catalogueKeyOf(id);
  return key === null ? null : catalogue[key];
}
