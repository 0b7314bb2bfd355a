// Stub: replaced by the api emitter.
import { defineGenerator } from '../generator.js';

export const apiGenerator = defineGenerator({
  name: 'api',
  generate: () => [],
});
