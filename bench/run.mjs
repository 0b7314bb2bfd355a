// `npm run bench`: archc's performance targets as ratios measured in one run on this machine, never absolute times.
// Each measured command alternates with its baseline (so a change in machine load hits both alike) and the median
// of the runs counts. Prints one table: measure, value, target, PASS/FAIL. Run after `npm run build`.
//   ARCHC_BENCH_ROUNDS=n (default 3) sets the rounds for the compile measures (validate gets two more).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSpec } from './gen-spec.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.ARCHC_BENCH_ROUNDS ?? 3);
const RENDER_ROUNDS = 2;
const node = process.execPath;
const archc = join(root, 'bin', 'archc.js');
const baselineScript = join(root, 'bench', 'baseline-imports.mjs');
const work = mkdtempSync(join(tmpdir(), 'archc-bench-'));
const startedAt = performance.now();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one process in ms; throws when it fails, so a broken build never counts as fast. */
function timed(command, args, { okCodes = [0] } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${relative(root, command) || command} ${args.join(' ')} exited ${result.status}: ${(result.stderr ?? '').slice(0, 1500)}`);
  }
  return { ms, result };
}

function progress(text) {
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0)}s] ${text}\n`);
}

function largestSample() {
  const specs = readdirSync(join(root, 'samples'))
    .map((name) => join(root, 'samples', name, 'system.yaml'))
    .filter((file) => existsSync(file));
  return specs.sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1))[0];
}

const rows = [];
function row(measure, value, target, pass, note = '') {
  rows.push({ measure, value, target, result: pass === null ? 'SKIP' : pass === 'info' ? 'INFO' : pass ? 'PASS' : 'FAIL', note });
}
const ratio = (x) => `${x.toFixed(2)}×`;

// --- validate: bench/validate.mjs (validate vs a process that only imports yaml and ajv) ---------------------------
function validateRatio() {
  progress('validate vs baseline (bench/validate.mjs)');
  const { result } = timed(node, [join(root, 'bench', 'validate.mjs'), String(ROUNDS + 2)], { okCodes: [0, 1] });
  const match = /validate: (\d+) ms, baseline: (\d+) ms, ratio: ([\d.]+)/.exec(result.stdout);
  if (!match) throw new Error(`bench/validate.mjs printed no ratio: ${result.stdout}${result.stderr}`);
  const value = Number(match[3]);
  row('archc validate (largest sample) / baseline', ratio(value), '≤ 1.50×', value <= 1.5, `${match[1]} vs ${match[2]} ms`);
}

// --- build --no-render: largest sample, 100 and 1,000 generated entities, against the same baseline ------------------
function compileRatios(sample, spec100, spec1000) {
  const runs = { baseline: [], sample: [], g100: [], g1000: [], g1000empty: [] };
  const build = (spec, out) => timed(node, [archc, 'build', spec, '--out', out, '--no-render', '--quiet', '--format', 'json']).ms;
  // One untimed pass warms the file-system cache and writes each --out once (the peak-RSS run warmed 1,000).
  build(sample, join(work, 'out-sample'));
  build(spec100, join(work, 'out-100'));
  for (let i = 0; i < ROUNDS; i++) {
    progress(`build --no-render round ${i + 1}/${ROUNDS}`);
    runs.baseline.push(timed(node, [baselineScript]).ms);
    runs.sample.push(build(sample, join(work, 'out-sample')));
    runs.g100.push(build(spec100, join(work, 'out-100')));
    runs.baseline.push(timed(node, [baselineScript]).ms);
    runs.g1000.push(build(spec1000, join(work, 'out-1000')));
    // The timed rebuilds above reuse their --out, where unchanged files are hard-linked instead of written; this one
    // writes every file into an empty directory (removed before the clock starts).
    rmSync(join(work, 'out-1000-empty'), { recursive: true, force: true });
    runs.g1000empty.push(build(spec1000, join(work, 'out-1000-empty')));
  }
  const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
  const sampleRatio = m.sample / m.baseline;
  const scaleRatio = m.g1000 / m.g100;
  const floorRatio = m.g1000 / m.baseline;
  row('build --no-render (largest sample) / baseline', ratio(sampleRatio), '≤ 5.00×', sampleRatio <= 5, `${m.sample.toFixed(0)} vs ${m.baseline.toFixed(0)} ms`);
  row('build --no-render: 1,000 entities / 100', ratio(scaleRatio), '≤ 11.00×', scaleRatio <= 11, `${m.g1000.toFixed(0)} vs ${m.g100.toFixed(0)} ms`);
  row('build --no-render: 1,000 entities / baseline', ratio(floorRatio), '≤ 12.00×', floorRatio <= 12, `${m.g1000.toFixed(0)} vs ${m.baseline.toFixed(0)} ms`);
  const emptyRatio = m.g1000empty / m.baseline;
  row('  the same into an empty --out (no file reused)', ratio(emptyRatio), '(shown)', 'info', `${m.g1000empty.toFixed(0)} vs ${m.baseline.toFixed(0)} ms`);
}

function peakRss(spec1000) {
  progress('peak RSS at 1,000 entities');
  const { result } = timed(node, [join(root, 'bench', 'max-rss.mjs'), 'build', spec1000, '--out', join(work, 'out-1000'), '--no-render', '--quiet']);
  const kib = Number(/max-rss-kib (\d+)\s*$/.exec(result.stderr)?.[1]);
  const mb = kib / 1024;
  row('peak RSS, build --no-render at 1,000 entities', `${mb.toFixed(0)} MB`, '< 300 MB', mb < 300);
}

