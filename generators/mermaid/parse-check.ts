// Checks diagram text with Mermaid's own parser in Node. Mermaid expects a browser: its sanitizer (DOMPurify)
// needs `window` and `document`, so a jsdom window is installed before Mermaid is first imported.
// Both imports are lazy: archc only pays for them when a check runs.

interface MermaidParser {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: unknown }> };
}

interface BrowserWindow {
  document: unknown;
}

let loading: Promise<MermaidParser> | null = null;

async function installBrowserGlobals(): Promise<void> {
  const scope = globalThis as { window?: unknown; document?: unknown };
  if (scope.window !== undefined && scope.document !== undefined) return;
  // jsdom ships no type declarations; the specifier is a variable so the import stays untyped and lazy.
  const jsdomSpecifier = 'jsdom';
  const { JSDOM } = (await import(jsdomSpecifier)) as { JSDOM: new (html: string) => { window: BrowserWindow } };
  const { window } = new JSDOM('');
  scope.window = window;
  scope.document = window.document;
}

async function importMermaid(): Promise<MermaidParser> {
  await installBrowserGlobals();
  const { default: mermaid } = await import('mermaid');
  // The first parse registers Mermaid's diagram types, which getDiagramFromText needs.
  await mermaid.parse('flowchart LR\n  a');
  return mermaid;
}

/** Mermaid, loaded once per process. */
export function loadMermaid(): Promise<MermaidParser> {
  loading ??= importMermaid();
  return loading;
}

/** Resolves when Mermaid accepts the diagram; rejects with Mermaid's parse error otherwise. */
export async function parseMermaid(text: string): Promise<void> {
  const mermaid = await loadMermaid();
  await mermaid.parse(text);
}

/** Mermaid's parse error for a diagram as a message, or null when it parses. */
export async function mermaidError(text: string): Promise<string | null> {
  try {
    await parseMermaid(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The parsed diagram's database (vertices, edges, entities, actors…), for checks on structure, not text. */
export async function parsedDiagram(text: string): Promise<unknown> {
  const mermaid = await loadMermaid();
  // Builds the diagram the way parse() does, so it rejects on the same errors.
  return (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
}
