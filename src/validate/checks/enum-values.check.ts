// Enum values are 1..63 bytes of UTF-8: PostgreSQL truncates nothing, it refuses longer labels.
import { defineCheck } from './check.js';
import { valueSpan } from './spec-names.js';

const MAX_ENUM_LABEL_BYTES = 63;
const encoder = new TextEncoder();

export const enumValuesCheck = defineCheck({
  id: 'enum-values',
  description: 'enum values are 1..63 bytes',
  run({ spec, locate, report }) {
    (spec.entities ?? []).forEach((entity, i) => {
      entity.fields.forEach((field, j) => {
        (field.values ?? []).forEach((value, k) => {
          const bytes = encoder.encode(value).length;
          if (bytes >= 1 && bytes <= MAX_ENUM_LABEL_BYTES) return;
          report.report('ARC0306', { value: JSON.stringify(value), bytes }, valueSpan(locate, `entities.${i}.fields.${j}.values.${k}`));
        });
      });
    });
  },
});