// --- rendering: one mmdc process per diagram vs archc's one browser -----------------------------------------------
function mmdcAll(diagramDir, browser) {
  const config = join(work, 'puppeteer.json');
  writeFileSync(config, JSON.stringify({ executablePath: browser, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], headless: 'shell' }));
  const out = join(work, 'mmdc-out');
  mkdirSync(out, { recursive: true });
  const mmdc = join(root, 'node_modules', '.bin', 'mmdc');
  let total = 0;
  for (const file of readdirSync(diagramDir).filter((f) => f.endsWith('.mmd')).sort()) {
    total += timed(mmdc, ['-p', config, '-q', '-i', join(diagramDir, file), '-o', join(out, file.replace(/\.mmd$/, '.svg'))]).ms;
  }
  return total;
}

function renderRatios(sample, browser) {
  if (!browser) {
    row('render all diagrams: mmdc per diagram / archc', 'no browser', '≥ 5.00×', null);
    row('warm rebuild (SVGs kept) / cold build with render', 'no browser', '≤ 0.20×', null);
    return;
  }
  const outDir = join(work, 'out-render');
  timed(node, [archc, 'build', sample, '--out', outDir, '--no-render', '--quiet']);
  const diagramDir = join(outDir, 'diagrams');
  const count = readdirSync(diagramDir).filter((f) => f.endsWith('.mmd')).length;
  const archcRuns = [];
  let mmdcMs = 0;
  for (let i = 0; i < RENDER_ROUNDS; i++) {
    progress(`render round ${i + 1}/${RENDER_ROUNDS}: archc (${count} diagrams, one browser)`);
    archcRuns.push(timed(node, [join(root, 'bench', 'render-archc.mjs'), diagramDir, browser]).ms);
    // mmdc is slow (a browser per diagram): once, between the first two archc runs.
    if (i === 0) {
      progress(`render: mmdc, one process per diagram (${count})`);
      mmdcMs = mmdcAll(diagramDir, browser);
    }
  }
  const archcMs = median(archcRuns);
  const speedup = mmdcMs / archcMs;
  row(`render ${count} diagrams: mmdc per diagram / archc`, ratio(speedup), '≥ 5.00×', speedup >= 5, `${mmdcMs.toFixed(0)} vs ${archcMs.toFixed(0)} ms`);

  const cold = [];
  const warm = [];
  const rendered = join(work, 'out-cold');
  for (let i = 0; i < RENDER_ROUNDS; i++) {
    progress(`cold/warm round ${i + 1}/${RENDER_ROUNDS}`);
    rmSync(rendered, { recursive: true, force: true });
    cold.push(timed(node, [archc, 'build', sample, '--out', rendered, '--render', 'require', '--quiet']).ms);
    warm.push(timed(node, [archc, 'build', sample, '--out', rendered, '--render', 'require', '--quiet']).ms);
  }
  const warmRatio = median(warm) / median(cold);
  row('warm rebuild (SVGs kept) / cold build with render', ratio(warmRatio), '≤ 0.20×', warmRatio <= 0.2,
    `${median(warm).toFixed(0)} vs ${median(cold).toFixed(0)} ms`);
}

async function browserPath() {
  const { findBrowser } = await import('../dist/src/render/browser.js');
  return findBrowser(process.env);
}

function table() {
  const head = ['measure', 'value', 'target', 'result'];
  const body = rows.map((r) => [r.measure, r.value, r.target, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

try {
  if (!existsSync(join(root, 'dist', 'cli', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const sample = largestSample();
  const spec100 = join(work, 'generated-100.yaml');
  const spec1000 = join(work, 'generated-1000.yaml');
  writeFileSync(spec100, generateSpec(100));
  writeFileSync(spec1000, generateSpec(1000));
  const browser = await browserPath();

  // A phase that breaks (e.g. dist/ rebuilt under the run) is reported as a FAIL row; the others still run.
  const phase = (name, run) => {
    try {
      run();
    } catch (error) {
      row(name, 'error', '-', false, String(error instanceof Error ? error.message : error).split('\n')[0]);
    }
  };
  phase('archc validate (largest sample) / baseline', validateRatio);
  phase('peak RSS, build --no-render at 1,000 entities', () => peakRss(spec1000));
  phase('build --no-render ratios', () => compileRatios(sample, spec100, spec1000));
  phase('rendering ratios', () => renderRatios(sample, browser));

  const cpuList = cpus();
  console.log(`machine: ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, `
    + `node ${process.version}, load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`inputs: ${relative(root, sample)} (${statSync(sample).size} bytes, the largest sample), `
    + `generated specs of 100 and 1,000 entities (bench/gen-spec.mjs, seed 1); browser: ${browser ?? 'none'}`);
  console.log(`method: wall time of whole processes; each measure alternates with its baseline (a node process that only `
    + `imports yaml and ajv) and takes the median of ${ROUNDS} rounds (${RENDER_ROUNDS} for rendering; mmdc once); `
    + 'peak RSS is the child\'s process.resourceUsage().maxRSS.');
  console.log('');
  console.log(table());
  for (const r of rows.filter((x) => x.note)) console.log(`  ${r.measure}: ${r.note}`);
  console.log(`\nbench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
  process.exitCode = rows.some((r) => r.result === 'FAIL') ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
