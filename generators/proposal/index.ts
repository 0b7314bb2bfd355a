// Stub: replaced by the proposal emitter.
import { defineGenerator } from '../generator.js';

export const proposalGenerator = defineGenerator({
  name: 'proposal',
  generate: () => [],
});
