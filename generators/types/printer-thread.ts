// Prints ts-morph structures in a worker thread. Loading ts-morph (it bundles the TypeScript compiler) costs about
// half a second and printing a 1,000-entity model about as much again; on a thread of its own, both run while the
// main thread parses the spec, runs the passes and the other emitters. `warmTypesPrinter()` starts the load early;
// the thread is shared by every build of the process and never keeps the process alive when idle.
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportDeclarationStructure, InterfaceDeclarationStructure, StructureKind, TypeAliasDeclarationStructure } from 'ts-morph';

/** A structure with its kind named rather than numbered, so that building it needs no ts-morph. */
type Named<S, K extends keyof typeof StructureKind> = Omit<S, 'kind'> & { kind: K };

/** The statements types/ is made of. */
export type PlainStatement =
  | Named<InterfaceDeclarationStructure, 'Interface'>
  | Named<TypeAliasDeclarationStructure, 'TypeAlias'>
  | Named<ExportDeclarationStructure, 'ExportDeclaration'>;

/** One source file: its statements in order. */
export type PlainSourceFile = PlainStatement[];

// CommonJS on purpose: the worker `require`s ts-morph (importing a CommonJS bundle from ESM first scans the whole
// bundle for export names). The options are those the files have always been printed with.
//
// Compiling ts-morph's 13 MB of JavaScript is most of its load time, so the thread keeps V8's code cache for those
// bundles in node_modules/.cache/archc (what Node 22's module.enableCompileCache does; Node 20 lacks it): the first
// build writes it (about 9 MB), later builds load ts-morph in about half the time. V8 rejects a cache that does not match the
// source, and the file name carries the bundle's size and mtime and the Node version, so an upgrade starts afresh.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const v8 = require('node:v8');

// This thread finishes well before the main thread, which is the build's critical path: on two cores, yield to it.
// os.setPriority(0, n) sets the calling thread's nice value on Linux; elsewhere it may not apply, which is harmless.
try { require('node:os').setPriority(0, 10); } catch {}

const cacheDir = workerData.compileCacheDir;
const unsaved = [];
// Entries are named <bundle file name>-<hash of the bundle's install and the Node version>.v8.
function entryPrefix(filename) {
  return path.basename(filename) + '-';
}
function cacheFileOf(filename) {
  const stat = fs.statSync(filename);
  const key = [filename, stat.size, stat.mtimeMs, process.version, v8.cachedDataVersionTag()].join('\\0');
  return path.join(cacheDir, entryPrefix(filename) + createHash('sha256').update(key).digest('hex').slice(0, 32) + '.v8');
}
// Entries of older installs of the same bundle (another size, mtime or Node) are never read again: drop them.
function dropOtherVersions(filename, cacheFile) {
  for (const entry of fs.readdirSync(cacheDir)) {
    const file = path.join(cacheDir, entry);
    if (entry.startsWith(entryPrefix(filename)) && entry.endsWith('.v8') && file !== cacheFile) fs.rmSync(file, { force: true });
  }
}
// Compiled with the cache when it can be (null otherwise: the module then loads the ordinary way).
function cachedScript(content, filename) {
  try {
    const cacheFile = cacheFileOf(filename);
    let cachedData;
    try { cachedData = fs.readFileSync(cacheFile); } catch {}
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) unsaved.push({ filename, cacheFile, script });
    return script;
  } catch {
    return null;
  }
}
function runScript(script, module, filename) {
  const require = Module.createRequire(filename);
  return script.runInThisContext().call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}
function saveCaches() {
  for (const { filename, cacheFile, script } of unsaved.splice(0)) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const partial = cacheFile + '.' + process.pid + '.' + Math.random().toString(36).slice(2);
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cacheFile);
      dropOtherVersions(filename, cacheFile);
    } catch {}
  }
}
function requireTsMorph() {
  if (!cacheDir) return require(workerData.tsMorphPath);
  const bundles = path.resolve(path.dirname(workerData.tsMorphPath), '..', '..');
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    const ours = filename.startsWith(bundles + path.sep) && /[\\/](ts-morph|@ts-morph[\\/]common)[\\/]dist[\\/][^\\/]+[.]js$/.test(filename);
    const script = ours ? cachedScript(content, filename) : null;
    return script ? runScript(script, this, filename) : compile.call(this, content, filename);
  };
  try { return require(workerData.tsMorphPath); } finally { Module.prototype._compile = compile; }
}

