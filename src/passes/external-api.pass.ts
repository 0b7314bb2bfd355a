// External API: none without exposed operations; otherwise the api.style preference, else REST.
import type { ArchitectureModel } from '../model/types.js';
import { definePass, type PassContext } from './pass.js';
import { briefList, decide, listProse, withChallenge, type Consequences } from './decision.js';

export const externalApiRules = {
  noOperations: 'external-api/no-api-operations',
  stylePreference: 'external-api/style-preference',
  restDefault: 'external-api/rest-default',
} as const;

const consequences: Record<string, Consequences> = {
  none: {
    cost: 'No public endpoint, gateway or rate limiter to pay for.',
    operations: 'No external contract to version or protect.',
  },
  rest: {
    cost: 'Served by the application instances behind a load balancer; HTTP caching and a CDN absorb cacheable reads.',
    operations: 'An OpenAPI contract, URL versioning (/v1), cursor pagination and idempotency keys on creates; every client and partner tool speaks it.',
  },
  graphql: {
    cost: 'Served by the application instances; resolvers multiply database queries (N+1) unless batched per request.',
    operations: 'One schema evolved by deprecation, query depth and cost limits against expensive queries, authorization per field; HTTP caching does not apply to POST queries.',
  },
  grpc: {
    cost: 'Binary protobuf over HTTP/2 on the application instances; browsers need a gRPC-Web proxy in front.',
    operations: 'Protobuf contracts with field-number compatibility rules, HTTP/2-aware load balancing and generated clients for every consumer.',
  },
};

const styleStrengths: Record<string, string> = {
  rest: 'resource operations map one-to-one onto HTTP methods, HTTP caching applies to reads, and every consumer type has tooling for it',
  graphql: 'clients select the fields and related entities they need in one round trip',
  grpc: 'typed protobuf contracts and HTTP/2 streaming suit service-like consumers',
};

function decideExternalApi(ctx: PassContext, model: ArchitectureModel): ArchitectureModel {
  const spec = ctx.spec;
  const exposed = spec.entities.filter((e) => e.api.length > 0);
  const style = spec.api.style;
  const consumers = spec.api.consumers;
  const consumerProse = consumers.length > 0 ? `consumers ${listProse(consumers)}` : 'no stated consumers';
  if (exposed.length === 0) {
    const next = decide(ctx, model, {
      id: 'external-api', choice: 'none', rule: externalApiRules.noOperations,
      rationale: `Expose no external API because no entity lists api operations${style ? ` (api.style ${style} has nothing to apply to)` : ''}: the system is driven by its flows and integrations.`,
      rejected: {
        rest: 'No entity lists api operations, so there is no resource to expose.',
        graphql: 'No entity lists api operations, so there is no type to query.',
        grpc: 'No entity lists api operations, so there is no service to define.',
      },
      uses: ['entities', ...(style ? ['api.style'] : [])],
      tippingPoint: null, consequences,
      contradicts: { rest: 'no entity lists api operations', graphql: 'no entity lists api operations', grpc: 'no entity lists api operations' },
    });
    return style && spec.decisions.every((d) => d.id !== 'external-api')
      ? withChallenge(next, 'ARC0410', { preference: 'api.style', preferred: style, choice: 'none', reason: 'no entity lists api operations' }, 'api.style')
      : next;
  }
  const choice = style ?? 'rest';
  const operations = `the api operations of ${briefList(exposed.map((e) => `${e.name} [${e.api.join(', ')}]`), 4)}`;
  const browserNote = choice === 'grpc' && consumers.some((c) => c === 'web')
    ? ' Web consumers reach it through a gRPC-Web proxy, since browsers cannot speak native gRPC.'
    : '';
  const rationale = style
    ? `Expose ${operations} over ${style} because api.style states that preference and it can serve ${consumerProse}: ${styleStrengths[style]}.${browserNote}`
    : `Expose ${operations} over REST because no api.style is preferred and ${styleStrengths.rest} (${consumerProse}).`;
  const rejectedFor = (other: string): string => {
    if (other === 'none') return `Entities ${briefList(exposed.map((e) => e.name), 6)} list api operations that need an external API.`;
    if (style) return `api.style prefers ${style}, and ${style} serves the exposed operations.`;
    if (other === 'graphql') return 'No api.style preference: GraphQL adds query-cost limits and resolver batching without a stated need for client-selected fields.';
    return 'No api.style preference: gRPC needs a proxy for browsers and generated clients for every consumer without a stated need for typed streaming.';
  };
  return decide(ctx, model, {
    id: 'external-api', choice,
    rule: style ? externalApiRules.stylePreference : externalApiRules.restDefault,
    rationale,
    rejected: Object.fromEntries(['none', 'rest', 'graphql', 'grpc'].filter((c) => c !== choice).map((c) => [c, rejectedFor(c)])),
    uses: [...exposed.map((e) => `entities.${e.name}.api`), ...(consumers.length > 0 ? ['api.consumers'] : []), ...(style ? ['api.style'] : [])],
    tippingPoint: null, consequences,
    contradicts: { none: `entities ${listProse(exposed.map((e) => e.name))} list api operations` },
  });
}

export const externalApiPass = definePass({
  id: 'external-api',
  title: 'Choose the external API style',
  run: decideExternalApi,
});
