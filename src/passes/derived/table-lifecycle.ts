// A table's lifecycle: range partitioning once rows at the horizon cross the threshold, and the retention mechanism.
import type { ColumnModel, TableModel } from '../../model/types.js';
import { columnName } from '../../model/naming.js';
import type { NormalizedEntity, NormalizedField } from '../../spec/normalized.js';
import type { TableContext } from './table-context.js';

/** The required timestamp column that ages rows: the first one an access pattern ranges over, else the first one. */
function ageColumn(entity: NormalizedEntity): NormalizedField | undefined {
  const timestamps = entity.fields.filter((f) => (f.type === 'timestamp' || f.type === 'date') && !f.optional);
  const accessed = new Set(entity.access.flatMap((a) => ('by' in a ? a.by : [])));
  return timestamps.find((f) => accessed.has(f.name)) ?? timestamps[0];
}

export function partitioningOf(ctx: TableContext, entity: NormalizedEntity, columns: readonly ColumnModel[]): { partitioning: TableModel['partitioning']; notes: string[] } {
  const rows = ctx.rowsAtHorizon(entity);
  if (rows < ctx.partitionRows) return { partitioning: null, notes: [] };
  const crossing = `${rows} rows at the horizon cross the partitioning threshold of ${ctx.partitionRows}`;
  const age = ageColumn(entity);
  if (age === undefined) return { partitioning: null, notes: [`Not partitioned although ${crossing}: the entity has no required timestamp field to partition by.`] };
  const uniques = columns.filter((c) => c.unique && !c.key).map((c) => c.name);
  if (uniques.length > 0) {
    return { partitioning: null, notes: [`Not partitioned although ${crossing}: PostgreSQL unique constraints on a partitioned table must include the partition column, which would weaken the uniqueness of ${uniques.join(', ')}.`] };
  }
  const referencedBy = ctx.referencedBy.get(entity.name) ?? [];
  if (referencedBy.length > 0) {
    return { partitioning: null, notes: [`Not partitioned although ${crossing}: ${referencedBy.join(', ')} reference it, and a foreign key into a partitioned table needs the partition column in the key.`] };
  }
  const perDay = entity.volume?.rows_per_day ?? 0;
  const interval = perDay * 30 >= ctx.partitionRows ? 'day' : 'month';
  return {
    partitioning: {
      column: columnName(age),
      interval,
      reason: `${crossing}; range partitions by ${age.name} per ${interval} keep each partition's indexes small and let retention drop whole partitions`,
    },
    notes: [],
  };
}

export function retentionOf(entity: NormalizedEntity, partitioning: TableModel['partitioning']): TableModel['retention'] {
  const retention = entity.retention;
  if (retention === undefined) return null;
  const { days, then } = retention;
  const age = ageColumn(entity);
  let mechanism: string;
  if (partitioning !== null) {
    mechanism = then === 'delete'
      ? `a daily job detaches and drops the ${partitioning.interval} partitions whose ${partitioning.column} range ends more than ${days} days ago`
      : `a daily job detaches the ${partitioning.interval} partitions older than ${days} days, exports each to the archive, then drops it`;
  } else if (age === undefined) {
    mechanism = `no required timestamp field records a row's age, so ${then === 'archive' ? 'an archive' : 'a delete'} job cannot select rows older than ${days} days until the entity gets one`;
  } else {
    mechanism = then === 'delete'
      ? `a daily delete job removes rows whose ${age.name} is older than ${days} days, in batches of bounded size`
      : `a daily archive job copies rows whose ${age.name} is older than ${days} days to the archive, then deletes them in batches`;
  }
  return { days, then, mechanism };
}
