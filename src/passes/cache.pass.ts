// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const cachePass = definePass({
  id: 'cache',
  title: 'cache',
  run: (_ctx, model) => model,
});
