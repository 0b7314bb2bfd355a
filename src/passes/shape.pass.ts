// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const shapePass = definePass({
  id: 'shape',
  title: 'shape',
  run: (_ctx, model) => model,
});
