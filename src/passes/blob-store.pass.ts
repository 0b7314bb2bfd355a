// Blob store: object storage for any blob field; the row keeps the object key.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { decide, listProse, type Consequences } from './decision.js';

export const blobStoreRules = {
  blobFields: 'blob-store/blob-fields',
  noBlobFields: 'blob-store/no-blob-fields',
} as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No bucket or egress charges.',
    operations: 'Nothing beyond the primary store to back up or secure.',
  },
  'object-storage': {
    cost: 'Per-GB storage and egress, far cheaper than database storage for large immutable objects; a CDN in front cuts egress for public files.',
    operations: 'Pre-signed URLs for upload and download, a bucket policy that denies public access, encryption at rest, lifecycle rules matching retention, and orphan cleanup when rows are deleted.',
  },
};

function decideBlobStore(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  // Blob fields as `Entity.field` (for prose) and as spec paths (the rule's inputs), in spec order, in one pass.
  const blobs: string[] = [];
  const blobPaths: string[] = [];
  for (const e of ctx.spec.entities) {
    for (const f of e.fields) {
      if (f.type !== 'blob') continue;
      blobs.push(`${e.name}.${f.name}`);
      blobPaths.push(`entities.${e.name}.fields.${f.name}`);
    }
  }
  if (blobs.length > 0) {
    return decide(ctx, model, {
      id: 'blob-store', choice: 'object-storage', rule: blobStoreRules.blobFields,
      rationale: `Store the bytes of ${listProse(blobs)} in object storage and keep only the object key in PostgreSQL because blobs are large immutable artifacts: they would bloat the primary store, its backups and its replication stream.`,
      rejected: { none: `Blob fields ${listProse(blobs)} would live in PostgreSQL rows, inflating backups, replication and restore time.` },
      uses: blobPaths,
      tippingPoint: null, consequences,
      contradicts: { none: `fields ${listProse(blobs)} are blobs` },
    });
  }
  return decide(ctx, model, {
    id: 'blob-store', choice: 'none', rule: blobStoreRules.noBlobFields,
    rationale: 'Run no object storage because no field has type blob: every value fits in PostgreSQL columns.',
    rejected: { 'object-storage': 'No field has type blob, so a bucket would hold nothing.' },
    uses: ['entities'], tippingPoint: null, consequences,
    contradicts: { 'object-storage': 'no field has type blob' },
  });
}

export const blobStorePass = definePass({
  id: 'blob-store',
  title: 'Decide on blob storage',
  run: decideBlobStore,
});
