// Renders every diagrams/*.mmd of a directory with archc's single-browser renderer (dist/src/render/render-svg.js),
// as one process, so that it compares like for like with one `mmdc` process per diagram.
//   node bench/render-archc.mjs <dir with .mmd files> <browser executable>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDiagrams } from '../dist/src/render/render-svg.js';

const [dir, browser] = process.argv.slice(2);
const diagrams = readdirSync(dir).filter((f) => f.endsWith('.mmd')).sort()
  .map((f) => ({ name: `diagrams/${f.replace(/\.mmd$/, '')}`, source: readFileSync(join(dir, f), 'utf8') }));
const results = await renderDiagrams(diagrams, browser);
const failed = results.filter((r) => r.svg === null);
if (failed.length > 0) {
  process.stderr.write(`render failed: ${failed.map((r) => `${r.name}: ${r.error}`).join('; ')}\n`);
  process.exitCode = 1;
}
