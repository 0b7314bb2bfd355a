// types/ must type-check with the TypeScript compiler under strict mode, as a consumer would compile it.
import { resolve } from 'node:path';
import type { CompilerOptions } from 'typescript';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineCheck, type VerifyTarget } from './check.js';

export const TYPES_FOLDER = 'types';

async function typeScriptDiagnostics(target: VerifyTarget, paths: readonly string[]): Promise<Diagnostic[]> {
  const { default: ts } = await import('typescript');
  // Bundler resolution maps `./entities.js` to entities.ts without depending on the nearest package.json's "type".
  const options: CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const roots = paths.map((path) => resolve(target.dir, path));
  const program = ts.createProgram(roots, options);
  const byFile = new Map(paths.map((path) => [resolve(target.dir, path), path]));
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const args = { tscode: d.code, detail: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
      const own = d.file ? byFile.get(resolve(d.file.fileName)) : undefined;
      if (own === undefined || d.start === undefined) {
        // A problem outside the checked files (a library, the options) is printed at that file, or at types/.
        return createDiagnostic('ARC0026', args, own !== undefined ? target.shown(own) : d.file?.fileName ?? target.shown(TYPES_FOLDER));
      }
      // read() registers the text for printing; TypeScript offsets are into the same text.
      target.read(own);
      return createDiagnostic('ARC0026', args, target.shown(own), { start: d.start, end: d.start + Math.max(1, d.length ?? 1) });
    });
}

export const typesCheck = defineCheck({
  name: 'types',
  subject: TYPES_FOLDER,
  run: async (target): Promise<Diagnostic[] | null> => {
    const paths = target.list(TYPES_FOLDER, '.ts');
    return paths.length === 0 ? null : typeScriptDiagnostics(target, paths);
  },
});
