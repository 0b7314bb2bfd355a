// The external API artifact the `external-api` decision picks: openapi.yaml, schema.graphql or api.proto (none for `none`).
import { defineGenerator, type OutputFile } from '../generator.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { apiStyle } from './surface.js';
import { buildOpenApiDocument } from './openapi.js';
import { buildGraphqlSchema } from './graphql.js';
import { buildProto } from './proto.js';
import { writeYaml } from './yaml-writer.js';

function openApiFile(model: ArchitectureModel): OutputFile {
  // The same bytes as yaml's stringify with { lineWidth: 0 }, written directly instead of through a yaml Document.
  return { path: 'openapi.yaml', content: writeYaml(buildOpenApiDocument(model)) };
}

export const apiGenerator = defineGenerator({
  name: 'api',
  async generate(model) {
    switch (apiStyle(model)) {
      case 'rest': return [openApiFile(model)];
      case 'graphql': return [{ path: 'schema.graphql', content: buildGraphqlSchema(model) }];
      case 'grpc': return [{ path: 'api.proto', content: buildProto(model) }];
      case 'none': return [];
    }
  },
});
