// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const tablesPass = definePass({
  id: 'tables',
  title: 'tables',
  run: (_ctx, model) => model,
});
