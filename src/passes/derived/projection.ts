// Horizon projections for the derived passes, on top of the frame's capacity math (../projection.ts): inputs as
// written or as the frame assumed them, with a stated fallback for models built without the frame.
import type { ArchitectureModel } from '../../model/types.js';
import type { NormalizedEntity } from '../../spec/normalized.js';
import { numberInput, projectRate, rowsAtYear } from '../projection.js';
import { findBy } from '../../model/find-by.js';

export interface Horizon {
  growthPerYear: number;
  years: number;
}

/** Growth and horizon as written or assumed; flat growth over one year when neither exists. */
export function horizonOf(model: ArchitectureModel): Horizon {
  return {
    growthPerYear: numberInput(model.spec, model, 'traffic.growth_per_year') ?? 1,
    years: numberInput(model.spec, model, 'traffic.horizon_years') ?? 1,
  };
}

/** Rounds to 3 decimals so projections print without floating-point noise. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A rate projected to the end of the horizon. */
export function rateAtHorizon(model: ArchitectureModel, ratePerSec: number): number {
  const { growthPerYear, years } = horizonOf(model);
  return round3(projectRate(ratePerSec, growthPerYear, years));
}

/** Peak external requests/s at the horizon, or null when neither the spec nor the frame gives a peak. */
export function peakRpsAtHorizon(model: ArchitectureModel): number | null {
  const peak = numberInput(model.spec, model, 'traffic.peak_rps');
  return peak === null ? null : rateAtHorizon(model, peak);
}

/** Read share of the traffic as written or assumed, else 0.8 (the frame's read-heavy default). */
export function readRatioOf(model: ArchitectureModel): number {
  return numberInput(model.spec, model, 'traffic.read_ratio') ?? 0.8;
}

/** Rows at the horizon: the capacity model's figure when present, else the frame's formula over the stated volume. */
export function rowsAtHorizon(model: ArchitectureModel, entity: NormalizedEntity): number {
  const planned = findBy(model.capacity.entities, 'entity', entity.name);
  if (planned !== undefined) return planned.rowsAtHorizon;
  return rowsAtYear(entity.volume?.rows ?? 0, entity.volume?.rows_per_day ?? 0, entity.retention?.days, horizonOf(model).years);
}
