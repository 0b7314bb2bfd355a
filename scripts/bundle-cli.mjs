// Bundles the compiled CLI (dist/src, written by tsc) into dist/cli: one module per command plus shared chunks,
// instead of ~200 small modules. Node resolves, reads and links every ES module separately, which cost ~100 ms of
// each run's start-up; the bundle keeps the same lazy loading (a command loads only its own chunk, and the heavy
// packages stay outside, imported when needed). tsc stays the compiler: this step only joins its output.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli`;
// Written beside and swapped in, so that a CLI started during a rebuild (a test run, a watcher) finds a whole bundle.
const staging = `${outdir}.new`;
const previous = `${outdir}.old`;

rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/src/cli/cli.js`],
  outdir: staging,
  bundle: true,
  splitting: true, // dynamic imports stay separate chunks, loaded on first use
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external', // dependencies load from node_modules as before (and lazily where the code says so)
  logLevel: 'warning',
});
rmSync(previous, { recursive: true, force: true });
if (existsSync(outdir)) renameSync(outdir, previous);
renameSync(staging, outdir);
rmSync(previous, { recursive: true, force: true });
