// Search: PostgreSQL full-text search until the searched rows at the horizon justify a dedicated engine.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { decide, findTippingPoint, formatNumber, listProse, smallestAtLeast, type Consequences } from './decision.js';
import { searchedEntities } from './frame/capacity.js';
import { entityVolume, rowsAtYear } from './projection.js';
import { thresholds } from './thresholds.js';

export const searchRules = {
  noSearchAccess: 'search/no-search-access',
  postgresFts: 'search/postgres-fts-volume',
  engine: 'search/engine-volume',
} as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No index to build or store.',
    operations: 'Nothing to keep in sync; lookups use the B-tree indexes of the access patterns.',
  },
  'postgres-fts': {
    cost: 'No new service: a generated tsvector column and a GIN index per searched entity cost disk and some write time on the primary.',
    operations: 'The index is transactionally consistent with its rows; language configuration, ranking and reindexing are ordinary PostgreSQL work.',
  },
  'search-engine': {
    cost: 'A search cluster (three nodes for quorum) plus the indexing pipeline that feeds it from the primary store.',
    operations: 'Results lag the primary store: an outbox-fed indexer, full reindex runbooks, mapping migrations and indexing-lag alerts become new work.',
  },
};

export function searchRule(hasSearch: boolean, searchedRowsAtHorizon: number): string {
  if (!hasSearch) return 'none';
  return searchedRowsAtHorizon >= thresholds.searchEngineRows ? 'search-engine' : 'postgres-fts';
}

function decideSearch(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const horizon = model.capacity.horizonYears;
  const searched = searchedEntities(spec);
  const limit = formatNumber(thresholds.searchEngineRows);
  if (searched.length === 0) {
    return decide(ctx, model, {
      id: 'search', choice: 'none', rule: searchRules.noSearchAccess,
      rationale: 'Build no full-text index because no entity declares a search access pattern: lookups are served by the B-tree indexes of the declared access patterns.',
      rejected: {
        'postgres-fts': 'No entity declares a search access pattern, so a tsvector index would cost writes for no query.',
        'search-engine': 'No entity declares a search access pattern; a search cluster would have nothing to index.',
      },
      uses: ['entities'], tippingPoint: null, consequences,
      contradicts: {
        'postgres-fts': 'no entity declares a search access pattern',
        'search-engine': 'no entity declares a search access pattern',
      },
    });
  }
  const rowsAt = new Map(model.capacity.entities.map((e) => [e.entity, e.rowsAtHorizon]));
  const total = searched.reduce((sum, name) => sum + (rowsAt.get(name) ?? 0), 0);
  const choice = searchRule(true, total);
  // The tipping input: today's rows of the searched entity that is largest at the horizon.
  const largest = [...searched].sort((a, b) => (rowsAt.get(b) ?? 0) - (rowsAt.get(a) ?? 0))[0]!;
  const entity = spec.entities.find((e) => e.name === largest)!;
  const volume = entityVolume(spec, model, largest);
  const others = total - (rowsAt.get(largest) ?? 0);
  const totalAt = (rows: number): number => others + rowsAtYear(rows, volume.rowsPerDay, entity.retention?.days, horizon);
  const tippingPoint = findTippingPoint({
    input: `entities.${largest}.volume.rows`, value: volume.rows, integer: true, min: 0,
    breakpoints: [smallestAtLeast(totalAt, thresholds.searchEngineRows, 0, true)],
    decideAt: (rows) => searchRule(true, totalAt(rows)),
  });
  const perEntity = listProse(searched.map((name) => `${name} ${formatNumber(rowsAt.get(name) ?? 0)}`));
  const volumeProse = `${formatNumber(total)} searched rows at year ${horizon} (${perEntity}; rows + rows_per_day × 365 × years, capped by retention)`;
  const uses = searched.flatMap((name) => {
    const e = spec.entities.find((x) => x.name === name)!;
    return [
      `entities.${name}.access`, `entities.${name}.volume.rows`, `entities.${name}.volume.rows_per_day`,
      ...(e.retention ? [`entities.${name}.retention.days`] : []),
    ];
  });
  uses.push('traffic.horizon_years');
  const common = {
    id: 'search', choice, uses, tippingPoint, consequences,
    contradicts: { none: `entities ${listProse(searched)} declare full-text search access` },
  };
  if (choice === 'search-engine') {
    return decide(ctx, model, {
      ...common, rule: searchRules.engine,
      rationale: `Index ${listProse(searched)} in a dedicated search engine fed from PostgreSQL because ${volumeProse} reach the ${limit} rows from which GIN-indexed full-text queries and their ranking degrade.`,
      rejected: {
        none: `Entities ${listProse(searched)} declare full-text search access.`,
        'postgres-fts': `${formatNumber(total)} searched rows exceed the ${limit} a GIN index ranks at interactive speed.`,
      },
    });
  }
  return decide(ctx, model, {
    ...common, rule: searchRules.postgresFts,
    rationale: `Serve full-text search on ${listProse(searched)} from PostgreSQL (a tsvector column with a GIN index) because ${volumeProse} stay below the ${limit} rows from which a dedicated engine pays for its cluster and indexing pipeline.`,
    rejected: {
      none: `Entities ${listProse(searched)} declare full-text search access.`,
      'search-engine': `${formatNumber(total)} searched rows at the horizon are below ${limit}: a search cluster and its sync pipeline would add cost and eventual consistency without need.`,
    },
  });
}

export const searchPass = definePass({
  id: 'search',
  title: 'Decide on full-text search',
  run: decideSearch,
});
