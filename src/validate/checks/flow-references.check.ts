// A flow's touches and writes name entities, its calls name integrations and its consumers name modules.
import type { DiagnosticCode } from '../../diagnostics/messages.js';
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const flowReferencesCheck = defineCheck({
  id: 'flow-references',
  description: 'flows[].touches/writes name entities, calls name integrations, consumers name modules',
  run({ spec, locate, report }) {
    const names = definedNames(spec);
    const lists: ReadonlyArray<{ key: 'touches' | 'writes' | 'calls' | 'consumers'; code: DiagnosticCode; defined: ReadonlySet<string> }> = [
      { key: 'touches', code: 'ARC0302', defined: names.entities },
      { key: 'writes', code: 'ARC0302', defined: names.entities },
      { key: 'calls', code: 'ARC0303', defined: names.integrations },
      { key: 'consumers', code: 'ARC0301', defined: names.modules },
    ];
    (spec.flows ?? []).forEach((flow, i) => {
      for (const { key, code, defined } of lists) {
        (flow[key] ?? []).forEach((name, j) => {
          if (defined.has(name)) return;
          report.report(code, {
            where: `flows.${flow.name}.${key}`, name, suggestion: didYouMean(name, defined),
          }, valueSpan(locate, `flows.${i}.${key}.${j}`));
        });
      }
    });
  },
});
