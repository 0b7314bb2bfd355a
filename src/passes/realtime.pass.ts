// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const realtimePass = definePass({
  id: 'realtime',
  title: 'realtime',
  run: (_ctx, model) => model,
});
