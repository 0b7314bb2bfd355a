// The strict compiler settings generated types/ must pass, and a host that parses TypeScript's lib files once.
import ts from 'typescript';

export const STRICT_COMPILER_OPTIONS: ts.CompilerOptions = {
  noEmit: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ['lib.es2022.d.ts'], types: [], noUnusedLocals: true, skipLibCheck: true,
};

/** TypeScript's lib files parsed once per process: they dominate a small program's compile time. */
const libCache = new Map<string, ts.SourceFile | undefined>();

export function cachingCompilerHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(STRICT_COMPILER_OPTIONS);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/typescript/lib/')) return read(fileName, languageVersion, onError, shouldCreate);
    if (!libCache.has(fileName)) libCache.set(fileName, read(fileName, languageVersion, onError, shouldCreate));
    return libCache.get(fileName);
  };
  return host;
}
