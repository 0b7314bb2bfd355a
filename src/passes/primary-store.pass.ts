// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const primaryStorePass = definePass({
  id: 'primary-store',
  title: 'primary-store',
  run: (_ctx, model) => model,
});
