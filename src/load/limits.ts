// Input limits: a spec is a small hand-written file, so anything far beyond these is an attack or a mistake.

/** Files over this many bytes are refused before parsing (the contract: 8 MiB). */
export const MAX_SPEC_BYTES = 8 * 1024 * 1024;
/** Alias expansions allowed while building values (stops "billion laughs" inputs). */
export const MAX_ALIAS_EXPANSIONS = 100;
/** Collections nested deeper than this are refused (keeps every recursive walk shallow). */
export const MAX_NESTING_DEPTH = 64;
/**
 * Schema errors reported per run. Each one is located in the source, so a file of a million wrong-typed list items
 * (or a few aliases of one) would otherwise take minutes; the first hundred are enough to start fixing.
 */
export const MAX_SCHEMA_DIAGNOSTICS = 100;
/**
 * "Did you mean" looks for the closest name among at most this many candidates; beyond it no suggestion is made.
 * (Each unknown name is compared with every candidate, so 20 000 modules with unknown dependencies would be
 * 400 million edit distances.)
 */
export const MAX_SUGGESTION_CANDIDATES = 1000;
