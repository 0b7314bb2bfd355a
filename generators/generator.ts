// An emitter reads the architecture model only and returns files; the CLI writes them.
import type { ArchitectureModel } from '../src/model/types.js';

export interface OutputFile {
  /** Path relative to the output directory, with '/' separators. */
  path: string;
  content: string;
}

export interface Generator {
  readonly name: string;
  generate(model: ArchitectureModel): OutputFile[] | Promise<OutputFile[]>;
}

export function defineGenerator(generator: Generator): Generator {
  return generator;
}
