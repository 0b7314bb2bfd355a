// What every part of the fast parser reads: the text, and the schema new collections are attached to.
import type { Schema } from 'yaml';

export interface ParseContext {
  readonly text: string;
  readonly schema: Schema;
}
