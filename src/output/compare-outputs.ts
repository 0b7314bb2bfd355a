// Compares what a build would write with what an output directory holds; shared by `archc check` and `archc verify`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface OutputComparison {
  stale: string[];
  missing: string[];
  extra: string[];
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Compares expected file contents with a directory; `.svg` files are left to the renderer's hash check. */
export function compareOutputs(expected: ReadonlyMap<string, string>, dir: string): OutputComparison {
  const present = new Set(listFiles(dir).filter((f) => !f.endsWith('.svg')));
  const result: OutputComparison = { stale: [], missing: [], extra: [] };
  for (const [path, content] of [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!present.has(path)) result.missing.push(path);
    else if (readFileSync(join(dir, path), 'utf8') !== content) result.stale.push(path);
    present.delete(path);
  }
  result.extra = [...present].sort();
  return result;
}
