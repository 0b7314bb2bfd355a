// The ordered registry of semantic checks: references first, then names, keys and pins.
// (Diagnostics are sorted by position afterwards, so the order only matters for reading.)
import type { SemanticCheck } from './check.js';
import { accessFieldsCheck } from './access-fields.check.js';
import { decisionPinsCheck } from './decision-pins.check.js';
import { dependencyCycleCheck } from './dependency-cycle.check.js';
import { entityKeyCheck } from './entity-key.check.js';
import { entityModuleCheck } from './entity-module.check.js';
import { fieldDefaultsCheck } from './field-defaults.check.js';
import { enumValuesCheck } from './enum-values.check.js';
import { flowActorCheck } from './flow-actor.check.js';
import { flowReferencesCheck } from './flow-references.check.js';
import { moduleDependenciesCheck } from './module-dependencies.check.js';
import { refTargetsCheck } from './ref-targets.check.js';
import { reservedNamesCheck } from './reserved-names.check.js';
import { uniqueNamesCheck } from './unique-names.check.js';
import { vagueModuleNamesCheck } from './vague-module-names.check.js';
import { writesSubsetCheck } from './writes-subset.check.js';

export const semanticChecks: readonly SemanticCheck[] = [
  entityModuleCheck,
  moduleDependenciesCheck,
  dependencyCycleCheck,
  refTargetsCheck,
  flowReferencesCheck,
  writesSubsetCheck,
  flowActorCheck,
  accessFieldsCheck,
  uniqueNamesCheck,
  reservedNamesCheck,
  vagueModuleNamesCheck,
  enumValuesCheck,
  fieldDefaultsCheck,
  entityKeyCheck,
  decisionPinsCheck,
];
