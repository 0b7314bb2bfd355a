// "Did you mean" suggestions by edit distance.
import { MAX_SUGGESTION_CANDIDATES } from '../load/limits.js';

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest candidate within a third of the word's length (at least 2 edits), ties by name. None among more
 * than MAX_SUGGESTION_CANDIDATES candidates: the search is quadratic over a spec's unknown names.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const names = [...candidates];
  if (names.length > MAX_SUGGESTION_CANDIDATES) return null;
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    if (Math.abs(name.length - word.length) > limit) continue; // the distance is at least the length difference
    const distance = editDistance(lower, name.toLowerCase());
    if (!best || distance < best.distance || (distance === best.distance && name < best.name)) best = { name, distance };
  }
  if (!best) return null;
  return best.distance <= limit ? best.name : null;
}

/** Formats a suggestion suffix for messages: `; did you mean "x"?` or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match ? `; did you mean "${match}"?` : '';
}
