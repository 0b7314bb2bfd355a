// Stub: replaced by the mermaid emitter.
import { defineGenerator } from '../generator.js';

export const mermaidGenerator = defineGenerator({
  name: 'mermaid',
  generate: () => [],
});
