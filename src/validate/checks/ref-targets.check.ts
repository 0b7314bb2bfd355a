// A ref field points at a defined entity.
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const refTargetsCheck = defineCheck({
  id: 'ref-targets',
  description: 'fields[].to names an entity',
  run({ spec, locate, report }) {
    const { entities } = definedNames(spec);
    (spec.entities ?? []).forEach((entity, i) => {
      entity.fields.forEach((field, j) => {
        if (field.type !== 'ref' || field.to === undefined || entities.has(field.to)) return;
        report.report('ARC0302', {
          where: `entities.${entity.name}.fields.${field.name}.to`, name: field.to, suggestion: didYouMean(field.to, entities),
        }, valueSpan(locate, `entities.${i}.fields.${j}.to`));
      });
    });
  },
});
