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

export const generators: readonly Generator[] = [
  modelGenerator,
  proposalGenerator,
  adrGenerator,
  mermaidGenerator,
  sqlGenerator,
  apiGenerator,
  typesGenerator,
];

/** Runs every emitter; output is sorted by path so file order never depends on emitter order. */
export async function generateAll(model: ArchitectureModel): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const generator of generators) files.push(...(await generator.generate(model)));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
