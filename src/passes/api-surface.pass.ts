// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const apiSurfacePass = definePass({
  id: 'api-surface',
  title: 'api-surface',
  run: (_ctx, model) => model,
});
