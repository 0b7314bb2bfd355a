// deployment.mmd: regions and zones from the `deployment` decision, with the residency regions named, what
// runs where (app instances, primary and replica database, cache, queue, search, object storage, gateway)
// and the replication between them.
import type { ArchitectureModel } from '../../src/model/types.js';
import { quoted, quotedLines } from './escape.js';
import { choice, deployablesOf, infrastructureTitle, uniqueSorted } from './topology.js';

interface Infrastructure {
  store: string;
  cache: string;
  messaging: string;
  search: string;
  blob: string;
  realtime: string;
  apps: string[];
}

function infrastructureOf(model: ArchitectureModel): Infrastructure {
  const apps = deployablesOf(model).map((d) => (d.kind === 'core' ? `${model.spec.system.name} core` : `${d.modules[0]!.name} service`));
  return {
    store: choice(model, 'primary-store', model.tables.length > 0 ? 'postgresql' : 'none'),
    cache: choice(model, 'cache', 'none'),
    messaging: choice(model, 'messaging', 'none'),
    search: choice(model, 'search', 'none'),
    blob: choice(model, 'blob-store', 'none'),
    realtime: choice(model, 'realtime', 'none'),
    apps: apps.length > 0 ? apps : [model.spec.system.name],
  };
}

type Role = 'primary' | 'standby' | 'active';

/** Nodes of one zone; `role` says whether its databases take writes. */
function zoneNodes(prefix: string, infra: Infrastructure, role: Role, full: boolean, indent: string): string[] {
  const lines = [`${indent}${prefix}_app[${quotedLines(['app instances', infra.apps.join(', ')])}]`];
  if (infra.realtime !== 'none') lines.push(`${indent}${prefix}_rt{{${quotedLines([infrastructureTitle('realtime', infra.realtime)])}}}`);
  if (infra.store !== 'none') {
    const dbRole = role === 'standby' ? 'replica' : role === 'active' ? 'primary for this region' : 'primary';
    lines.push(`${indent}${prefix}_db[(${quotedLines([infrastructureTitle('primary-store', infra.store), dbRole])})]`);
  }
  if (infra.cache !== 'none') lines.push(`${indent}${prefix}_cache[(${quotedLines([infrastructureTitle('cache', infra.cache), role === 'standby' ? 'replica' : 'primary'])})]`);
  if (!full) return lines;
  if (infra.messaging !== 'none') lines.push(`${indent}${prefix}_mq[[${quotedLines([infrastructureTitle('messaging', infra.messaging)])}]]`);
  if (infra.search === 'search-engine') lines.push(`${indent}${prefix}_search[(${quotedLines([infrastructureTitle('search', infra.search)])})]`);
  if (infra.blob !== 'none') lines.push(`${indent}${prefix}_blob[(${quotedLines([infrastructureTitle('blob-store', infra.blob)])})]`);
  return lines;
}

/**
 * The app's edges: gateway beside it, database and cache at `dataZone` (a standby zone's app writes to the
 * primary zone), queue, search and object storage at `sharedZone`. `arrow` is dotted for a passive standby.
 */
function appEdges(zone: string, dataZone: string, sharedZone: string, infra: Infrastructure, arrow: string): string[] {
  const edges: string[] = [];
  if (infra.realtime !== 'none') edges.push(`  ${zone}_rt <--> ${zone}_app`);
  if (infra.store !== 'none') edges.push(`  ${zone}_app ${arrow} ${dataZone}_db`);
  if (infra.cache !== 'none') edges.push(`  ${zone}_app ${arrow} ${dataZone}_cache`);
  if (infra.messaging !== 'none') edges.push(`  ${zone}_app ${arrow} ${sharedZone}_mq`);
  if (infra.search === 'search-engine') edges.push(`  ${zone}_app ${arrow} ${sharedZone}_search`);
  if (infra.blob !== 'none') edges.push(`  ${zone}_app ${arrow} ${sharedZone}_blob`);
  return edges;
}

function replication(from: string, to: string, infra: Infrastructure, text: string, both: boolean): string[] {
  const arrow = both ? '<-.->' : '-.->';
  const edges: string[] = [];
  if (infra.store !== 'none') edges.push(`  ${from}_db ${arrow}|${quoted(text)}| ${to}_db`);
  if (infra.cache !== 'none') edges.push(`  ${from}_cache ${arrow}|${quoted('cache replication')}| ${to}_cache`);
  return edges;
}

