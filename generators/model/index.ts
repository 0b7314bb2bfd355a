// model.json: the machine-readable result (schema/model.schema.json), the model exactly as the passes built it.
import { defineGenerator } from '../generator.js';

export const modelGenerator = defineGenerator({
  name: 'model',
  generate: (model) => [{ path: 'model.json', content: `${JSON.stringify(model, null, 2)}\n` }],
});
