// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const reliabilityPass = definePass({
  id: 'reliability',
  title: 'reliability',
  run: (_ctx, model) => model,
});