interface Region {
  id: string;
  title: string;
  zones: Array<{ id: string; title: string; role: Role; full: boolean }>;
}

/** A region's title: the residency region codes name them; without residency they are numbered. */
function regionTitle(residency: readonly string[], index: number): string {
  if (residency[index] !== undefined) return `region ${residency[index]}`;
  if (residency.length > 0) return `region ${index + 1} in ${residency[0]}`;
  return index === 0 ? 'primary region' : 'second region';
}

function regionsOf(deployment: string, residency: readonly string[]): Region[] {
  const first = regionTitle(residency, 0);
  const zoneA = { id: 'r1z1', title: 'zone A', role: 'primary' as Role, full: true };
  if (deployment === 'single-zone') return [{ id: 'r1', title: first, zones: [zoneA] }];
  if (deployment === 'multi-zone') {
    return [{ id: 'r1', title: first, zones: [zoneA, { id: 'r1z2', title: 'zone B', role: 'standby', full: false }] }];
  }
  const second = regionTitle(residency, 1);
  if (deployment === 'multi-region-active-active') {
    return [
      { id: 'r1', title: `${first} · active`, zones: [{ ...zoneA, role: 'active' }] },
      { id: 'r2', title: `${second} · active`, zones: [{ id: 'r2z1', title: 'zone A', role: 'active', full: true }] },
    ];
  }
  return [
    { id: 'r1', title: `${first} · active`, zones: [zoneA] },
    { id: 'r2', title: `${second} · passive standby`, zones: [{ id: 'r2z1', title: 'zone A', role: 'standby', full: true }] },
  ];
}

export function renderDeployment(model: ArchitectureModel): string {
  const deployment = choice(model, 'deployment', 'single-zone');
  const residency = uniqueSorted([...model.spec.data.residency, ...model.security.residency]);
  const infra = infrastructureOf(model);
  const regions = regionsOf(deployment, residency);
  const multiRegion = regions.length > 1;
  const lines = ['flowchart TB', `  users([${quoted('Users and clients')}])`];
  lines.push(`  entry[${quotedLines([multiRegion ? 'DNS / global traffic routing' : 'load balancer', `deployment: ${deployment}`])}]`);
  if (residency.length > 0) lines.push(`  residency[/${quotedLines([`data residency: ${residency.join(', ')}`])}/]`);
  for (const region of regions) {
    lines.push(`  subgraph ${region.id}[${quoted(region.title)}]`);
    for (const zone of region.zones) {
      lines.push(`    subgraph ${zone.id}[${quoted(zone.title)}]`);
      lines.push(...zoneNodes(zone.id, infra, zone.role, zone.full, '      '));
      lines.push('    end');
    }
    lines.push('  end');
  }
  lines.push('  users --> entry');
  for (const region of regions) {
    for (const zone of region.zones) {
      const standbyRegion = deployment === 'multi-region-active-passive' && region.id === 'r2';
      lines.push(standbyRegion ? `  entry -.->|${quoted('failover')}| ${zone.id}_app` : `  entry --> ${zone.id}_app`);
      const sharedZone = region.zones.find((z) => z.full)!.id;
      const dataZone = zone.role === 'standby' && !standbyRegion ? sharedZone : zone.id;
      lines.push(...appEdges(zone.id, dataZone, sharedZone, infra, standbyRegion ? '-.->' : '-->'));
    }
  }
  if (deployment === 'multi-zone') lines.push(...replication('r1z1', 'r1z2', infra, 'synchronous replication', false));
  if (deployment === 'multi-region-active-passive') lines.push(...replication('r1z1', 'r2z1', infra, 'asynchronous replication', false));
  if (deployment === 'multi-region-active-active') lines.push(...replication('r1z1', 'r2z1', infra, 'replication both ways', true));
  if (multiRegion && infra.blob !== 'none') lines.push(`  r1z1_blob -.->|${quoted('object replication')}| r2z1_blob`);
  if (residency.length > 0) lines.push(`  residency -.- ${regions[0]!.id}`);
  return `${lines.join('\n')}\n`;
}
