// Stub: replaced by the decision engine.
import { definePass } from './pass.js';

export const deploymentPass = definePass({
  id: 'deployment',
  title: 'deployment',
  run: (_ctx, model) => model,
});
