// A flow's actor resolves to a role, else a module, else an integration; an unknown actor is a warning.
import { defineCheck } from './check.js';
import { definedNames, valueSpan } from './spec-names.js';

export const flowActorCheck = defineCheck({
  id: 'flow-actor',
  description: 'flows[].actor is a role, module or integration',
  run({ spec, locate, report }) {
    const { roles, modules, integrations } = definedNames(spec);
    (spec.flows ?? []).forEach((flow, i) => {
      const actor = flow.actor;
      if (actor === undefined || roles.has(actor) || modules.has(actor) || integrations.has(actor)) return;
      report.report('ARC0318', { flow: flow.name, name: actor }, valueSpan(locate, `flows.${i}.actor`));
    });
  },
});
