// depends_on names defined modules (cycles are their own check).
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const moduleDependenciesCheck = defineCheck({
  id: 'module-dependencies',
  description: 'modules[].depends_on names modules',
  run({ spec, locate, report }) {
    const { modules } = definedNames(spec);
    spec.modules.forEach((module, i) => {
      (module.depends_on ?? []).forEach((dependency, j) => {
        if (modules.has(dependency)) return;
        report.report('ARC0301', {
          where: `modules.${module.name}.depends_on`, name: dependency, suggestion: didYouMean(dependency, modules),
        }, valueSpan(locate, `modules.${i}.depends_on.${j}`));
      });
    });
  },
});
