// The sql emitter: schema.sql (PostgreSQL DDL) when the primary-store decision is postgresql, nothing otherwise.
import { choiceOf } from '../../src/passes/decision.js';
import { defineGenerator } from '../generator.js';
import { renderSchema } from './render.js';

export const sqlGenerator = defineGenerator({
  name: 'sql',
  generate: (model) => (choiceOf(model, 'primary-store') === 'postgresql' ? [{ path: 'schema.sql', content: renderSchema(model) }] : []),
});
