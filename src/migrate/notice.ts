// What a migration tells the reader besides its SQL; the CLI prints each as a located diagnostic.

/** Something the reader must act on: a skipped destructive step, a missing backfill value, a manual step. */
export interface MigrationNotice {
  code: 'ARC0040' | 'ARC0041' | 'ARC0042';
  args: Record<string, string>;
  /** The spec path the notice is about, in the spec named by `spec`, or null for the whole file. */
  path: string | null;
  spec: 'old' | 'new';
}
