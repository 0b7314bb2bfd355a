// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const deliveryPass = definePass({
  id: 'delivery',
  title: 'delivery',
  run: (_ctx, model) => model,
});
