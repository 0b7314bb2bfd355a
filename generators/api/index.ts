// The external API artifact the `external-api` decision picks: openapi.yaml, schema.graphql or api.proto (none for `none`).
import { defineGenerator, type OutputFile } from '../generator.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { apiStyle } from './surface.js';
import { buildOpenApiDocument } from './openapi.js';
import { buildGraphqlSchema } from './graphql.js';
import { buildProto } from './proto.js';

async function openApiFile(model: ArchitectureModel): Promise<OutputFile> {
  // yaml is loaded here so that commands that never emit (validate) do not pay for it.
  const { stringify } = await import('yaml');
  // directives: false only skips yaml's walk of the whole tree looking for tag directives; a fresh document has none.
  const content = stringify(buildOpenApiDocument(model), { lineWidth: 0, aliasDuplicateObjects: false, directives: false });
  return { path: 'openapi.yaml', content };
}

export const apiGenerator = defineGenerator({
  name: 'api',
  async generate(model) {
    switch (apiStyle(model)) {
      case 'rest': return [await openApiFile(model)];
      case 'graphql': return [{ path: 'schema.graphql', content: buildGraphqlSchema(model) }];
      case 'grpc': return [{ path: 'api.proto', content: buildProto(model) }];
      case 'none': return [];
    }
  },
});
