// Frame the problem: label an assumption for every input a later pass needs and the spec lacks, project capacity per
// year to the horizon (later passes read model.capacity, not the formulas), and challenge weak constraints.
import type { ArchitectureModel } from '../model/types.js';
import { definePass } from './pass.js';
import { frameAssumptions } from './frame/assumptions.js';
import { buildCapacity } from './frame/capacity.js';
import { challengeWeakConstraints } from './frame/challenges.js';

export { peakRpsFromUsers } from './frame/assumptions.js';
export { searchedEntities } from './frame/capacity.js';

export const framePass = definePass({
  id: 'frame',
  title: 'Frame the problem: assumptions, challenges and capacity',
  run: (ctx, model) => {
    const withAssumptions: ArchitectureModel = { ...model, assumptions: frameAssumptions(ctx.spec) };
    const withCapacity: ArchitectureModel = { ...withAssumptions, capacity: buildCapacity(ctx.spec, withAssumptions) };
    return challengeWeakConstraints(ctx, withCapacity);
  },
});
