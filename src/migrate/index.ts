// archc migrate: the ordered PostgreSQL migration from the database of one spec to the database of another.
// Pure: two models in, SQL text and notices out.
import type { ArchitectureModel } from '../model/types.js';
import type { MigrationNotice } from './notice.js';
import { planMigration } from './plan.js';
import { renderMigration } from './render.js';

export type { MigrationNotice } from './notice.js';

export interface MigrationOptions {
  /** Run drops and narrowing type changes instead of printing them as comments. */
  allowDestructive: boolean;
}

export interface Migration {
  sql: string;
  /** Skipped destructive steps (without --allow-destructive), missing backfill values and manual steps. */
  notices: MigrationNotice[];
}

export function migrate(oldModel: ArchitectureModel, newModel: ArchitectureModel, options: MigrationOptions): Migration {
  const plan = planMigration(oldModel, newModel);
  const notices = plan.notices.filter((n) => n.code !== 'ARC0040' || !options.allowDestructive);
  return { sql: renderMigration(oldModel, newModel, plan.steps, options), notices };
}
