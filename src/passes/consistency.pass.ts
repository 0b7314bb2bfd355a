// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const consistencyPass = definePass({
  id: 'consistency',
  title: 'consistency',
  run: (_ctx, model) => model,
});
