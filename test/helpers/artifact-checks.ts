// Real-tool checks of a build's artifacts, shared by the fuzz suites: Redocly for OpenAPI, graphql-js for SDL,
// protobufjs for proto3, TypeScript's compiler for types/ (many builds in one program), Mermaid's parser for .mmd.
// PostgreSQL (PGlite) lives in ./pglite.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { cachingCompilerHost, STRICT_COMPILER_OPTIONS } from './typescript-compile.js';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildSchema } from 'graphql';
import protobuf from 'protobufjs';
import type { OutputFile } from '../../generators/generator.js';
import { mermaidError } from './mermaid-parse.js';

type RedoclyConfig = Awaited<ReturnType<typeof createConfig>>;
let redoclyConfig: Promise<RedoclyConfig> | null = null;

interface Problem { ruleId: string; severity: string; message: string; location: Array<{ pointer?: string }> }

/** Redocly `recommended` problems of severity error (warnings are style, not rejection). */
export async function redoclyErrors(source: string): Promise<string[]> {
  redoclyConfig ??= createConfig({ extends: ['recommended'] });
  const problems = (await lintFromString({ source, absoluteRef: 'openapi.yaml', config: await redoclyConfig })) as unknown as Problem[];
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
}

/** graphql-js builds the schema, or its error message. */
export function graphqlError(sdl: string): string | null {
  try {
    buildSchema(sdl);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** protobufjs parses the proto3 file, or its error message. */
export function protoError(proto: string): string | null {
  try {
    protobuf.parse(proto, { keepCase: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every `.mmd` file's Mermaid parse error, as `path: message`. */
export async function mermaidErrors(files: readonly OutputFile[]): Promise<string[]> {
  const errors: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.mmd'))) {
    const error = await mermaidError(file.content);
    if (error !== null) errors.push(`${file.path}: ${error.split('\n')[0]}`);
  }
  return errors;
}

/** The API artifact's rejection by its own tool (OpenAPI, GraphQL or proto), or [] when accepted or absent. */
export async function apiArtifactErrors(files: readonly OutputFile[]): Promise<string[]> {
  const errors: string[] = [];
  for (const file of files) {
    if (file.path === 'openapi.yaml') errors.push(...(await redoclyErrors(file.content)).map((e) => `openapi.yaml: ${e}`));
    if (file.path === 'schema.graphql') {
      const error = graphqlError(file.content);
      if (error !== null) errors.push(`schema.graphql: ${error}`);
    }
    if (file.path === 'api.proto') {
      const error = protoError(file.content);
      if (error !== null) errors.push(`api.proto: ${error}`);
    }
  }
  return errors;
}


/**
 * Type-checks several builds' `types/` in ONE program (strict, no emit): each build's files go under their own
 * folder (`<label>/types/…`), so builds never see each other. Returns diagnostics as `label/path: message`.
 */
export function typeScriptErrors(builds: ReadonlyMap<string, readonly OutputFile[]>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'archc-fuzz-types-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    const roots: string[] = [];
    for (const [label, files] of builds) {
      for (const file of files.filter((f) => f.path.startsWith('types/'))) {
        const full = join(dir, label, file.path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, file.content);
        roots.push(full);
      }
    }
    if (roots.length === 0) return [];
    const program = ts.createProgram(roots, STRICT_COMPILER_OPTIONS, cachingCompilerHost());
    return ts.getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName.slice(dir.length + 1) ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
