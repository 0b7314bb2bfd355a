// Builds a full model from a partial raw spec for the derived-pass tests: fills the required top-level keys, then
// normalizes and runs every pass, so each test states only the facts its expectation depends on.
import { noPositions } from '../../../src/load/locator.js';
import type { ArchitectureModel } from '../../../src/model/types.js';
import { runPasses } from '../../../src/passes/index.js';
import { normalizeSpec } from '../../../src/spec/normalize.js';
import type { SystemSpec } from '../../../src/spec/types.js';

export type PartialSpec = Omit<SystemSpec, 'archc' | 'system' | 'modules'> & Partial<Pick<SystemSpec, 'system' | 'modules'>>;

export function specOf(partial: PartialSpec): SystemSpec {
  return {
    archc: 1,
    system: { name: 'test-system', summary: 'A system under test.' },
    modules: [{ name: 'core-domain' }],
    ...partial,
  } as SystemSpec;
}

export function modelOf(partial: PartialSpec): ArchitectureModel {
  return runPasses(normalizeSpec(specOf(partial)), noPositions);
}
