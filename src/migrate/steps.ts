// A migration step: SQL lines in a phase of the expand/contract sequence. Destructive steps carry the reason they
// wait for --allow-destructive, and are printed as comments without it.

/** Expand (additive and loosening), backfill (data), constrain (tighten), contract (drop what the old release used). */
export type Phase = 'expand' | 'backfill' | 'constrain' | 'contract';

export const PHASES: readonly Phase[] = ['expand', 'backfill', 'constrain', 'contract'];

export interface Step {
  phase: Phase;
  /** Order inside the phase: every step of a lower rank runs first (e.g. unique keys before the foreign keys that need them). */
  rank: number;
  lines: string[];
  /** Set when the step loses data or narrows a type: what it does and why it waits. */
  destructive?: { what: string; why: string; path?: string };
}

/** Expand ranks. */
export const EXPAND = { schema: 10, audit: 20, loosen: 30, table: 40, column: 50, type: 60, setting: 70 } as const;
/** Backfill ranks. */
export const BACKFILL = { tableCopy: 10, columnCopy: 20, defaultFill: 30 } as const;
/** Constrain ranks. */
export const CONSTRAIN = { notNull: 10, check: 20, unique: 30, foreign: 40, index: 50, policy: 60, trigger: 70, grant: 80, comment: 90 } as const;
/** Contract ranks. */
export const CONTRACT = { column: 10, table: 20, schema: 30, role: 40 } as const;

/** Steps grouped by phase, each phase ordered by rank and then by the order the steps were planned in. */
export function orderSteps(steps: readonly Step[]): Map<Phase, Step[]> {
  const byPhase = new Map<Phase, Step[]>();
  for (const phase of PHASES) {
    const inPhase = steps.map((step, index) => ({ step, index })).filter(({ step }) => step.phase === phase)
      .sort((a, b) => a.step.rank - b.step.rank || a.index - b.index).map(({ step }) => step);
    if (inPhase.length > 0) byPhase.set(phase, inPhase);
  }
  return byPhase;
}
