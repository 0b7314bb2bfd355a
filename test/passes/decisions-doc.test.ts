// docs/decisions.md must list every rule id, threshold, assumed default, byte estimate and ARC04xx challenge the code
// uses, and no rule id the code no longer has.
import { readFileSync } from 'node:fs';
import { shapeRules } from '../../src/passes/shape.pass.js';
import { primaryStoreRules } from '../../src/passes/primary-store.pass.js';
import { cacheRules } from '../../src/passes/cache.pass.js';
import { messagingRules } from '../../src/passes/messaging.pass.js';
import { searchRules } from '../../src/passes/search.pass.js';
import { blobStoreRules } from '../../src/passes/blob-store.pass.js';
import { externalApiRules } from '../../src/passes/external-api.pass.js';
import { realtimeRules } from '../../src/passes/realtime.pass.js';
import { internalCommRules } from '../../src/passes/internal-comm.pass.js';
import { tenancyRules } from '../../src/passes/tenancy.pass.js';
import { deploymentRules } from '../../src/passes/deployment.pass.js';
import { consistencyRules } from '../../src/passes/consistency.pass.js';
import { assumedDefaults, fieldBytes, rowOverheadBytes, thresholds } from '../../src/passes/thresholds.js';
import { diagnosticMessages } from '../../src/diagnostics/messages.js';
import { catalogue } from '../../src/passes/catalogue.js';

const doc = readFileSync(new URL('../../docs/decisions.md', import.meta.url), 'utf8');

const rulesByPass: Record<string, Record<string, string>> = {
  shape: shapeRules, 'primary-store': primaryStoreRules, cache: cacheRules, messaging: messagingRules,
  search: searchRules, 'blob-store': blobStoreRules, 'external-api': externalApiRules, realtime: realtimeRules,
  'internal-comm': internalCommRules, tenancy: tenancyRules, deployment: deploymentRules, consistency: consistencyRules,
};
const codeRules = new Set(Object.values(rulesByPass).flatMap((rules) => Object.values(rules)));
const rulePattern = new RegExp(`(${Object.keys(catalogue).join('|')})/[a-z0-9-]+`, 'g');

/** Doc table rows as [first cell, second cell] with backticks removed. */
function rows(): Array<[string, string]> {
  return doc.split('\n').filter((l) => l.startsWith('|')).map((l) => {
    const cells = l.split('|').map((c) => c.trim().replace(/`/g, ''));
    return [cells[1] ?? '', cells[2] ?? ''];
  });
}

test('every pass exports its rule ids, namespaced by its decision id', () => {
  for (const [pass, rules] of Object.entries(rulesByPass)) {
    expect(Object.values(rules).length).toBeGreaterThan(0);
    for (const rule of Object.values(rules)) expect(rule.startsWith(`${pass}/`)).toBe(true);
  }
});

test('no pass writes a rule id inline that is not in its exported list', () => {
  for (const pass of Object.keys(rulesByPass)) {
    const source = readFileSync(new URL(`../../src/passes/${pass}.pass.ts`, import.meta.url), 'utf8');
    for (const [literal] of source.matchAll(new RegExp(`'(${pass}/[a-z0-9-]+)'`, 'g'))) {
      expect(codeRules.has(literal.slice(1, -1))).toBe(true);
    }
  }
});

test('every rule id is documented, and the doc names no rule the code lacks', () => {
  for (const rule of codeRules) expect(doc).toContain(`\`${rule}\``);
  const documented = new Set([...doc.matchAll(/`([a-z-]+\/[a-z0-9-]+)`/g)].map((m) => m[1]!).filter((r) => r.match(rulePattern)));
  for (const rule of documented) expect(codeRules.has(rule)).toBe(true);
});

test('every threshold and assumed default is documented with its value', () => {
  const table = new Map(rows());
  for (const [key, value] of [...Object.entries(thresholds), ...Object.entries(assumedDefaults)]) {
    expect(table.get(key)).toBe(String(value));
  }
});

test('the per-type byte estimates and row overhead are documented', () => {
  for (const [type, bytes] of Object.entries(fieldBytes)) {
    expect(doc).toMatch(new RegExp(`\\| \`${type}\` \\| ${bytes}\\b`));
  }
  expect(doc).toContain(`${rowOverheadBytes} (\`rowOverheadBytes\``);
});

test('every ARC04xx challenge is documented with its name', () => {
  const codes = Object.entries(diagnosticMessages).filter(([code]) => code.startsWith('ARC04'));
  expect(codes.length).toBeGreaterThan(10);
  for (const [code, def] of codes) expect(doc).toMatch(new RegExp(`\\| ${code} \\| ${def.name} \\|`));
});
