// SVG rendering with the real Chromium: one browser, one page, every diagram of every sample.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { findBrowser } from '../../src/render/browser.js';
import { renderDiagrams, type DiagramSource } from '../../src/render/render-svg.js';
import { embeddedHash, embedHash, mmdHash } from '../../src/render/svg-hash.js';
import { repoRoot, runArchc } from '../helpers/cli.js';

const samplesDir = join(repoRoot, 'samples');
const samples = readdirSync(samplesDir).filter((name) => existsSync(join(samplesDir, name, 'out', 'diagrams'))).sort();

function sampleDiagrams(): DiagramSource[] {
  return samples.flatMap((sample) => {
    const dir = join(samplesDir, sample, 'out', 'diagrams');
    return readdirSync(dir).filter((f) => f.endsWith('.mmd')).sort()
      .map((f) => ({ name: `${sample}/${f.replace(/\.mmd$/, '')}`, source: readFileSync(join(dir, f), 'utf8') }));
  });
}

/** Mermaid's entity escapes (#quot;, #59;) back to characters. */
function decodeMermaid(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/#quot;/g, '"').replace(/#amp;/g, '&').replace(/#lt;/g, '<').replace(/#gt;/g, '>');
}

/** The visible labels a diagram declares: node labels, participants, ERD entities, chart titles (first line each). */
function declaredLabels(source: string): string[] {
  const labels: string[] = [];
  for (const match of source.matchAll(/[[(]+"([^"]*)"[\])]+/g)) labels.push(match[1]!);
  for (const match of source.matchAll(/^\s*(?:participant|actor) \S+ as (.+)$/gm)) labels.push(match[1]!);
  for (const match of source.matchAll(/^\s*title "?([^"\n]+)"?$/gm)) labels.push(match[1]!);
  return labels.map((l) => decodeMermaid(l.split('<br/>')[0]!).trim()).filter((l) => l.length > 0);
}

function parseSvg(svg: string) {
  return new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
}

const browser = findBrowser(process.env);

describe('rendering every sample diagram with Chromium', () => {
  const diagrams = sampleDiagrams();
  let first: Awaited<ReturnType<typeof renderDiagrams>> = [];
  let second: Awaited<ReturnType<typeof renderDiagrams>> = [];

  beforeAll(async () => {
    if (!browser) throw new Error('no Chromium found: install chromium (apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH');
    first = await renderDiagrams(diagrams, browser);
    second = await renderDiagrams(diagrams, browser);
  }, 300_000);

  test('there are diagrams to render', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(samples.length * 7);
  });

  test('every diagram renders to a well-formed SVG containing its labels', () => {
    for (const [i, result] of first.entries()) {
      const diagram = diagrams[i]!;
      expect({ diagram: diagram.name, error: result.error }).toEqual({ diagram: diagram.name, error: null });
      const svg = embedHash(result.svg!, mmdHash(diagram.source));
      const doc = parseSvg(svg);
      expect({ diagram: diagram.name, parseError: doc.getElementsByTagName('parsererror').length }).toEqual({ diagram: diagram.name, parseError: 0 });
      expect(doc.documentElement.tagName).toBe('svg');
      const text = (doc.documentElement.textContent ?? '').replace(/\s+/g, ' ');
      for (const label of declaredLabels(diagram.source)) {
        expect({ diagram: diagram.name, label, found: text.includes(label.replace(/\s+/g, ' ')) }).toEqual({ diagram: diagram.name, label, found: true });
      }
      expect(embeddedHash(svg)).toBe(mmdHash(diagram.source));
    }
  });

  test('two renders are byte-identical', () => {
    expect(second.map((r) => r.svg)).toEqual(first.map((r) => r.svg));
  });
});

describe('build renders, keeps current SVGs and embeds the diagram hash', () => {
  let work: string;
  /** A PATH with no browser on it (node itself is spawned by absolute path). */
  let emptyPath: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'archc-render-'));
    emptyPath = join(work, 'empty-bin');
    mkdirSync(emptyPath);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('a build with a browser writes an SVG per diagram carrying its .mmd hash', async () => {
    const out = join(work, 'with-browser');
    const result = await runArchc(['build', join(samplesDir, 'internal-tool', 'system.yaml'), '--out', out, '--render', 'require', '--quiet']);
    expect(result.code).toBe(0);
    const dir = join(out, 'diagrams');
    const mmds = readdirSync(dir).filter((f) => f.endsWith('.mmd'));
    expect(mmds.length).toBeGreaterThan(0);
    for (const mmd of mmds) {
      const svg = readFileSync(join(dir, mmd.replace(/\.mmd$/, '.svg')), 'utf8');
      expect(embeddedHash(svg)).toBe(mmdHash(readFileSync(join(dir, mmd), 'utf8')));
    }
  }, 120_000);

  test('without a browser the build warns once, still writes every .mmd and exits 0', async () => {
    const out = join(work, 'no-browser');
    const result = await runArchc(['build', join(samplesDir, 'internal-tool', 'system.yaml'), '--out', out], {
      env: { PATH: emptyPath, PUPPETEER_EXECUTABLE_PATH: undefined },
    });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/warning ARC0005/g)).toHaveLength(1);
    const files = readdirSync(join(out, 'diagrams'));
    expect(files.filter((f) => f.endsWith('.mmd')).length).toBeGreaterThanOrEqual(7);
    expect(files.filter((f) => f.endsWith('.svg'))).toEqual([]);
  });

  test('--render require without a browser is an error and writes nothing', async () => {
    const out = join(work, 'required');
    const result = await runArchc(['build', join(samplesDir, 'internal-tool', 'system.yaml'), '--out', out, '--render', 'require'], {
      env: { PATH: emptyPath, PUPPETEER_EXECUTABLE_PATH: undefined },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error ARC0006');
    expect(existsSync(out)).toBe(false);
  });
});
