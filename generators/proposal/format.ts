// Sentence helpers for prose built from model text.
import { formatNumber } from '../markdown/numbers.js';

/** The first sentence of a text (split after a full stop followed by a space), for one-line reasons. */
export function firstSentence(text: string): string {
  const match = /^(.*?[.!?])\s/s.exec(text.trim());
  return match?.[1] ?? text.trim();
}

/** A number as stored in the model, or a word when absent. */
export function numberOr(value: number | null | undefined, absent: string): string {
  return value === null || value === undefined ? absent : formatNumber(value);
}

/** Drops one trailing full stop so model text can be followed by more of a sentence. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/\.$/, '');
}
