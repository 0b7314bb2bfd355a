// The ordered registry of semantic checks.
import type { SemanticCheck } from './check.js';

export const semanticChecks: readonly SemanticCheck[] = [];
