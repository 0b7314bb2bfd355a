// Prints ts-morph structures in a worker thread. Loading ts-morph (it bundles the TypeScript compiler) costs about
// half a second and printing a 1,000-entity model about as much again; on a thread of its own, both run while the
// main thread parses the spec, runs the passes and the other emitters. `warmTypesPrinter()` starts the load early;
// the thread is shared by every build of the process and never keeps the process alive when idle.
import { createRequire } from 'node:module';
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
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const tsMorph = require(workerData.tsMorphPath);
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
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { tsMorphPath }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
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
