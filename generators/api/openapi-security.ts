// Security schemes from the spec's identity mechanisms, applied globally as alternatives.
import type { JsonSchema } from './openapi-schemas.js';

/** Documented placeholder: the real issuer's discovery URL replaces it at deployment. */
export const OIDC_DISCOVERY_PLACEHOLDER = 'https://auth.example.com/.well-known/openid-configuration';

const SCHEMES: Record<string, { name: string; scheme: JsonSchema }> = {
  oidc: {
    name: 'oidc',
    scheme: {
      type: 'openIdConnect',
      openIdConnectUrl: OIDC_DISCOVERY_PLACEHOLDER,
      description: 'OpenID Connect access token (Authorization: Bearer). The discovery URL is a placeholder for the real issuer.',
    },
  },
  saml: {
    name: 'samlSession',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      description: 'SAML 2.0 SSO happens in the browser against the identity provider; after the assertion is verified the API issues a session token, sent as Authorization: Bearer. SAML itself never reaches this API.',
    },
  },
  password: {
    name: 'sessionToken',
    scheme: {
      type: 'http',
      scheme: 'bearer',
      description: 'Session token issued by the login endpoint after password verification, sent as Authorization: Bearer.',
    },
  },
  'api-key': {
    name: 'apiKey',
    scheme: {
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
      description: 'Per-client API key for machine callers; keys are stored hashed and can be rotated.',
    },
  },
};

const ASSUMED_BEARER = {
  name: 'bearerAuth',
  scheme: {
    type: 'http',
    scheme: 'bearer',
    description: 'The spec names no identity mechanism; a bearer access token is assumed so that no operation is anonymous.',
  },
};

export interface SecurityParts {
  schemes: JsonSchema;
  /** Alternatives: any one scheme authenticates a request. */
  requirements: JsonSchema[];
}

export function securitySchemes(identity: readonly string[]): SecurityParts {
  const known = [...new Set(identity)].sort().map((kind) => SCHEMES[kind]).filter((s) => s !== undefined);
  const chosen = known.length > 0 ? known : [ASSUMED_BEARER];
  const schemes: JsonSchema = {};
  for (const { name, scheme } of chosen) schemes[name] = scheme;
  return { schemes, requirements: chosen.map(({ name }) => ({ [name]: [] })) };
}
