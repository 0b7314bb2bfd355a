// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const internalCommPass = definePass({
  id: 'internal-comm',
  title: 'internal-comm',
  run: (_ctx, model) => model,
});
