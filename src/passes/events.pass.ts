// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const eventsPass = definePass({
  id: 'events',
  title: 'events',
  run: (_ctx, model) => model,
});
