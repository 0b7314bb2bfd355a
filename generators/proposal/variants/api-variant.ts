// `deliverable: api` → # API Design: surface, contracts, auth, validation, errors, versioning, then cross-cutting concerns.
import type { ApiModel, ApiOperationModel, ColumnModel } from '../../../src/model/types.js';
import { exposedEntities, isSecretLike, isServerOwned, requiredOnCreate } from '../../api/surface.js';
import type { MarkdownSection } from '../../markdown/document.js';
import { bullets, table } from '../../markdown/blocks.js';
import { code } from '../../markdown/escape.js';
import { codeList, type ProposalContext } from '../context.js';
import { decisionBlocks, findDecision } from '../decision-text.js';
import { abuseBlocks, authBlocks } from '../sections/security-section.js';
import { crossCuttingSection } from './cross-cutting.js';

const ARTIFACT_BY_STYLE: Readonly<Record<ApiModel['style'], string | null>> = {
  none: null, rest: 'openapi.yaml', graphql: 'schema.graphql', grpc: 'api.proto',
};

const READ_OPS: ReadonlySet<ApiOperationModel['op']> = new Set(['read', 'list']);

/** The RPC name api.proto uses for a plain camelCase operation id. */
function rpcName(operationId: string): string {
  return /^[a-z][A-Za-z0-9]*$/.test(operationId) ? `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}` : operationId;
}

/** The surface as the chosen style names it: HTTP method and path, GraphQL root field, or RPC. */
function surfaceTable(api: ApiModel): string {
  const ops = api.resources.flatMap((r) => r.operations.map((o) => ({ r, o })));
  if (api.style === 'graphql') {
    return table(['Root field', 'On', 'Resource', 'Module'], ops.map(({ r, o }) => [code(o.operationId), READ_OPS.has(o.op) ? '`Query`' : '`Mutation`', code(r.entity), code(r.module)]));
  }
  if (api.style === 'grpc') {
    return table(['RPC', 'Resource', 'Module'], ops.map(({ r, o }) => [code(rpcName(o.operationId)), code(r.entity), code(r.module)]));
  }
  return table(['Method', 'Path', 'Operation', 'Resource', 'Module'], ops.map(({ r, o }) => [code(o.method), code(o.path), code(o.operationId), code(r.entity), code(r.module)]));
}

function endpointSurface(ctx: ProposalContext): string[] {
  const { api } = ctx.model;
  const blocks = decisionBlocks(findDecision(ctx.model, 'external-api'), 'external-api', false);
  blocks.push(api.resources.every((r) => r.operations.length === 0) ? 'No entity exposes an API operation.' : surfaceTable(api));
  const realtime = findDecision(ctx.model, 'realtime');
  if (realtime !== undefined && realtime.choice !== 'none') blocks.push(...decisionBlocks(realtime, 'realtime', false));
  return blocks;
}

function createCell(c: ColumnModel, creates: boolean): string {
  if (isServerOwned(c)) return 'set by the server';
  if (!creates) return 'no create operation';
  return requiredOnCreate(c) ? 'required' : 'optional';
}

function contractRow(c: ColumnModel, creates: boolean): string[] {
  const type = c.type === 'ref' && c.references !== undefined ? `id of ${code(c.references.entity)}` : code(c.type);
  return [code(c.name), type, createCell(c, creates), isSecretLike(c) ? 'never (secret)' : c.nullable ? 'yes, may be null' : 'yes', c.sensitivity];
}

function contracts(ctx: ProposalContext): string[] {
  const { api } = ctx.model;
  const artifact = ARTIFACT_BY_STYLE[api.style];
  const blocks = [artifact === null ? 'No API artifact: the `external-api` decision is `none`.' : `The machine-readable contract is ${code(artifact)}; the tables below summarise it. The tenant, when there is one, comes from the access token, never from a request body.`];
  for (const e of exposedEntities(ctx.model)) {
    const where = api.style === 'rest'
      ? `at ${[...new Set(e.resource.operations.map((o) => o.path))].map(code).join(', ')}`
      : `through ${e.resource.operations.map((o) => code(api.style === 'grpc' ? rpcName(o.operationId) : o.operationId)).join(', ')}`;
    const creates = e.resource.operations.some((o) => o.op === 'create');
    blocks.push(`${code(e.resource.entity)} ${where}:`);
    blocks.push(table(['Field', 'Type', 'On create', 'In responses', 'Sensitivity'], e.columns.map((c) => contractRow(c, creates))));
  }
  return blocks;
}

/** The check a server applies to one field, in words (Markdown: names are already code spans). */
export function validationRule(c: ColumnModel): string {
  const rules: string[] = [];
  if (c.type === 'enum') rules.push(`one of ${(c.enumValues ?? []).map(code).join(', ')}`);
  else if (c.type === 'ref') rules.push(`must name an existing ${code(c.references?.entity ?? 'row')}`);
  else rules.push(`a valid ${c.type}`);
  if (c.unique) rules.push('unique: a duplicate is rejected as a conflict');
  if (!c.nullable && !c.key) rules.push('never null');
  if (isSecretLike(c)) rules.push('secret: accepted, never returned');
  if (c.sensitivity === 'pii' || c.sensitivity === 'phi' || c.sensitivity === 'pci') rules.push(`${c.sensitivity}: never logged`);
  return rules.join('; ');
}

