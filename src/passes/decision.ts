// Builds catalogue decision records: cites inputs with source positions, applies pins, finds tipping points.
import { formatMessage, type DiagnosticCode } from '../diagnostics/messages.js';
import { compareNames } from '../spec/normalize.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import type {
  ArchitectureModel, Challenge, Decision, SpecInput, TippingPoint,
} from '../model/types.js';
import type { PassContext } from './pass.js';
import { CONSISTENCY_PREFIX, choicesOf, fixedDecisionIds } from './catalogue.js';
import { sortedListAdder } from './sorted-insert.js';
import { findBy } from '../model/find-by.js';

/** The choice recorded for a decision id, or null when no pass has made it yet. */
export function choiceOf(model: ArchitectureModel, id: string): string | null {
  return model.decisions.find((d) => d.id === id)?.choice ?? null;
}

export interface Consequences {
  cost: string;
  operations: string;
}

/** What a pass knows before pins are applied. */
export interface DecisionDraft {
  id: string;
  /** The rule's choice. */
  choice: string;
  /** Stable rule id, e.g. `cache/no-hot-path`. */
  rule: string;
  /** Why the rule's choice fits, naming the mechanism and the inputs with their values. */
  rationale: string;
  /** Why each other catalogue choice is rejected by the rule (every other choice needs one). */
  rejected: Readonly<Record<string, string>>;
  /** Spec paths the rule read; paths the frame assumed become assumption ids. */
  uses: readonly string[];
  tippingPoint: TippingPoint | null;
  /** Cost and operational load of every catalogue choice, so a pinned choice gets its own. */
  consequences: Readonly<Record<string, Consequences>>;
  /** Choices that contradict a fact of the spec, with the fact (a pin to one is honoured with a warning). */
  contradicts?: Readonly<Record<string, string>>;
}

/** Position-cited input; defaults and absent values carry no position. */
export function cite(ctx: PassContext, path: string): SpecInput {
  const position = ctx.locate.position(path);
  return position ? { path, line: position.line, column: position.column } : { path };
}

export function pinOf(spec: NormalizedSpec, id: string): { id: string; choice: string; reason?: string } | null {
  const pin = spec.decisions.find((d) => d.id === id);
  if (!pin) return null;
  // Validation rejects choices outside the catalogue; ignore one defensively rather than emit an invalid record.
  return choicesOf(id)?.includes(pin.choice) ? pin : null;
}

/** The first candidate path written in the spec (so a challenge has a source position), else the first candidate. */
export function locatablePath(ctx: PassContext, candidates: readonly string[]): string {
  return candidates.find((p) => ctx.locate.position(p) !== null) ?? candidates[0]!;
}

function challenge(code: DiagnosticCode, args: Readonly<Record<string, string | number>>, path: string): Challenge {
  return { code, message: formatMessage(code, args), path };
}

/** Adds a challenge; challenges stay sorted by path, then code, then message. */
export function withChallenge(
  model: ArchitectureModel, code: DiagnosticCode, args: Readonly<Record<string, string | number>>, path: string,
): ArchitectureModel {
  return { ...model, challenges: challengeList.add(model.challenges, challenge(code, args, path)) };
}

const challengeList = sortedListAdder<Challenge>((a, b) =>
  compareNames(a.path, b.path) || compareNames(a.code, b.code) || compareNames(a.message, b.message));

// Positions of the fixed catalogue decisions, looked up once: ids are compared each time a decision is added.
const fixedRank = new Map((fixedDecisionIds as readonly string[]).map((id, index) => [id, index]));

/** Catalogue order, then `consistency.<flow>` by flow name. */
export function compareDecisionIds(a: string, b: string): number {
  const ra = fixedRank.get(a) ?? fixedDecisionIds.length;
  const rb = fixedRank.get(b) ?? fixedDecisionIds.length;
  if (ra !== rb) return ra - rb;
  if (ra < fixedDecisionIds.length) return 0;
  // A prefix both ids share does not change their order: compare them as they are, without slicing.
  if (a.startsWith(CONSISTENCY_PREFIX) === b.startsWith(CONSISTENCY_PREFIX)) return compareNames(a, b);
  return compareNames(withoutConsistencyPrefix(a), withoutConsistencyPrefix(b));
}

function withoutConsistencyPrefix(id: string): string {
  return id.startsWith(CONSISTENCY_PREFIX) ? id.slice(CONSISTENCY_PREFIX.length) : id;
}

function withDecision(model: ArchitectureModel, decision: Decision): ArchitectureModel {
  return { ...model, decisions: decisionList.add(model.decisions, decision, (d) => d.id !== decision.id) };
}

const decisionList = sortedListAdder<Decision>((a, b) => compareDecisionIds(a.id, b.id));

