// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const blobStorePass = definePass({
  id: 'blob-store',
  title: 'blob-store',
  run: (_ctx, model) => model,
});
