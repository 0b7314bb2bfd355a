// Input limits: a spec is a small hand-written file, so anything far beyond these is an attack or a mistake.

/** Files over this many bytes are refused before parsing (the contract: 8 MiB). */
export const MAX_SPEC_BYTES = 8 * 1024 * 1024;
/** Alias expansions allowed while building values (stops "billion laughs" inputs). */
export const MAX_ALIAS_EXPANSIONS = 100;
/** Collections nested deeper than this are refused (keeps every recursive walk shallow). */
export const MAX_NESTING_DEPTH = 64;
