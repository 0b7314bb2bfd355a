// Stub: replaced by the sql emitter.
import { defineGenerator } from '../generator.js';

export const sqlGenerator = defineGenerator({
  name: 'sql',
  generate: () => [],
});
