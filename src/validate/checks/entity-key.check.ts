// Every entity has exactly one key, never optional, of a type that makes a sensible primary key.
import type { Field } from '../../spec/types.js';
import { defineCheck } from './check.js';
import { keySpan, valueSpan } from './spec-names.js';

/** Types a primary key may have: identifiers, not free text, money, time or documents. */
export const KEY_TYPES: ReadonlySet<Field['type']> = new Set(['uuid', 'string', 'int', 'bigint']);

export const entityKeyCheck = defineCheck({
  id: 'entity-key',
  description: 'exactly one key per entity (none: id uuid is assumed), not optional, of a key type',
  run({ spec, locate, report }) {
    (spec.entities ?? []).forEach((entity, i) => {
      const keys = entity.fields.map((field, j) => ({ field, j })).filter(({ field }) => field.key === true);
      if (keys.length === 0) {
        report.report('ARC0307', { entity: entity.name }, keySpan(locate, `entities.${i}.fields`));
      } else if (keys.length > 1) {
        report.report('ARC0308', { entity: entity.name, count: keys.length, fields: keys.map(({ field }) => field.name).join(', ') },
          keySpan(locate, `entities.${i}.fields.${keys[1]!.j}.key`));
      }
      for (const { field, j } of keys) {
        if (field.optional === true) {
          report.report('ARC0309', { entity: entity.name, field: field.name }, keySpan(locate, `entities.${i}.fields.${j}.optional`));
        }
        if (!KEY_TYPES.has(field.type)) {
          report.report('ARC0320', { entity: entity.name, field: field.name, type: field.type }, valueSpan(locate, `entities.${i}.fields.${j}.type`));
        }
      }
    });
  },
});
