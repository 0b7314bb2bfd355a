// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const externalApiPass = definePass({
  id: 'external-api',
  title: 'external-api',
  run: (_ctx, model) => model,
});
