// Every number the decision engine compares against or assumes, in one place. docs/decisions.md lists each key with
// its value; test/passes/decisions-doc.test.ts fails when one is missing there. A comparison is always `>=`.

export const thresholds = {
  // cache: projected read rate (peak_rps × growth^horizon × read_ratio) from which a hot access pattern gets Redis.
  // A PostgreSQL primary plus replicas serves a few thousand indexed point reads/s; a hot key set read faster than
  // this is cheaper to serve from memory than by adding replicas that all hold the same pages.
  cacheReadRps: 5000,
  // capacity: read rate from which reads move to a read replica: below it one primary serves reads and writes with
  // headroom for vacuum, backups and bursts.
  readReplicaReadRps: 2000,
  // capacity: write rate one PostgreSQL primary sustains with WAL, replication and vacuum headroom; above it writes
  // need partitioning by key or batching.
  primaryWriteRps: 5000,
  // capacity: rows in one table from which it is partitioned (by time or key): vacuum, index rebuilds and retention
  // deletes on a single heap of this size take hours.
  partitionRows: 100_000_000,
  // capacity: primary-store bytes from which a single node's backup and restore time (hours at a few hundred MB/s)
  // threatens the recovery objectives; archive or partition before it.
  singleNodeStorageBytes: 1_000_000_000_000,
  // search: searched rows at the horizon from which a dedicated search engine is justified: up to it a GIN index over
  // tsvector answers full-text queries, beyond it ranking (ts_rank reads each match) and relevance tuning degrade.
  searchEngineRows: 10_000_000,
  // messaging: projected messages/s of an ordered flow from which per-key order needs a partitioned log: FIFO queues
  // keep order per message group only up to a few hundred to a few thousand messages/s.
  orderedEventLogRate: 1000,
  // messaging: consumers of one flow from which its events fan out through a log each consumer reads at its own pace
  // instead of one queue per consumer.
  eventLogConsumers: 2,
  // shape: most engineers for which serverless still pays: a team this small cannot staff servers and on-call for a
  // spiky load, and functions remove that work.
  serverlessMaxEngineers: 5,
  // shape: teams and distinct module owners from which ownership boundaries alone are a split need.
  ownershipMinTeams: 3,
  ownershipMinOwners: 3,
  // deployment: availability (percent per month) from which one zone is not enough: 99.9 leaves 43 minutes a month,
  // less than one zone outage and a restore.
  multiZoneAvailability: 99.9,
  // deployment: availability from which one region is not enough: 99.99 leaves 4.3 minutes a month, less than any
  // regional outage.
  multiRegionAvailability: 99.99,
  // deployment: availability from which a passive region is not enough: 99.999 leaves 26 seconds a month, less than
  // promoting a standby region and moving DNS.
  activeActiveAvailability: 99.999,
  // deployment: an RTO below this many minutes rules out restoring from backup into a fresh instance (about an hour
  // for a mid-size database), so a standby in a second zone is needed.
  multiZoneBelowRtoMinutes: 60,
  // deployment: an RPO below this many minutes rules out WAL archiving alone (segments ship every few minutes), so a
  // synchronous standby in a second zone is needed.
  multiZoneBelowRpoMinutes: 5,
  // deployment: in a multi-region posture, an RTO below this many minutes rules out promoting a passive region
  // (replica promotion, DNS and cache warm-up take about a quarter of an hour): both regions serve.
  activeActiveBelowRtoMinutes: 15,
  // deployment: residency regions from which the system spans regions (each region's data stays in it).
  multiRegionResidencies: 2,
  // challenges: availability from which a single-region deployment is challenged (99.95 leaves 21.6 minutes a month).
  singleRegionChallengeAvailability: 99.95,
  // challenges: engineers needed for a sustainable round-the-clock on-call rotation (one week in five on call).
  onCallMinEngineers: 5,
  // challenges: availability from which round-the-clock on-call is needed.
  onCallAvailability: 99.99,
  // tenancy: tenants from which database-per-tenant is not operable: each database needs its own migrations, backups,
  // connection pool and monitoring.
  databasePerTenantLimit: 100,
  // tenancy: tenants from which schema-per-tenant is not operable: migrations run once per schema and the catalog
  // grows with every table of every tenant.
  schemaPerTenantLimit: 1000,
} as const;

// Values the frame assumes when the spec is silent; each becomes a labelled assumption.
export const assumedDefaults = {
  // 1 peak request/s per 1,000 monthly users: 20% of monthly users active daily, 100 requests each per day, and a
  // peak four times the daily average (1000 × 0.2 × 100 / 86400 × 4 ≈ 0.93).
  usersPerPeakRps: 1000,
  // a running system serves at least this much at peak.
  minimumPeakRps: 1,
  // neither users nor peak_rps: a small internal system.
  peakRpsWithoutUsers: 10,
  // most web and mobile traffic reads: four reads per write.
  readRatio: 0.8,
  // flat: decisions rest on the stated load only; growth must be stated to buy capacity ahead of it.
  growthPerYear: 1,
  // the contract's usual planning horizon.
  horizonYears: 3,
  // no stated target: a single-zone business system restored from backups.
  availability: 99.5,
  // point-in-time recovery from hourly-checked WAL archives.
  rpoMinutes: 60,
  // restore from backup into a fresh instance, with time to verify.
  rtoMinutes: 240,
  // engineers per team when only the team count (or owners) is known.
  engineersPerTeam: 6,
  // a multi-tenant product with no stated tenant count: an early B2B customer base.
  tenants: 50,
  // an entity with no stated volume: a small reference table.
  entityRows: 10_000,
  entityRowsPerDay: 100,
} as const;

// Estimated bytes per column by field type, for storage projections (heap only; indexes come on top).
export const fieldBytes = {
  uuid: 16,
  string: 64, // short text: names, emails, slugs
  text: 1024, // long text: descriptions, notes (TOASTed above 2 KiB)
  int: 4,
  bigint: 8,
  decimal: 16,
  money: 16, // numeric(19,4)
  bool: 1,
  date: 4,
  timestamp: 8,
  json: 512,
  enum: 4,
  ref: 16, // the referenced key; a uuid unless the target's key type says otherwise
  blob: 64, // the object-storage key; the bytes live in object storage
} as const;

// Per-row heap overhead: 23-byte tuple header plus a 4-byte line pointer, rounded up for alignment.
export const rowOverheadBytes = 28;

export type ThresholdName = keyof typeof thresholds;
