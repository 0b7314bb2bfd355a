// Pins name a catalogue decision (consistency.<flow> for a defined flow) and one of its choices, once each,
// with a reason reviewers can read.
import { CONSISTENCY_PREFIX, choicesOf, fixedDecisionIds } from '../../passes/catalogue.js';
import { didYouMean } from '../suggest.js';
import { defineCheck } from './check.js';
import { keySpan, valueSpan } from './spec-names.js';

export const decisionPinsCheck = defineCheck({
  id: 'decision-pins',
  description: 'decisions[] pin catalogue ids with valid choices, once each, with a reason',
  run({ spec, locate, report }) {
    const flows = new Set((spec.flows ?? []).map((f) => f.name));
    const knownIds = [...fixedDecisionIds, ...[...flows].map((flow) => `${CONSISTENCY_PREFIX}${flow}`)];
    const seen = new Set<string>();
    (spec.decisions ?? []).forEach((pin, i) => {
      if (seen.has(pin.id)) {
        report.report('ARC0319', { id: pin.id }, valueSpan(locate, `decisions.${i}.id`));
      }
      seen.add(pin.id);
      const choices = choicesOf(pin.id);
      const isFlowConsistency = pin.id.startsWith(CONSISTENCY_PREFIX);
      if (choices === null || (isFlowConsistency && !flows.has(pin.id.slice(CONSISTENCY_PREFIX.length)))) {
        report.report('ARC0314', { id: pin.id, suggestion: didYouMean(pin.id, knownIds) }, valueSpan(locate, `decisions.${i}.id`));
        return;
      }
      if (!choices.includes(pin.choice)) {
        report.report('ARC0315', { id: pin.id, choice: pin.choice, allowed: choices.join(', ') }, valueSpan(locate, `decisions.${i}.choice`));
      }
      if (pin.reason === undefined || pin.reason.trim() === '') {
        report.report('ARC0316', { id: pin.id }, keySpan(locate, `decisions.${i}.id`));
      }
    });
  },
});
