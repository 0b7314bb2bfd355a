// access.by and access.search name fields of their entity (a ref field by its own name: `patient`, not `patient_id`);
// full-text search over a non-text field is a warning.
import type { Field } from '../../spec/types.js';
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { valueSpan } from './spec-names.js';

const TEXT_TYPES: ReadonlySet<Field['type']> = new Set(['string', 'text']);

/** `patient_id` for a ref field `patient` names its column: point at the field; else the closest name. */
function suggestField(name: string, fields: ReadonlyMap<string, Field>): string {
  const refName = name.endsWith('_id') ? name.slice(0, -3) : null;
  if (refName !== null && fields.get(refName)?.type === 'ref') return `; did you mean "${refName}"? (a ref field is named without _id)`;
  return didYouMean(name, fields.keys());
}

export const accessFieldsCheck = defineCheck({
  id: 'access-fields',
  description: 'access.by and access.search name fields of the entity; search fields are text',
  run({ spec, locate, report }) {
    (spec.entities ?? []).forEach((entity, i) => {
      const fields = new Map(entity.fields.map((f) => [f.name, f]));
      (entity.access ?? []).forEach((access, j) => {
        const key = 'by' in access ? 'by' : 'search';
        const names: readonly string[] = 'by' in access ? access.by : access.search;
        const where = `entities.${entity.name}.access.${j}.${key}`;
        names.forEach((name, k) => {
          const span = (): ReturnType<typeof valueSpan> => valueSpan(locate, `entities.${i}.access.${j}.${key}.${k}`);
          const field = fields.get(name);
          if (!field) {
            report.report('ARC0317', { where, name, entity: entity.name, suggestion: suggestField(name, fields) }, span());
          } else if (key === 'search' && !TEXT_TYPES.has(field.type)) {
            report.report('ARC0321', { where, name, type: field.type }, span());
          }
        });
      });
    });
  },
});
