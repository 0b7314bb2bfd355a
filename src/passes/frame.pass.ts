// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const framePass = definePass({
  id: 'frame',
  title: 'frame',
  run: (_ctx, model) => model,
});