function validation(ctx: ProposalContext): string[] {
  const blocks = ['Requests are validated at the edge against the contract before any module runs; unknown fields are rejected, so a typo never becomes silent data loss.'];
  for (const e of exposedEntities(ctx.model)) {
    const accepted = e.columns.filter((c) => !isServerOwned(c));
    if (accepted.length === 0) continue;
    blocks.push(`${code(e.resource.entity)}:\n\n${bullets(accepted.map((c) => `${code(c.name)}: ${validationRule(c)}`))}`);
  }
  return blocks;
}

const ERROR_ROWS: Readonly<Record<Exclude<ApiModel['style'], 'none'>, ReadonlyArray<readonly [string, string]>>> = {
  rest: [
    ['Malformed or invalid request body', '`Bad Request`'],
    ['Missing or expired credentials', '`Unauthorized`'],
    ['Role lacks the permission', '`Forbidden`'],
    ['Unknown id, or a row of another tenant (existence is not revealed)', '`Not Found`'],
    ['Unique violation or concurrent update', '`Conflict`'],
    ['Rate limit exceeded (with `Retry-After`)', '`Too Many Requests`'],
    ['A critical dependency is down or timed out', '`Service Unavailable`'],
  ],
  graphql: [
    ['Invalid input', '`BAD_USER_INPUT`'],
    ['Missing or expired credentials', '`UNAUTHENTICATED`'],
    ['Role lacks the permission', '`FORBIDDEN`'],
    ['Unknown id, or a row of another tenant', '`NOT_FOUND`'],
    ['Unique violation or concurrent update', '`CONFLICT`'],
    ['Rate limit exceeded', '`RATE_LIMITED`'],
    ['A critical dependency is down or timed out', '`UNAVAILABLE`'],
  ],
  grpc: [
    ['Invalid request message', '`INVALID_ARGUMENT`'],
    ['Missing or expired credentials', '`UNAUTHENTICATED`'],
    ['Role lacks the permission', '`PERMISSION_DENIED`'],
    ['Unknown id, or a row of another tenant', '`NOT_FOUND`'],
    ['Unique violation or concurrent update', '`ALREADY_EXISTS` / `ABORTED`'],
    ['Rate limit exceeded', '`RESOURCE_EXHAUSTED`'],
    ['A critical dependency is down or timed out', '`UNAVAILABLE`'],
  ],
};

const ERROR_ENVELOPE: Readonly<Record<Exclude<ApiModel['style'], 'none'>, string>> = {
  rest: 'Every error is an `application/problem+json` body with `type`, `title`, `detail` and the request\'s trace id; the HTTP status names the class.',
  graphql: 'Errors go in the response `errors` array with `extensions.code` from the table and the trace id; partial data is returned only for independent fields.',
  grpc: 'Errors are gRPC status codes with a `google.rpc.ErrorInfo` detail carrying the reason and the trace id.',
};

function errorModel(ctx: ProposalContext): string[] {
  const { style } = ctx.model.api;
  if (style === 'none') return ['The `external-api` decision is `none`: there is no external surface; a module reports failures to its in-process callers as typed errors.'];
  return [ERROR_ENVELOPE[style], table(['Condition', 'Error'], ERROR_ROWS[style].map(([condition, status]) => [condition, status]))];
}

function versioning(ctx: ProposalContext): string[] {
  const { api } = ctx.model;
  if (api.style === 'none') return ['No external API to version.'];
  const byStyle: Record<Exclude<ApiModel['style'], 'none'>, string> = {
    rest: `Version ${code(api.version)} lives in the path prefix ${code(api.basePath)}.`,
    graphql: 'One evolving schema: fields are added, and a field to be removed is marked `@deprecated` first.',
    grpc: `The package carries the version (${code(api.version)}); field numbers are never reused.`,
  };
  return [
    byStyle[api.style],
    `Additive changes (new optional fields, new operations) ship within the current version. A breaking change ships as a new version beside the old one, and the old one is retired only after its consumers (${codeList(api.consumers)}) have moved: a compatibility window, not a flag day.`,
  ];
}

export function apiVariantSections(ctx: ProposalContext): MarkdownSection[] {
  return [
    { title: 'Endpoint Surface', blocks: endpointSurface(ctx) },
    { title: 'Request and Response Contracts', blocks: contracts(ctx) },
    { title: 'Auth Model', blocks: [...authBlocks(ctx.model, false), ...abuseBlocks(ctx.model)] },
    { title: 'Validation Rules', blocks: validation(ctx) },
    { title: 'Error Model', blocks: errorModel(ctx) },
    { title: 'Versioning Strategy', blocks: versioning(ctx) },
    crossCuttingSection(ctx.model),
  ];
}
