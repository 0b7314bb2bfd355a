// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const messagingPass = definePass({
  id: 'messaging',
  title: 'messaging',
  run: (_ctx, model) => model,
});
