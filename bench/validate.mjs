// Times `archc validate` on the largest sample against a process that only imports yaml and ajv.
// Run after a build (npm run build): node bench/validate.mjs [runs]. Target: validate ≤ 1.5 × baseline.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 10);
const TARGET_RATIO = 1.5;

function largestSample() {
  const specs = readdirSync(join(root, 'samples'))
    .map((name) => join(root, 'samples', name, 'system.yaml'))
    .filter((file) => { try { return statSync(file).isFile(); } catch { return false; } });
  return specs.sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1))[0];
}

function timeRun(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const spec = largestSample();
const validateArgs = [join(root, 'bin', 'archc.js'), 'validate', spec, '--format', 'json'];
const baselineArgs = [join(root, 'bench', 'baseline-imports.mjs')];

// One untimed run of each warms the file-system cache; then alternate so load changes hit both alike.
timeRun(validateArgs);
timeRun(baselineArgs);
const validateTimes = [];
const baselineTimes = [];
for (let i = 0; i < runs; i++) {
  validateTimes.push(timeRun(validateArgs));
  baselineTimes.push(timeRun(baselineArgs));
}
const validateMs = median(validateTimes);
const baselineMs = median(baselineTimes);
const ratio = validateMs / baselineMs;
console.log(`spec: ${relative(root, spec)} (${statSync(spec).size} bytes), ${runs} runs each`);
console.log(`validate: ${validateMs.toFixed(0)} ms, baseline: ${baselineMs.toFixed(0)} ms, ratio: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
process.exitCode = ratio <= TARGET_RATIO ? 0 : 1;