function unique(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

/** Turns a draft into the record (pins win) and adds it, plus any pin challenge, to the model. */
export function decide(ctx: PassContext, model: ArchitectureModel, draft: DecisionDraft): ArchitectureModel {
  const choices = choicesOf(draft.id);
  if (!choices) throw new Error(`archc bug: ${draft.id} is not a catalogue decision`);
  if (!choices.includes(draft.choice)) throw new Error(`archc bug: ${draft.id} has no choice ${draft.choice}`);
  for (const c of choices) {
    if (c !== draft.choice && draft.rejected[c] === undefined) throw new Error(`archc bug: ${draft.id} does not say why ${c} is rejected`);
    if (draft.consequences[c] === undefined) throw new Error(`archc bug: ${draft.id} has no consequences for ${c}`);
  }
  const pin = pinOf(ctx.spec, draft.id);
  const pinPath = `decisions.${draft.id}`;
  const uses = unique(pin ? [pinPath, ...draft.uses] : draft.uses);
  // Assumption ids looked up in the model's index, not collected into a set per decision.
  const assumed = (path: string): boolean => findBy(model.assumptions, 'id', path) !== undefined;
  const inputs = uses.filter((p) => !assumed(p)).map((p) => cite(ctx, p));
  const assumptions = uses.filter(assumed);
  let next = model;

  let choice = draft.choice;
  let rationale = draft.rationale;
  let pinned: Decision['pinned'] = null;
  let tippingPoint = draft.tippingPoint;
  let alternatives = choices.filter((c) => c !== draft.choice).map((c) => ({ choice: c, reason: draft.rejected[c]! }));
  if (pin) {
    const reason = pin.reason ?? 'no reason given';
    pinned = { reason };
    tippingPoint = null; // a pinned choice does not move with any input
    if (pin.choice === draft.choice) {
      rationale = `Pinned to ${pin.choice} (${reason}); the rules choose the same. ${draft.rationale}`;
      next = withChallenge(next, 'ARC0412', { id: draft.id, choice: pin.choice, rule: draft.rule }, pinPath);
    } else {
      choice = pin.choice;
      rationale = `Pinned to ${pin.choice}: ${reason}. Without the pin the rules (${draft.rule}) would choose ${draft.choice}: ${draft.rationale}`;
      alternatives = choices.filter((c) => c !== pin.choice).map((c) => ({
        choice: c,
        reason: c === draft.choice
          ? `The rules' choice, overridden by the pin: ${draft.rationale}`
          : draft.rejected[c]!,
      }));
      const fact = draft.contradicts?.[pin.choice];
      if (fact !== undefined) next = withChallenge(next, 'ARC0411', { id: draft.id, choice: pin.choice, fact }, pinPath);
    }
  }
  const decision: Decision = {
    id: draft.id,
    choice,
    rule: draft.rule,
    rationale,
    alternatives,
    inputs,
    assumptions,
    tippingPoint,
    pinned,
    consequences: { ...draft.consequences[choice]! },
  };
  return withDecision(next, decision);
}

// ---- tipping points -------------------------------------------------------------------------------------------

const scratch = new DataView(new ArrayBuffer(8));

/** The largest double below x (x > 0 or x < 0; used to probe "just below" a continuous threshold). */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  scratch.setBigUint64(0, x > 0 ? bits - 1n : bits + 1n);
  return scratch.getFloat64(0);
}

/** The value just below a threshold: one less for integer inputs, the previous double otherwise. */
export function justBelow(threshold: number, integer: boolean): number {
  return integer ? threshold - 1 : nextDown(threshold);
}

/**
 * Smallest x >= min with f(x) >= target, for f non-decreasing; null when f never reaches it below 2^60.
 * Bisects to adjacent doubles (or integers), so the result is exact for the very function the rule evaluates.
 */
export function smallestAtLeast(f: (x: number) => number, target: number, min: number, integer: boolean): number | null {
  if (f(min) >= target) return min;
  let lo = min;
  let hi = Math.max(1, min * 2);
  while (f(hi) < target) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 60) return null;
  }
  // invariant: f(lo) < target <= f(hi)
  for (;;) {
    const mid = integer ? Math.floor((lo + hi) / 2) : lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) return hi;
    if (f(mid) >= target) hi = mid; else lo = mid;
  }
}

export interface TippingProbe {
  /** Spec path of the numeric input. */
  input: string;
  /** The input as written or assumed. */
  value: number;
  integer: boolean;
  /** Smallest valid value of the input. */
  min: number;
  /** Candidate values where the rule may flip (each the smallest value reaching some limit). */
  breakpoints: readonly (number | null)[];
  /** The rule's choice with this input set to x, all else fixed. */
  decideAt: (x: number) => string;
}

/**
 * The nearest flip of a rule along one input. Upward first: the smallest breakpoint above the value where the choice
 * differs. When no larger value flips it, the boundary below: the largest breakpoint <= value under which the choice
 * differs (flipsTo then names the choice just below the threshold).
 */
export function findTippingPoint(probe: TippingProbe): TippingPoint | null {
  const current = probe.decideAt(probe.value);
  const points = [...new Set(probe.breakpoints.filter((b): b is number => b !== null && Number.isFinite(b)))]
    .sort((a, b) => a - b);
  for (const b of points) {
    if (b <= probe.value) continue;
    const at = probe.decideAt(b);
    if (at !== current) return { input: probe.input, value: probe.value, threshold: b, flipsTo: at };
  }
  for (const b of [...points].reverse()) {
    if (b > probe.value) continue;
    const below = justBelow(b, probe.integer);
    if (below < probe.min) continue;
    const at = probe.decideAt(below);
    if (at !== current) return { input: probe.input, value: probe.value, threshold: b, flipsTo: at };
  }
  return null;
}

/** The first probe that has a tipping point. */
export function firstTippingPoint(probes: readonly TippingProbe[]): TippingPoint | null {
  for (const probe of probes) {
    const tp = findTippingPoint(probe);
    if (tp) return tp;
  }
  return null;
}

// ---- prose ----------------------------------------------------------------------------------------------------

/** Locale-free number formatting for rationales: thousands separators, at most two decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // toFixed switches to exponent notation from 1e21; keep such absurd magnitudes readable and short.
  if (Math.abs(n) >= 1e15) return n.toExponential(3);
  const rounded = Math.round(n * 100) / 100;
  const [whole, frac] = Math.abs(rounded).toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = frac.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** "a, b and c" for prose. */
export function listProse(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Up to three items, then "and N more": keeps rationales readable for large specs. */
export function briefList(items: readonly string[], shown = 3): string {
  if (items.length <= shown) return listProse(items);
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
