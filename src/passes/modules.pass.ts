// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const modulesPass = definePass({
  id: 'modules',
  title: 'modules',
  run: (_ctx, model) => model,
});
