// Parses diagrams with Mermaid's own parser (jsdom-backed); shared by every test that checks Mermaid output.
// Jest 30 soft-deletes objects set on the global scope when a test file ends, by wrapping their properties;
// jsdom keeps writing to its window afterwards and the wrapped setter recurses forever. So the helper installs
// the jsdom window itself, marked with Jest's protect-from-deletion symbol, before Mermaid is loaded.
import {
  loadMermaid as loadMermaidUnprotected, mermaidError as mermaidErrorUnprotected, parseMermaid as parseMermaidUnprotected,
  parsedDiagram as parsedDiagramUnprotected,
} from '../../generators/mermaid/parse-check.js';

const JEST_PROTECT = Symbol.for('$$jest-protect-from-deletion');

let installed: Promise<void> | null = null;

async function installProtectedWindow(): Promise<void> {
  const scope = globalThis as { window?: unknown; document?: unknown };
  if (scope.window !== undefined) return;
  const jsdomSpecifier = 'jsdom';
  const { JSDOM } = (await import(jsdomSpecifier)) as { JSDOM: new (html: string) => { window: { document: object } } };
  const { window } = new JSDOM('');
  Reflect.defineProperty(window, JEST_PROTECT, { value: [], configurable: true });
  Reflect.defineProperty(window.document, JEST_PROTECT, { value: [], configurable: true });
  scope.window = window;
  scope.document = window.document;
}

function ready(): Promise<void> {
  installed ??= installProtectedWindow();
  return installed;
}

export async function loadMermaid(): ReturnType<typeof loadMermaidUnprotected> {
  await ready();
  return loadMermaidUnprotected();
}

export async function parseMermaid(text: string): Promise<void> {
  await ready();
  return parseMermaidUnprotected(text);
}

export async function mermaidError(text: string): Promise<string | null> {
  await ready();
  return mermaidErrorUnprotected(text);
}

export async function parsedDiagram(text: string): Promise<unknown> {
  await ready();
  return parsedDiagramUnprotected(text);
}
