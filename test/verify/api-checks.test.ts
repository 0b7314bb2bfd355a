// The GraphQL and proto checks in process (they are light); the CLI test covers the others through a real build.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJson } from '../../src/diagnostics/format.js';
import type { VerifyCheck, VerifyTarget } from '../../src/verify/check.js';
import { graphqlCheck } from '../../src/verify/graphql-check.js';
import { protoCheck } from '../../src/verify/proto-check.js';

function memoryTarget(files: Record<string, string>, sources: Map<string, string>): VerifyTarget {
  return {
    dir: '/nowhere',
    shown: (path) => `out/${path}`,
    read: (path) => {
      const text = files[path];
      if (text === undefined) return null;
      sources.set(`out/${path}`, text);
      return text;
    },
    list: () => [],
    remember: (file, text) => { sources.set(file, text); },
  };
}

async function located(check: VerifyCheck, files: Record<string, string>): Promise<Array<{ code: string; line: number; column: number; message: string }> | null> {
  const sources = new Map<string, string>();
  const found: Diagnostic[] | null = await check.run(memoryTarget(files, sources));
  if (found === null) return null;
  return (JSON.parse(formatJson(found, sources)) as Array<{ code: string; line: number; column: number; message: string }>)
    .map(({ code, line, column, message }) => ({ code, line, column, message }));
}

const SDL = 'type Query {\n  book(id: ID!): Book\n}\n\ntype Book {\n  id: ID!\n  title: String!\n}\n';

describe('schema.graphql', () => {
  test('absent: skipped; valid: no problems', async () => {
    expect(await located(graphqlCheck, {})).toBeNull();
    expect(await located(graphqlCheck, { 'schema.graphql': SDL })).toEqual([]);
  });

  test('a syntax error is located where the parser stopped', async () => {
    const problems = await located(graphqlCheck, { 'schema.graphql': SDL.replace('  title: String!', '  title String!') });
    expect(problems).toEqual([expect.objectContaining({ code: 'ARC0023', line: 7, column: 9, message: expect.stringContaining('Syntax Error') })]);
  });

  test('an unknown type is located at its use, which buildSchema alone would not say', async () => {
    const problems = await located(graphqlCheck, { 'schema.graphql': SDL.replace('book(id: ID!): Book', 'book(id: ID!): Bok') });
    expect(problems).toEqual([expect.objectContaining({ code: 'ARC0023', line: 2, column: 18, message: expect.stringContaining('Unknown type "Bok"') })]);
  });
});

describe('api.proto', () => {
  const PROTO = 'syntax = "proto3";\npackage shop.v1;\n\nmessage Book {\n  string id = 1;\n}\n';

  test('absent: skipped; valid: no problems', async () => {
    expect(await located(protoCheck, {})).toBeNull();
    expect(await located(protoCheck, { 'api.proto': PROTO })).toEqual([]);
  });

  test('a parse error is located on the line protobufjs names', async () => {
    const problems = await located(protoCheck, { 'api.proto': PROTO.replace('string id = 1;', 'string id = ;') });
    expect(problems).toEqual([expect.objectContaining({ code: 'ARC0024', line: 5, column: 3, message: expect.stringContaining('illegal') })]);
  });
});
