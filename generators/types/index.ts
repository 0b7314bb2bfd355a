// Stub: replaced by the types emitter.
import { defineGenerator } from '../generator.js';

export const typesGenerator = defineGenerator({
  name: 'types',
  generate: () => [],
});
