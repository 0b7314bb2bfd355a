// Types for bench/gen-spec.mjs, so TypeScript tests can import the generator.
/** The spec text for `entities` entities (≥ 1): ~entities/10 modules, ~entities/5 flows, ~entities/50 integrations. */
export function generateSpec(entities: number, seed?: number): string;
