// Decides which SVGs a build writes: keep an existing SVG whose embedded hash matches its .mmd, render the
// rest when a browser is available, drop stale ones when it is not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../../generators/generator.js';
import { renderDiagrams } from './render-svg.js';
import { embeddedHash, embedHash, mmdHash } from './svg-hash.js';

export interface SvgPlan {
  /** SVG files to write (kept or freshly rendered). */
  files: OutputFile[];
  kept: number;
  rendered: number;
  /** Diagrams that needed rendering but had no browser. */
  unrendered: number;
  /** Existing SVGs dropped because their .mmd changed and nothing could re-render them. */
  dropped: number;
  failures: Array<{ diagram: string; reason: string }>;
}

function svgPathFor(mmdPath: string): string {
  return mmdPath.replace(/\.mmd$/, '.svg');
}

export async function planSvgs(files: readonly OutputFile[], previousOutDir: string, browser: string | null): Promise<SvgPlan> {
  const plan: SvgPlan = { files: [], kept: 0, rendered: 0, unrendered: 0, dropped: 0, failures: [] };
  const toRender: Array<{ name: string; source: string; hash: string }> = [];
  for (const file of files.filter((f) => f.path.endsWith('.mmd'))) {
    const hash = mmdHash(file.content);
    const svgPath = svgPathFor(file.path);
    const existing = join(previousOutDir, svgPath);
    const previous = existsSync(existing) ? readFileSync(existing, 'utf8') : null;
    if (previous !== null && embeddedHash(previous) === hash) {
      plan.files.push({ path: svgPath, content: previous });
      plan.kept++;
    } else {
      if (previous !== null && !browser) plan.dropped++;
      toRender.push({ name: file.path.replace(/\.mmd$/, ''), source: file.content, hash });
    }
  }
  if (!browser) {
    plan.unrendered = toRender.length;
    return plan;
  }
  const rendered = await renderDiagrams(toRender, browser);
  rendered.forEach((result, i) => {
    const job = toRender[i]!;
    if (result.svg === null) {
      plan.failures.push({ diagram: `${job.name}.mmd`, reason: result.error ?? 'unknown error' });
      return;
    }
    plan.files.push({ path: `${job.name}.svg`, content: `${embedHash(result.svg, job.hash)}\n` });
    plan.rendered++;
  });
  return plan;
}
