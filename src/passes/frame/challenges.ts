// Challenges of weak constraints the frame can see (scale, compliance, residency, latency, availability goals).
import type { NormalizedSpec } from '../../spec/normalized.js';
import type { ArchitectureModel } from '../../model/types.js';
import type { PassContext } from '../pass.js';
import { briefList, listProse, locatablePath, withChallenge } from '../decision.js';
import { thresholds } from '../thresholds.js';

const regimeFor = { phi: 'hipaa', pci: 'pci-dss' } as const;

const CHALLENGED_LEVELS: readonly string[] = ['pii', 'phi', 'pci'];

interface SensitiveField {
  entity: string;
  field: string;
  level: string;
}

/** Fields at any of the challenged levels, in spec order: collected once, then filtered per level. */
function challengedFields(spec: NormalizedSpec): SensitiveField[] {
  const found: SensitiveField[] = [];
  for (const e of spec.entities) {
    for (const f of e.fields) {
      if (CHALLENGED_LEVELS.includes(f.sensitivity)) found.push({ entity: e.name, field: f.name, level: f.sensitivity });
    }
  }
  return found;
}

/** `Entity.field` of each field at one of `levels`, in spec order. */
function sensitiveFields(fields: readonly SensitiveField[], levels: readonly string[]): string[] {
  return fields.filter((f) => levels.includes(f.level)).map((f) => `${f.entity}.${f.field}`);
}

export function challengeWeakConstraints(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  let next = model;
  const t = spec.traffic;
  const missing = [
    ...(t.peak_rps === undefined ? [t.users === undefined ? 'peak_rps (nor users)' : 'peak_rps'] : []),
    ...(t.growth_per_year === undefined ? ['growth_per_year'] : []),
    ...(t.horizon_years === undefined ? ['horizon_years'] : []),
  ];
  if (missing.length > 0) next = withChallenge(next, 'ARC0401', { fields: listProse(missing) }, locatablePath(ctx, ['traffic', 'system']));

  const challenged = challengedFields(spec);
  const sensitiveLevels = (['pii', 'phi', 'pci'] as const).filter((level) => challenged.some((f) => f.level === level));
  if (sensitiveLevels.length > 0) {
    const levels = listProse(sensitiveLevels.map((l) => l.toUpperCase()));
    const first = challenged[0]!;
    const firstField = `${first.entity}.${first.field}`.replace('.', '.fields.');
    const compliancePath = locatablePath(ctx, ['data.compliance', 'data', `entities.${firstField}`]);
    if (spec.data.compliance.length === 0) {
      next = withChallenge(next, 'ARC0403', { levels, fields: briefList(sensitiveFields(challenged, sensitiveLevels)) }, compliancePath);
    } else {
      for (const level of ['phi', 'pci'] as const) {
        if (sensitiveLevels.includes(level) && !spec.data.compliance.includes(regimeFor[level])) {
          next = withChallenge(next, 'ARC0404', {
            level: level.toUpperCase(), fields: briefList(sensitiveFields(challenged, [level])), regime: regimeFor[level],
          }, compliancePath);
        }
      }
    }
    if (spec.data.residency.length === 0) next = withChallenge(next, 'ARC0405', { levels }, locatablePath(ctx, ['data.residency', 'data', `entities.${firstField}`]));
  }

  const unmeasured = spec.flows.filter((f) => f.kind === 'request' && f.latency_p99_ms === undefined).map((f) => f.name);
  if (spec.targets.latency_p99_ms === undefined && unmeasured.length > 0) {
    next = withChallenge(next, 'ARC0408', { flows: briefList(unmeasured) }, locatablePath(ctx, ['targets', `flows.${unmeasured[0]!}`]));
  }

  const availability = spec.targets.availability;
  if (availability !== undefined) {
    const recovery = [
      ...(spec.targets.rpo_minutes === undefined ? ['rpo_minutes'] : []),
      ...(spec.targets.rto_minutes === undefined ? ['rto_minutes'] : []),
    ];
    if (recovery.length > 0) {
      next = withChallenge(next, 'ARC0409', { availability, missing: listProse(recovery) }, 'targets.availability');
    }
    const engineers = spec.team.engineers ?? (model.assumptions.find((a) => a.id === 'team.engineers')?.value as number);
    if (availability >= thresholds.onCallAvailability && engineers < thresholds.onCallMinEngineers) {
      next = withChallenge(next, 'ARC0414', { availability, engineers, minimum: thresholds.onCallMinEngineers }, 'targets.availability');
    }
  }
  return next;
}
