// `archc init [dir]`: a commented starter system.yaml, valid and buildable as written.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { atMostPositionals, parseCommandArgs } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';

export const initUsage = 'archc init [dir]';

export const initHelp = `Write a commented starter system.yaml (with the $schema modeline for editor completion).

Usage: ${initUsage}

Arguments:
  dir                     where to write system.yaml (default .); created if missing

Refuses to overwrite an existing system.yaml (exit 1).
`;

/** The starter spec; `schemaPath` goes into the yaml-language-server modeline. */
export function starterSpec(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# State requirements, not solutions: archc decides the architecture and explains every choice.
# Build with \`archc build\`; ask why with \`archc explain <decision-id>\`.
archc: 1
system:
  name: my-system                      # kebab-case
  summary: What the system does and for whom, in one or two sentences.
  goals: [Replace the spreadsheet workflow]
  non_goals: [Public self-service sign-up]
  deliverable: proposal                # proposal | short | api | schema | review | migration
team: { engineers: 4, teams: 1 }
traffic:
  users: 5000                          # monthly active users
  peak_rps: 20                         # peak external requests per second today
  read_ratio: 0.8
  growth_per_year: 1.5
  horizon_years: 3
targets:
  availability: 99.9                   # percent per month
  latency_p99_ms: 500                  # p99 for requests; without it archc promises no latency figure
  rpo_minutes: 60
  rto_minutes: 240
data:
  compliance: [gdpr]
  residency: [eu]
auth:
  identity: oidc
  roles: [member, admin]
api:
  consumers: [web]
modules:
  - name: accounts
    description: Customer accounts and their contacts
  - name: orders
    description: Order intake and fulfilment status
    depends_on: [accounts]
entities:
  - name: Account
    module: accounts
    fields:
      - { name: id, type: uuid, key: true }
      - { name: name, type: string }
      - { name: email, type: string, unique: true, sensitivity: pii }
    api: [create, read, list, update]
  - name: Order
    module: orders
    fields:
      - { name: id, type: uuid, key: true }
      - { name: account, type: ref, to: Account }
      - { name: status, type: enum, values: [open, shipped, cancelled] }
      - { name: total, type: money }
      - { name: placed_at, type: timestamp }
    volume: { rows: 10000, rows_per_day: 200 }
    access:
      - { by: [account, placed_at], kind: list }
    api: [create, read, list]
flows:
  - name: place-order
    kind: request
    actor: member
    consistency: strong
    touches: [Account, Order]
    writes: [Order]
`;
}

export async function initAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } } as const);
  if (values.help) {
    io.stdout(initHelp);
    return ExitCode.ok;
  }
  atMostPositionals(positionals, 1, initUsage);
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  const target = join(dir, 'system.yaml');
  if (existsSync(target)) {
    io.stderr(`archc init: ${relative(io.cwd, target) || target} already exists; not overwriting it\n`);
    return ExitCode.inputError;
  }
  const schemaFile = join(packageRoot(), 'schema', 'system.schema.json');
  let schemaPath = relative(dir, schemaFile).split(sep).join('/');
  if (!schemaPath.startsWith('.')) schemaPath = `./${schemaPath}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, starterSpec(schemaPath), { flag: 'wx' });
  io.stderr(`wrote ${relative(io.cwd, target) || target}; next: archc build ${relative(io.cwd, target) || target}\n`);
  return ExitCode.ok;
}
