// schema.graphql must build into a valid schema. `buildSchema` throws SDL errors as one unlocated message, so the
// same steps run one by one (parse, SDL validation, build, schema validation) to keep each error's position.
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineCheck } from './check.js';
import { lineSpan } from './text-position.js';

export const GRAPHQL_FILE = 'schema.graphql';

/** The part of a GraphQLError that verify reads. */
interface LocatedError {
  message: string;
  positions?: readonly number[] | undefined;
  locations?: ReadonlyArray<{ line: number; column: number }> | undefined;
}

function toDiagnostic(error: LocatedError, text: string, file: string): Diagnostic {
  const position = error.positions?.[0];
  const line = error.locations?.[0]?.line;
  const token = position === undefined ? '' : /^[_A-Za-z0-9]*/.exec(text.slice(position))![0];
  const span = position !== undefined ? { start: position, end: position + Math.max(1, token.length) } : line !== undefined ? lineSpan(text, line) : null;
  return createDiagnostic('ARC0023', { detail: error.message }, file, span ?? undefined);
}

async function schemaErrors(text: string): Promise<LocatedError[]> {
  const { GraphQLError, buildASTSchema, parse, validateSchema } = await import('graphql');
  // validateSDL is what buildSchema runs; it is exported from this module (marked internal) and returns located errors.
  const { validateSDL } = await import('graphql/validation/validate.js');
  let document;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  const sdlErrors = validateSDL(document);
  if (sdlErrors.length > 0) return [...sdlErrors];
  return [...validateSchema(buildASTSchema(document, { assumeValidSDL: true }))];
}

export const graphqlCheck = defineCheck({
  name: 'schema.graphql',
  subject: GRAPHQL_FILE,
  run: async (target): Promise<Diagnostic[] | null> => {
    const text = target.read(GRAPHQL_FILE);
    if (text === null) return null;
    const file = target.shown(GRAPHQL_FILE);
    return (await schemaErrors(text)).map((error) => toDiagnostic(error, text, file));
  },
});
