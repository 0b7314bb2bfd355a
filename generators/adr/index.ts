// Stub: replaced by the adr emitter.
import { defineGenerator } from '../generator.js';

export const adrGenerator = defineGenerator({
  name: 'adr',
  generate: () => [],
});
