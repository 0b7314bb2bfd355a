// Renders Mermaid diagrams to SVG in ONE browser and ONE page: the Mermaid bundled with @mermaid-js/mermaid-cli
// is loaded once, then each diagram is rendered in a loop (mermaid-cli's renderMermaid opens a page per diagram).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DiagramSource {
  /** e.g. "diagrams/context" (no extension). */
  name: string;
  source: string;
}

export interface RenderedDiagram {
  name: string;
  svg: string | null;
  error: string | null;
}

/** Mermaid's browser bundle, resolved through mermaid-cli so the renderer uses the version it ships with. */
function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  const cliEntry = require.resolve('@mermaid-js/mermaid-cli');
  const fromCli = createRequire(cliEntry);
  return join(dirname(fromCli.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
}

/** Fixed ids and config: the same browser renders the same bytes every time. */
const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  deterministicIds: true,
  deterministicIDSeed: 'archc',
  // Shapes drawn through rough.js take a random seed unless one is fixed.
  handDrawnSeed: 1,
  fontFamily: 'sans-serif',
};

export async function renderDiagrams(diagrams: readonly DiagramSource[], executablePath: string): Promise<RenderedDiagram[]> {
  if (diagrams.length === 0) return [];
  const { default: puppeteer } = await import('puppeteer');
  const browser = await puppeteer.launch({
    executablePath,
    headless: 'shell',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="container"></div></body></html>');
    await page.addScriptTag({ path: mermaidBundlePath() });
    await page.evaluate((config) => {
      (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
    }, MERMAID_CONFIG);
    const results: RenderedDiagram[] = [];
    for (const diagram of diagrams) {
      const id = `archc-${diagram.name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
      const outcome = await page.evaluate(async (svgId: string, definition: string) => {
        const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        try {
          const { svg } = await mermaid.render(svgId, definition);
          // render() serializes as HTML (labels hold <br>); re-serialize as XML so the file is a well-formed SVG.
          const page = globalThis as unknown as {
            document: { createElement(tag: string): { innerHTML: string; querySelector(s: string): unknown } };
            XMLSerializer: new () => { serializeToString(node: unknown): string };
          };
          const holder = page.document.createElement('div');
          holder.innerHTML = svg;
          const element = holder.querySelector('svg');
          if (!element) return { svg: null, error: 'Mermaid returned no <svg> element' };
          return { svg: new page.XMLSerializer().serializeToString(element), error: null };
        } catch (error) {
          return { svg: null, error: error instanceof Error ? error.message : String(error) };
        }
      }, id, diagram.source);
      results.push({ name: diagram.name, svg: outcome.svg, error: outcome.error });
    }
    return results;
  } finally {
    await browser.close();
  }
}
