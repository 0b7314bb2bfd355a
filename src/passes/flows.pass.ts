// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const flowsPass = definePass({
  id: 'flows',
  title: 'flows',
  run: (_ctx, model) => model,
});
