// Rebuilds every sample's committed golden outputs (samples/<name>/out/). Review the diff by reading it.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const samples = readdirSync(join(root, 'samples')).filter((name) => existsSync(join(root, 'samples', name, 'system.yaml'))).sort();
let failed = 0;
for (const name of samples) {
  const dir = join(root, 'samples', name);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'archc.js'), 'build', join(dir, 'system.yaml'), '--out', join(dir, 'out'), '--quiet'], { encoding: 'utf8' });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`${name}: exit ${result.status}\n${result.stderr}`);
  } else {
    process.stdout.write(`${name}: updated\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
