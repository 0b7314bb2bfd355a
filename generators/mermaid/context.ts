// context.mmd: who uses the system (roles, API consumer types, flow actors) and which external systems it
// talks to, in which direction, and which of them are critical.
import type { ArchitectureModel, IntegrationModel } from '../../src/model/types.js';
import { quoted, quotedLines } from './escape.js';
import { choice, integrationsOf, shapeOf, uniqueSorted } from './topology.js';

function rolesOf(model: ArchitectureModel): string[] {
  return uniqueSorted([...model.spec.auth.roles, ...model.security.authz.roles]);
}

/** Flow actors that are neither roles, modules nor integrations (the flows pass marks them `unknown`). */
function otherActors(model: ArchitectureModel): string[] {
  return uniqueSorted(model.flows.filter((f) => f.actorKind === 'unknown' && f.actor !== null).map((f) => f.actor as string));
}

function consumersOf(model: ArchitectureModel): string[] {
  return uniqueSorted([...model.spec.api.consumers, ...model.api.consumers]);
}

function identityText(model: ArchitectureModel): string {
  const identity = uniqueSorted([...model.spec.auth.identity, ...model.api.identity]);
  return identity.length > 0 ? `signs in with ${identity.join(', ')}` : 'uses';
}

function apiText(model: ArchitectureModel): string {
  const style = choice(model, 'external-api', model.api.style);
  if (style === 'none') return 'calls';
  return `${style.toUpperCase()} ${model.api.basePath}`;
}

function integrationEdge(id: string, integration: IntegrationModel): string {
  if (integration.direction === 'inbound') return `  ${id} -->|${quoted('calls in')}| sys`;
  if (integration.direction === 'both') return `  sys <-->|${quoted('calls and receives webhooks')}| ${id}`;
  return `  sys -->|${quoted('calls')}| ${id}`;
}

function integrationLabel(integration: IntegrationModel): string {
  const facts = [integration.kind, integration.direction, ...(integration.critical ? ['critical'] : [])];
  return quotedLines([integration.name, facts.join(' · ')]);
}

export function renderContext(model: ArchitectureModel): string {
  const lines = ['flowchart LR'];
  const roles = rolesOf(model);
  const actors = otherActors(model).filter((a) => !roles.includes(a));
  const consumers = consumersOf(model);
  const integrations = integrationsOf(model);

  lines.push(`  sys[${quotedLines([model.spec.system.name, `the system · ${shapeOf(model)}`])}]`);
  if (roles.length + actors.length > 0) {
    lines.push(`  subgraph users[${quoted('Users')}]`);
    roles.forEach((role, i) => lines.push(`    r${i + 1}([${quotedLines([role, 'role'])}])`));
    actors.forEach((actor, i) => lines.push(`    a${i + 1}([${quotedLines([actor, 'flow actor'])}])`));
    lines.push('  end');
  }
  if (consumers.length > 0) {
    lines.push(`  subgraph clients[${quoted('API consumers')}]`);
    consumers.forEach((consumer, i) => lines.push(`    c${i + 1}([${quotedLines([consumer, 'client'])}])`));
    lines.push('  end');
  }
  if (integrations.length > 0) {
    lines.push(`  subgraph external[${quoted('External systems')}]`);
    integrations.forEach((integration, i) => lines.push(`    i${i + 1}[[${integrationLabel(integration)}]]`));
    lines.push('  end');
  }
  // Users reach the system through the client types when both are known.
  const usersExist = roles.length + actors.length > 0;
  if (usersExist && consumers.length > 0) lines.push(`  users -->|${quoted(identityText(model))}| clients`);
  if (usersExist && consumers.length === 0) lines.push(`  users -->|${quoted(identityText(model))}| sys`);
  if (consumers.length > 0) lines.push(`  clients -->|${quoted(apiText(model))}| sys`);
  integrations.forEach((integration, i) => lines.push(integrationEdge(`i${i + 1}`, integration)));
  const critical = integrations.flatMap((integration, i) => (integration.critical ? [`i${i + 1}`] : []));
  if (critical.length > 0) {
    lines.push('  classDef critical stroke-width:3px,stroke-dasharray:0');
    lines.push(`  class ${critical.join(',')} critical`);
  }
  return `${lines.join('\n')}\n`;
}
