// Every entity belongs to a defined module.
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const entityModuleCheck = defineCheck({
  id: 'entity-module',
  description: 'entities[].module names a module',
  run({ spec, locate, report }) {
    const { modules } = definedNames(spec);
    (spec.entities ?? []).forEach((entity, i) => {
      if (modules.has(entity.module)) return;
      report.report('ARC0301', {
        where: `entities.${entity.name}.module`, name: entity.module, suggestion: didYouMean(entity.module, modules),
      }, valueSpan(locate, `entities.${i}.module`));
    });
  },
});
