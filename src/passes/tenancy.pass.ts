// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const tenancyPass = definePass({
  id: 'tenancy',
  title: 'tenancy',
  run: (_ctx, model) => model,
});
