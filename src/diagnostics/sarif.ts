// SARIF 2.1.0 output, so code scanning annotates system.yaml lines in a pull request.
import type { Diagnostic } from './diagnostic.js';
import { locateDiagnostic, type SourceTexts } from './format.js';
import { diagnosticMessages, type DiagnosticCode } from './messages.js';

/** SARIF wants a URI relative to the repository root, with forward slashes. */
function toUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}

export function formatSarif(diagnostics: readonly Diagnostic[], sources: SourceTexts, version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort() as DiagnosticCode[];
  const rules = codes.map((code) => ({
    id: code,
    name: diagnosticMessages[code].name,
    shortDescription: { text: diagnosticMessages[code].name.replace(/-/g, ' ') },
    fullDescription: { text: diagnosticMessages[code].message },
    defaultConfiguration: { level: diagnosticMessages[code].severity },
  }));
  const results = diagnostics.map((d) => {
    const at = locateDiagnostic(d, sources);
    return {
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: d.severity,
      message: { text: d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: toUri(d.file) },
          region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: Math.max(at.endColumn, at.column) },
        },
      }],
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'archc', version, rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
