// Renders catalogue decisions as prose: the choice, the reason, cost and operations, what was rejected and when it flips.
import type { Decision, ArchitectureModel, TippingPoint } from '../../src/model/types.js';
import { compareNames } from '../../src/spec/normalize.js';
import { findBy } from '../../src/model/find-by.js';
import { code, inline, link } from '../markdown/escape.js';
import { firstSentence } from './format.js';
import { formatNumber } from '../markdown/numbers.js';
import { tippingDirection } from '../../src/model/tipping-point.js';

export function findDecision(model: ArchitectureModel, id: string): Decision | undefined {
  return findBy(model.decisions, 'id', id);
}

/** Decisions whose id starts with the prefix (e.g. `consistency.`), sorted by id. */
export function decisionsWithPrefix(model: ArchitectureModel, prefix: string): Decision[] {
  return model.decisions.filter((d) => d.id.startsWith(prefix)).sort((a, b) => compareNames(a.id, b.id));
}

/** The choice, or null when the engine made no such decision. */
export function choiceOf(model: ArchitectureModel, id: string): string | null {
  return findDecision(model, id)?.choice ?? null;
}

/** Path of the ADR the adr emitter writes for this decision. */
export function adrPath(id: string): string {
  return `decisions/${id}.md`;
}

export function adrLink(id: string): string {
  return link('ADR', adrPath(id));
}

/** "Flips to `redis` when `traffic.peak_rps` reaches 2000 (now 150)." — or "falls below" from above. */
export function tippingText(tp: TippingPoint): string {
  return `Flips to ${code(tp.flipsTo)} when ${code(tp.input)} ${tippingDirection(tp)} ${formatNumber(tp.threshold)} (now ${formatNumber(tp.value)}).`;
}

/** "`cache` → `redis` (pinned: reason)" with the ADR link. */
export function choiceHeadline(d: Decision): string {
  // The pin's reason is in the rationale and the ADR; the headline only flags it.
  const pinned = d.pinned === null ? '' : ', pinned in the spec';
  return `**${code(d.id)}: ${code(d.choice)}** (rule ${code(d.rule)}, ${adrLink(d.id)}${pinned})`;
}

/** The decision as blocks: headline with reason, cost and operations, tipping point. Short mode: one line. */
export function decisionBlocks(d: Decision | undefined, id: string, short: boolean): string[] {
  if (d === undefined) return [`No ${code(id)} decision in the model.`];
  if (short) {
    const tip = d.tippingPoint === null ? '' : ` ${tippingText(d.tippingPoint)}`;
    const tradeoff = [
      d.consequences.cost === '' ? '' : `Cost: ${inline(firstSentence(d.consequences.cost))}`,
      d.consequences.operations === '' ? '' : `Operations: ${inline(firstSentence(d.consequences.operations))}`,
    ].filter((t) => t !== '').join(' ');
    return [`${choiceHeadline(d)}: ${inline(firstSentence(d.rationale))}${tip}`, tradeoff];
  }
  const lines = [
    `Cost: ${inline(d.consequences.cost || 'not stated')}`,
    `Operations: ${inline(d.consequences.operations || 'not stated')}`,
  ];
  if (d.tippingPoint !== null) lines.push(`Tipping point: ${tippingText(d.tippingPoint)}`);
  return [`${choiceHeadline(d)}: ${inline(d.rationale)}`, lines.map((l) => `- ${l}`).join('\n')];
}

/** Rows (decision, rejected choice, reason) for a decision's alternatives; the flip target is marked. */
export function alternativeRows(d: Decision, short: boolean): string[][] {
  return d.alternatives.map((alt) => {
    const flips = d.tippingPoint !== null && d.tippingPoint.flipsTo === alt.choice ? ` ${tippingText(d.tippingPoint)}` : '';
    const reason = short ? firstSentence(alt.reason) : alt.reason;
    return [code(d.id), code(alt.choice), `${inline(reason)}${flips}`];
  });
}