const tsMorph = requireTsMorph();
// Right away, once per install: the process may end as soon as its first answer arrives.
saveCaches();
// Loading the bundles leaves ~20 MB of garbage this thread would otherwise carry while the build peaks; one full
// collection now, off the main thread, lowers the process's peak memory (V8's gc is reachable once the flag is set).
// Best effort: a Node where this does not work just skips the collection.
try {
  v8.setFlagsFromString('--expose-gc');
  vm.runInNewContext('gc')();
} catch {}
const options = { indentNumberOfSpaces: 2, newLine: '\\n', useSingleQuote: false };
const withKind = (statement) => ({ ...statement, kind: tsMorph.StructureKind[statement.kind] });
parentPort.on('message', ({ id, files }) => {
  try {
    const texts = files.map((statements) =>
      tsMorph.printStructure({ kind: tsMorph.StructureKind.SourceFile, statements: statements.map(withKind) }, options));
    parentPort.postMessage({ id, texts });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/** node_modules/.cache/archc beside ts-morph's package, or null when ARCHC_COMPILE_CACHE=0 or not under node_modules. */
function compileCacheDir(tsMorphPath: string): string | null {
  if (process.env['ARCHC_COMPILE_CACHE'] === '0') return null;
  const nodeModules = resolve(dirname(tsMorphPath), '..', '..');
  return basename(nodeModules) === 'node_modules' ? join(nodeModules, '.cache', 'archc') : null;
}

interface Pending {
  resolve(texts: string[]): void;
  reject(error: Error): void;
}

interface PrinterThread {
  worker: Worker;
  pending: Map<number, Pending>;
  nextId: number;
}

let thread: PrinterThread | null = null;

function startThread(): PrinterThread {
  const tsMorphPath = createRequire(import.meta.url).resolve('ts-morph');
  // A small young generation: printing makes short-lived garbage, and the default lets ~30 MB more of it pile up
  // before a collection at 1,000 entities, for no measurable gain in speed.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tsMorphPath, compileCacheDir: compileCacheDir(tsMorphPath) }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
  const started: PrinterThread = { worker, pending: new Map(), nextId: 0 };
  worker.on('message', (reply: { id: number; texts?: string[]; error?: string }) => {
    const request = started.pending.get(reply.id);
    if (!request) return;
    started.pending.delete(reply.id);
    if (started.pending.size === 0) worker.unref();
    if (reply.texts) request.resolve(reply.texts);
    else request.reject(new Error(`printing types failed: ${reply.error ?? 'unknown error'}`));
  });
  // A thread that failed to start (ts-morph missing) or crashed fails its requests; the next request starts anew.
  const fail = (error: Error): void => {
    if (thread === started) thread = null;
    for (const request of started.pending.values()) request.reject(error);
    started.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (exitCode) => fail(new Error(`the types printer thread exited with code ${exitCode}`)));
  // After the listeners: adding a listener refs the thread again, and a failed build would then never exit.
  worker.unref();
  return started;
}

/** Starts loading ts-morph on its own thread, so that a later print does not wait for it. */
export function warmTypesPrinter(): void {
  thread ??= startThread();
}

/** Prints each file's statements as ts-morph would write them into a file: two-space indent, double quotes, LF. */
export function printSourceFiles(files: PlainSourceFile[]): Promise<string[]> {
  const current = (thread ??= startThread());
  const id = current.nextId++;
  return new Promise<string[]>((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.ref(); // keep the process alive until the answer arrives
    current.worker.postMessage({ id, files });
  });
}

/**
 * Ends the thread and frees its memory (ts-morph and the printed structures, ~100 MB at 1,000 entities) once a
 * one-shot build has its files: keeping it for a next build that never comes would only raise the peak.
 */
export async function releaseTypesPrinter(): Promise<void> {
  const current = thread;
  thread = null;
  if (current) await current.worker.terminate();
}
