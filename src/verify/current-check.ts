// The outputs must be what `archc build` writes for the spec today; a stale file is reviewed against a design that
// no longer holds. Stale, missing and extra files are warnings: the artifact checks still say whether they are sound.
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileFile } from '../compile.js';
import { MARKER_CONTENT, MARKER_FILE } from '../output/atomic-dir.js';
import { compareOutputs } from '../output/compare-outputs.js';
import { generateAll } from '../../generators/index.js';
import { defineCheck, type VerifyCheck } from './check.js';

export function currentCheck(specFile: string): VerifyCheck {
  return defineCheck({
    name: 'current',
    subject: '',
    run: async (target): Promise<Diagnostic[]> => {
      const compiled = compileFile(specFile, { decide: true });
      for (const [file, text] of compiled.sources) target.remember(file, text);
      // The spec's warnings are validate's to report; its errors mean currency cannot be judged.
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 || !compiled.model) return errors;
      const expected = new Map((await generateAll(compiled.model)).map((f) => [f.path, f.content]));
      expected.set(MARKER_FILE, MARKER_CONTENT);
      const { stale, missing, extra } = compareOutputs(expected, target.dir);
      const report = (paths: readonly string[], state: string): Diagnostic[] =>
        paths.map((path) => createDiagnostic('ARC0028', { state, spec: specFile }, target.shown(path)));
      return [...report(stale, 'stale'), ...report(missing, 'missing'), ...report(extra, 'extra')];
    },
  });
}
