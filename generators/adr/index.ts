// The ADR emitter: decisions/<id>.md for every decision plus decisions/README.md as the index.
import { compareNames } from '../../src/spec/normalize.js';
import { defineGenerator, type OutputFile } from '../generator.js';
import { renderAdr } from './adr-document.js';
import { adrFilePath } from './adr-id.js';
import { renderAdrIndex } from './adr-index.js';

export const adrGenerator = defineGenerator({
  name: 'adr',
  generate(model) {
    const sorted = [...model.decisions].sort((a, b) => compareNames(a.id, b.id));
    const files: OutputFile[] = sorted.map((d) => ({ path: adrFilePath(d.id), content: renderAdr(model, d) }));
    const paths = new Set(files.map((f) => f.path));
    if (paths.size !== files.length) throw new Error('archc bug: two decisions share an id');
    return [...files, { path: 'decisions/README.md', content: renderAdrIndex(model, sorted) }];
  },
});
