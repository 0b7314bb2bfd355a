// What a flow writes it also touches (unknown entities are reported by flow-references alone).
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const writesSubsetCheck = defineCheck({
  id: 'writes-subset',
  description: 'flows[].writes is a subset of flows[].touches',
  run({ spec, locate, report }) {
    const { entities } = definedNames(spec);
    (spec.flows ?? []).forEach((flow, i) => {
      const touched = new Set(flow.touches ?? []);
      (flow.writes ?? []).forEach((entity, j) => {
        if (touched.has(entity) || !entities.has(entity)) return;
        report.report('ARC0310', { flow: flow.name, entity }, valueSpan(locate, `flows.${i}.writes.${j}`));
      });
    });
  },
});
