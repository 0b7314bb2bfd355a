// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const securityPass = definePass({
  id: 'security',
  title: 'security',
  run: (_ctx, model) => model,
});
