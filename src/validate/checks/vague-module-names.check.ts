// A module named for no responsibility (`common`, `utils`) becomes a dumping ground; platform: true says it is deliberate.
import { defineCheck } from './check.js';
import { valueSpan } from './spec-names.js';

export const VAGUE_MODULE_NAMES: ReadonlySet<string> = new Set([
  'common', 'shared', 'utils', 'util', 'misc', 'miscellaneous', 'helpers', 'helper', 'general',
]);

export const vagueModuleNamesCheck = defineCheck({
  id: 'vague-module-names',
  description: 'module names say what they own (common, shared, utils, misc, helpers warn unless platform: true)',
  run({ spec, locate, report }) {
    spec.modules.forEach((module, i) => {
      if (module.platform === true || !VAGUE_MODULE_NAMES.has(module.name)) return;
      report.report('ARC0312', { name: module.name }, valueSpan(locate, `modules.${i}.name`));
    });
  },
});
