// Primary store: PostgreSQL for durable relational entities; none when nothing durable is stored.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { briefList, decide, listProse, type Consequences } from './decision.js';
import { formatBytes } from '../model/units.js';
import { thresholds } from './thresholds.js';

export const primaryStoreRules = {
  relational: 'primary-store/relational-entities',
  nothingDurable: 'primary-store/no-durable-entities',
} as const;

function consequences(horizonBytes: number, horizon: number): Record<string, Consequences> {
  return {
    postgresql: {
      cost: `One managed PostgreSQL primary (plus a standby when the deployment spans zones), with about ${formatBytes(horizonBytes)} of table data projected at year ${horizon} before indexes.`,
      operations: 'Point-in-time-recovery backups with rehearsed restores, migrations with compatibility windows, vacuum and bloat monitoring, and a connection pooler in front of the primary.',
    },
    none: {
      cost: 'No database to pay for.',
      operations: 'Nothing durable to back up or migrate; state lost on restart is acceptable by construction.',
    },
  };
}

function storageProse(bytes: number, horizon: number): string {
  const limit = formatBytes(thresholds.singleNodeStorageBytes);
  return bytes >= thresholds.singleNodeStorageBytes
    ? `the ${formatBytes(bytes)} projected at year ${horizon} exceed the ${limit} one node backs up and restores in time, so the largest tables are partitioned and cold rows archived`
    : `the ${formatBytes(bytes)} projected at year ${horizon} stay below the ${limit} one node backs up and restores in time`;
}

function decidePrimaryStore(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const durable = spec.entities.filter((e) => !e.ephemeral);
  const ephemeral = spec.entities.filter((e) => e.ephemeral);
  let refs = 0;
  for (const e of durable) for (const f of e.fields) if (f.type === 'ref') refs++;
  const durableNames = new Set(durable.map((e) => e.name));
  const writers = spec.flows.filter((f) => f.writes.some((w) => durableNames.has(w))).map((f) => f.name);
  const horizon = model.capacity.horizonYears;
  const bytes = model.capacity.years[horizon]?.storageBytes ?? 0;
  const names = durable.map((e) => e.name);
  if (durable.length > 0) {
    const writing = writers.length > 0 ? `, and ${writers.length} flow(s) (${briefList(writers)}) write them` : '';
    return decide(ctx, model, {
      id: 'primary-store', choice: 'postgresql', rule: primaryStoreRules.relational,
      rationale: `Store the source of truth in PostgreSQL because ${durable.length} durable entit${durable.length === 1 ? 'y' : 'ies'} (${briefList(names, 6)}) hold relational data with ${refs} reference(s) between them${writing}: foreign keys, unique constraints and multi-row transactions keep them consistent, and ${storageProse(bytes, horizon)}.`,
      rejected: { none: `Entities ${briefList(names, 6)} must survive restarts and be queried relationally; without a primary store nothing holds them.` },
      uses: durable.map((e) => `entities.${e.name}`),
      tippingPoint: null,
      consequences: consequences(bytes, horizon),
      contradicts: { none: `entities ${listProse(names)} are durable and need a store` },
    });
  }
  const why = spec.entities.length === 0
    ? 'the spec declares no entities'
    : `every entity (${listProse(ephemeral.map((e) => e.name))}) is ephemeral state that need not survive a restart`;
  return decide(ctx, model, {
    id: 'primary-store', choice: 'none', rule: primaryStoreRules.nothingDurable,
    rationale: `Run without a primary database because ${why}: a durable store would add backups, migrations and a bill with nothing to protect.`,
    rejected: { postgresql: `There is no durable entity to store: ${why}.` },
    uses: ['entities', ...ephemeral.map((e) => `entities.${e.name}.ephemeral`)],
    tippingPoint: null,
    consequences: consequences(bytes, horizon),
    contradicts: { postgresql: why },
  });
}

export const primaryStorePass = definePass({
  id: 'primary-store',
  title: 'Choose the primary store',
  run: decidePrimaryStore,
});
