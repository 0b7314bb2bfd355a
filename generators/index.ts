// The ordered emitter registry. Heavy emitters load their tools lazily inside generate().
import type { ArchitectureModel } from '../src/model/types.js';
import type { Generator, OutputFile } from './generator.js';
import { modelGenerator } from './model/index.js';
import { proposalGenerator } from './proposal/index.js';
import { adrGenerator } from './adr/index.js';
import { mermaidGenerator } from './mermaid/index.js';
import { sqlGenerator } from './sql/index.js';
import { apiGenerator } from './api/index.js';
import { typesGenerator } from './types/index.js';
import { releaseTypesPrinter } from './types/printer-thread.js';

// Types first: ts-morph prints them on a thread of its own while the other emitters run here.
export const generators: readonly Generator[] = [
  typesGenerator,
  modelGenerator,
  proposalGenerator,
  adrGenerator,
  mermaidGenerator,
  sqlGenerator,
  apiGenerator,
];

/** Runs every emitter; output is sorted by path so file order never depends on emitter order. */
export async function generateAll(model: ArchitectureModel): Promise<OutputFile[]> {
  // Every emitter starts before any is awaited, so that asynchronous work overlaps; a throwing emitter
  // becomes a rejection that Promise.all reports (with the others' outcomes handled, none left unobserved).
  const outputs = await Promise.all(generators.map((generator) => Promise.resolve().then(() => generator.generate(model))));
  const files = outputs.flat();
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Frees the emitters' set-up (the types printer thread, which the CLI starts before compiling) for a process that
 * will not generate again.
 */
export function releaseGenerators(): Promise<void> {
  return releaseTypesPrinter();
}
