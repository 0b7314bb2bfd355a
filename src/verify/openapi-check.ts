// openapi.yaml must lint with Redocly's `recommended` ruleset without errors; warnings are reported as warnings.
import { isMap, parseDocument, type Document } from 'yaml';
import { resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineCheck } from './check.js';
import { firstLineOf } from './text-position.js';
import { locatePointer } from './yaml-pointer.js';

export const OPENAPI_FILE = 'openapi.yaml';

/** The part of a Redocly problem that verify reads. */
interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer?: string; reportOnKey?: boolean; source?: { absoluteRef?: string } }>;
}

/** Redocly parses with its own YAML reader and throws on bad YAML; `yaml` reports it with a position instead. */
function yamlSyntaxProblems(doc: Document, file: string): Diagnostic[] {
  return doc.errors.map((error) => createDiagnostic('ARC0021', { rule: 'yaml-syntax', detail: error.message.split('\n')[0]! }, file,
    { start: error.pos[0], end: Math.max(error.pos[0] + 1, error.pos[1]) }));
}

async function lint(text: string, absolutePath: string): Promise<LintProblem[]> {
  const { createConfig, lintFromString } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['recommended'] });
  return (await lintFromString({ source: text, absoluteRef: absolutePath, config })) as unknown as LintProblem[];
}

export const openapiCheck = defineCheck({
  name: 'openapi.yaml',
  subject: OPENAPI_FILE,
  run: async (target): Promise<Diagnostic[] | null> => {
    const text = target.read(OPENAPI_FILE);
    if (text === null) return null;
    const file = target.shown(OPENAPI_FILE);
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0) return yamlSyntaxProblems(doc, file);
    if (!isMap(doc.contents)) return [createDiagnostic('ARC0021', { rule: 'struct', detail: 'the document is not an OpenAPI object (a YAML mapping)' }, file)];
    const absolutePath = resolve(target.dir, OPENAPI_FILE);
    const problems = (await lint(text, absolutePath)).filter((p) => p.severity === 'error' || p.severity === 'warn');
    return problems.map((problem) => {
      const where = problem.location[0];
      const inThisFile = where?.pointer !== undefined && (where.source?.absoluteRef ?? absolutePath) === absolutePath;
      const span = inThisFile ? locatePointer(doc, where.pointer!, where.reportOnKey ?? false) : null;
      const code = problem.severity === 'error' ? 'ARC0021' : 'ARC0022';
      return createDiagnostic(code, { rule: problem.ruleId, detail: problem.message }, file, span ? firstLineOf(text, span) : undefined);
    });
  },
});
