// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const searchPass = definePass({
  id: 'search',
  title: 'search',
  run: (_ctx, model) => model,
});
