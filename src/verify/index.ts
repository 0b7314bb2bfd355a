// `archc verify`: the checks archc's own tests run on the samples, run on a user's build output. Each heavy tool
// (PGlite, Redocly, graphql, protobufjs, Mermaid with jsdom, TypeScript) is imported inside the check that uses it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { VerifyCheck, VerifyTarget } from './check.js';
import { currentCheck } from './current-check.js';
import { graphqlCheck } from './graphql-check.js';
import { mermaidCheck } from './mermaid-check.js';
import { openapiCheck } from './openapi-check.js';
import { protoCheck } from './proto-check.js';
import { sqlCheck } from './sql-check.js';
import { typesCheck } from './types-check.js';

export const MODEL_FILE = 'model.json';

export interface VerifyOptions {
  specFile: string;
  /** The output directory as given on the command line. */
  outDir: string;
}

export interface VerifyResult {
  diagnostics: Diagnostic[];
  /** Texts of the files the diagnostics point into, by printed path. */
  sources: Map<string, string>;
  /** Checks that ran and checks skipped because their files are absent, in run order. */
  ran: string[];
  skipped: string[];
}

/** The artifact checks, in the order their results are easiest to act on: data first, then API, diagrams, types. */
const artifactChecks: readonly VerifyCheck[] = [sqlCheck, openapiCheck, graphqlCheck, protoCheck, mermaidCheck, typesCheck];

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function listFiles(root: string, folder: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string): void => {
    for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
      const path = `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(path);
    }
  };
  if (existsSync(join(root, folder)) && statSync(join(root, folder)).isDirectory()) walk(folder);
  return found.sort(byCodeUnits);
}

function outputTarget(outDir: string, sources: Map<string, string>): VerifyTarget {
  const shown = (relativePath: string): string => join(outDir, relativePath);
  return {
    dir: outDir,
    shown,
    read: (relativePath) => {
      const full = join(outDir, relativePath);
      if (!existsSync(full) || !statSync(full).isFile()) return null;
      const text = readFileSync(full, 'utf8');
      sources.set(shown(relativePath), text);
      return text;
    },
    list: (folder, suffix) => listFiles(outDir, folder, suffix),
    remember: (file, text) => {
      sources.set(file, text);
    },
  };
}

/** An output directory verify can read: it exists and holds the model.json every build writes. */
function missingBuild(outDir: string): Diagnostic | null {
  if (!existsSync(outDir)) return createDiagnostic('ARC0027', { path: outDir, reason: 'does not exist' }, outDir);
  if (!statSync(outDir).isDirectory()) return createDiagnostic('ARC0027', { path: outDir, reason: 'is not a directory' }, outDir);
  const model = join(outDir, MODEL_FILE);
  if (!existsSync(model)) return createDiagnostic('ARC0027', { path: model, reason: 'does not exist' }, model);
  return null;
}

/** A check that throws (a tool missing from the installation, a tool's own bug) is reported, not fatal. */
async function runCheck(check: VerifyCheck, target: VerifyTarget): Promise<Diagnostic[] | null> {
  try {
    return await check.run(target);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [createDiagnostic('ARC0029', { check: check.name, reason: reason.split('\n')[0]! }, target.shown(check.subject))];
  }
}

export async function verifyOutputs(options: VerifyOptions): Promise<VerifyResult> {
  const sources = new Map<string, string>();
  const result: VerifyResult = { diagnostics: [], sources, ran: [], skipped: [] };
  const missing = missingBuild(options.outDir);
  if (missing) {
    result.diagnostics.push(missing);
    return result;
  }
  const target = outputTarget(options.outDir, sources);
  for (const check of [currentCheck(options.specFile), ...artifactChecks]) {
    const found = await runCheck(check, target);
    if (found === null) result.skipped.push(check.name);
    else {
      result.ran.push(check.name);
      result.diagnostics.push(...found);
    }
  }
  result.diagnostics = sortDiagnostics(result.diagnostics);
  return result;
}
