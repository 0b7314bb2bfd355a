// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const performancePass = definePass({
  id: 'performance',
  title: 'performance',
  run: (_ctx, model) => model,
});
