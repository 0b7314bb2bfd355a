// The ordered pass registry: order is execution order and follows the rulebook's workflow.
import type { SpecLocator } from '../load/locator.js';
import type { NormalizedSpec } from '../spec/normalized.js';
import type { ArchitectureModel } from '../model/types.js';
import { emptyModel, type Pass } from './pass.js';
import { framePass } from './frame.pass.js';
import { shapePass } from './shape.pass.js';
import { modulesPass } from './modules.pass.js';
import { tenancyPass } from './tenancy.pass.js';
import { primaryStorePass } from './primary-store.pass.js';
import { tablesPass } from './tables.pass.js';
import { cachePass } from './cache.pass.js';
import { searchPass } from './search.pass.js';
import { blobStorePass } from './blob-store.pass.js';
import { messagingPass } from './messaging.pass.js';
import { eventsPass } from './events.pass.js';
import { externalApiPass } from './external-api.pass.js';
import { apiSurfacePass } from './api-surface.pass.js';
import { internalCommPass } from './internal-comm.pass.js';
import { realtimePass } from './realtime.pass.js';
import { consistencyPass } from './consistency.pass.js';
import { flowsPass } from './flows.pass.js';
import { securityPass } from './security.pass.js';
import { deploymentPass } from './deployment.pass.js';
import { reliabilityPass } from './reliability.pass.js';
import { performancePass } from './performance.pass.js';
import { deliveryPass } from './delivery.pass.js';

export const passes: readonly Pass[] = [
  // frame → shape (+ module boundaries) → tenancy → data → cache / search / blob-store → messaging and events
  // → APIs and communication → consistency per flow → security → reliability → performance → delivery.
  framePass,
  shapePass,
  modulesPass,
  tenancyPass,
  primaryStorePass,
  cachePass,
  searchPass,
  blobStorePass,
  // tables after cache and search: ephemeral entities follow the cache decision, GIN indexes the search decision.
  tablesPass,
  messagingPass,
  eventsPass,
  externalApiPass,
  apiSurfacePass,
  internalCommPass,
  realtimePass,
  consistencyPass,
  flowsPass,
  securityPass,
  deploymentPass,
  reliabilityPass,
  performancePass,
  deliveryPass,
];

/** Runs every pass in order over a normalized spec. */
export function runPasses(spec: NormalizedSpec, locate: SpecLocator): ArchitectureModel {
  const ctx = { spec, locate };
  return passes.reduce((model, pass) => pass.run(ctx, model), emptyModel(spec));
}
