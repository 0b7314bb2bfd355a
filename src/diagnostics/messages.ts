// The one table of diagnostic codes: code, kebab name, severity and message template. Call sites never build
// message strings; docs/diagnostics.md is checked against this table by test/diagnostics-doc.test.ts.
//
// Ranges: ARC00xx command line and files, ARC01xx YAML loading, ARC02xx schema, ARC03xx semantic checks,
// ARC04xx challenges raised by the decision engine (weak constraints, overridden preferences).

export type Severity = 'error' | 'warning';

export interface MessageDef {
  readonly name: string;
  readonly severity: Severity;
  /** `{placeholder}` names are filled from the call's arguments. */
  readonly message: string;
}

export const diagnosticMessages = {
  // #region command line and files
  ARC0001: { name: 'spec-not-found', severity: 'error', message: 'cannot read spec file {path}: {reason}' },
  ARC0002: { name: 'out-dir-refused', severity: 'error', message: 'refusing to replace {path}: it is not empty and was not written by archc (no .archc marker); pass --force to replace it' },
  ARC0003: { name: 'output-write-failed', severity: 'error', message: 'could not write outputs to {path}: {reason}' },
  ARC0004: { name: 'generator-failed', severity: 'error', message: 'the {generator} generator failed: {reason}' },
  ARC0005: { name: 'browser-not-found', severity: 'warning', message: 'no Chromium or Chrome found (set PUPPETEER_EXECUTABLE_PATH or install chromium): diagrams were written as .mmd only; {kept} current SVG(s) kept, {dropped} stale SVG(s) dropped' },
  ARC0006: { name: 'browser-required', severity: 'error', message: '--render=require but no Chromium or Chrome was found (set PUPPETEER_EXECUTABLE_PATH or install chromium)' },
  ARC0007: { name: 'render-failed', severity: 'error', message: 'diagram {diagram} could not be rendered: {reason}' },
  // #endregion

  // #region archc verify: checks on built outputs (ARC0020–ARC0039)
  ARC0020: { name: 'verify-sql-failed', severity: 'error', message: 'PostgreSQL rejects this statement ({sqlstate}): {detail}' },
  ARC0021: { name: 'verify-openapi-problem', severity: 'error', message: 'OpenAPI lint rule {rule}: {detail}' },
  ARC0022: { name: 'verify-openapi-warning', severity: 'warning', message: 'OpenAPI lint rule {rule}: {detail}' },
  ARC0023: { name: 'verify-graphql-invalid', severity: 'error', message: 'not a valid GraphQL schema: {detail}' },
  ARC0024: { name: 'verify-proto-invalid', severity: 'error', message: 'not valid proto3: {detail}' },
  ARC0025: { name: 'verify-mermaid-parse', severity: 'error', message: 'Mermaid cannot parse this diagram: {detail}' },
  ARC0026: { name: 'verify-types-error', severity: 'error', message: 'TypeScript TS{tscode}: {detail}' },
  ARC0027: { name: 'verify-out-missing', severity: 'error', message: '{path} {reason}: run archc build first' },
  ARC0028: { name: 'verify-stale', severity: 'warning', message: 'output is {state} (not what archc build writes for {spec}): rebuild before reviewing' },
  ARC0029: { name: 'verify-check-failed', severity: 'error', message: 'the {check} check could not run: {reason}' },
  // #endregion

  // #region archc migrate: migrations between two specs (ARC0040–ARC0049)
  ARC0040: { name: 'migrate-destructive-skipped', severity: 'warning', message: 'skipped destructive step: {what} ({why}); it is printed as a comment: run with --allow-destructive once no deployed release needs it' },
  ARC0041: { name: 'migrate-no-backfill-value', severity: 'warning', message: '{column} becomes NOT NULL but has no default to backfill existing rows with: SET NOT NULL fails while a row holds NULL' },
  ARC0042: { name: 'migrate-manual-step', severity: 'warning', message: 'not migrated: {what}: {why}' },
  // #endregion

  // #region YAML loading
  ARC0101: { name: 'yaml-syntax', severity: 'error', message: 'YAML syntax error: {detail}' },
  ARC0102: { name: 'duplicate-key', severity: 'error', message: 'duplicate key "{key}": each key may appear once in a mapping' },
  ARC0103: { name: 'tab-indent', severity: 'error', message: 'tab used for indentation: YAML indents with spaces' },
  ARC0104: { name: 'alias-limit', severity: 'error', message: 'too many alias expansions (more than {limit}): aliases are capped to stop resource-exhaustion inputs' },
  ARC0105: { name: 'file-too-large', severity: 'error', message: 'spec file is {size} bytes; the limit is {limit} bytes' },
  ARC0106: { name: 'nesting-too-deep', severity: 'error', message: 'nesting deeper than {limit} levels' },
  ARC0107: { name: 'forbidden-key', severity: 'error', message: 'key "{key}" is not allowed (it could alter object prototypes)' },
  ARC0108: { name: 'invalid-utf8', severity: 'error', message: 'the file is not valid UTF-8 (invalid byte 0x{byte})' },
  ARC0109: { name: 'empty-file', severity: 'error', message: 'the spec is empty: it needs at least `archc: 1`, `system` and `modules`' },
  ARC0110: { name: 'unsupported-version', severity: 'error', message: 'archc: {version} is not supported: this archc reads version 1' },
  ARC0111: { name: 'custom-tag', severity: 'error', message: 'YAML tag {tag} is not allowed: specs use plain YAML 1.2 core values' },
  ARC0112: { name: 'multiple-documents', severity: 'error', message: 'the file holds {count} YAML documents; a spec is exactly one document' },
  ARC0113: { name: 'non-scalar-key', severity: 'error', message: 'keys must be plain strings' },
  // #endregion

  // #region schema
  ARC0201: { name: 'unknown-key', severity: 'error', message: 'unknown key "{key}" in {where}{suggestion}' },
  ARC0202: { name: 'missing-key', severity: 'error', message: '{where} is missing the required key "{key}"' },
  ARC0203: { name: 'wrong-type', severity: 'error', message: '{where} must be {expected}, got {actual}{hint}' },
  ARC0204: { name: 'not-in-enum', severity: 'error', message: '{where} must be one of {allowed}; got {actual}{suggestion}' },
  ARC0205: { name: 'bad-name', severity: 'error', message: '{where}: {actual} is not {pattern}' },
  ARC0206: { name: 'out-of-range', severity: 'error', message: '{where} must be {bound}; got {actual}' },
  ARC0207: { name: 'duplicate-item', severity: 'error', message: '{where} lists {actual} twice: it is a set' },
  ARC0208: { name: 'field-type-mismatch', severity: 'error', message: '"{key}" is only allowed on {type} fields' },
  ARC0209: { name: 'schedule-misplaced', severity: 'error', message: '"schedule" is only allowed on flows of kind scheduled' },
  ARC0210: { name: 'too-long', severity: 'error', message: '{where} is longer than {limit} characters' },
  ARC0211: { name: 'too-few-items', severity: 'error', message: '{where} needs at least {limit} item(s)' },
  ARC0212: { name: 'tenants-without-multi', severity: 'error', message: '"tenants" is only allowed with tenancy.model: multi' },
  ARC0213: { name: 'bad-cron', severity: 'error', message: '{where}: {actual} is not a 5-field cron expression' },
  ARC0214: { name: 'nul-character', severity: 'error', message: '{where} contains the NUL character (U+0000)' },
  // #endregion

  // #region semantic checks
  ARC0301: { name: 'unknown-module', severity: 'error', message: '{where} names module "{name}", which is not defined{suggestion}' },
  ARC0302: { name: 'unknown-entity', severity: 'error', message: '{where} names entity "{name}", which is not defined{suggestion}' },
  ARC0303: { name: 'unknown-integration', severity: 'error', message: '{where} names integration "{name}", which is not defined{suggestion}' },
  ARC0304: { name: 'dependency-cycle', severity: 'error', message: 'module dependencies form a cycle: {cycle}' },
  ARC0305: { name: 'duplicate-name', severity: 'error', message: '{kind} name "{name}" is already used by "{other}" (names are unique case-insensitively)' },
  ARC0306: { name: 'enum-value-length', severity: 'error', message: 'enum value {value} is {bytes} bytes; values are 1..63 bytes (a PostgreSQL enum label limit)' },
  ARC0307: { name: 'missing-key-field', severity: 'warning', message: 'entity {entity} has no key field; archc assumes `id uuid` as its key' },
  ARC0308: { name: 'multiple-key-fields', severity: 'error', message: 'entity {entity} has {count} key fields ({fields}); exactly one is allowed' },
  ARC0309: { name: 'optional-key', severity: 'error', message: 'key field {entity}.{field} cannot be optional' },
  ARC0310: { name: 'writes-not-touched', severity: 'error', message: 'flow {flow} writes {entity} but does not list it in touches (writes must be a subset of touches)' },
  ARC0311: { name: 'reserved-name', severity: 'error', message: '{where}: "{name}" is reserved: {reason}' },
  ARC0312: { name: 'vague-module-name', severity: 'warning', message: 'module name "{name}" is vague: name it after the responsibility it owns, or set platform: true if it is a deliberate platform layer' },
  ARC0313: { name: 'unquoted-scalar', severity: 'error', message: '{where} must be a name, but YAML reads {source} as {actual}; quote it ("{source}") if you meant the text' },
  ARC0314: { name: 'unknown-decision', severity: 'error', message: 'decision pin "{id}" is not a catalogue decision id{suggestion}' },
  ARC0315: { name: 'invalid-choice', severity: 'error', message: 'decision "{id}" has no choice "{choice}"; choose one of {allowed}' },
  ARC0316: { name: 'pin-without-reason', severity: 'warning', message: 'decision pin "{id}" has no reason: reviewers cannot tell why it overrides the rules' },
  ARC0317: { name: 'unknown-field', severity: 'error', message: '{where} names field "{name}", which entity {entity} does not have{suggestion}' },
  ARC0318: { name: 'unknown-actor', severity: 'warning', message: 'flow {flow} actor "{name}" is not a role, module or integration' },
  ARC0319: { name: 'duplicate-pin', severity: 'error', message: 'decision "{id}" is pinned more than once' },
  ARC0320: { name: 'key-type', severity: 'error', message: 'key field {entity}.{field} has type {type}; a key is uuid, string, int or bigint' },
  ARC0321: { name: 'search-field-type', severity: 'warning', message: '{where}: field "{name}" of type {type} is not text; full-text search works on string and text fields' },
  ARC0322: { name: 'default-type', severity: 'error', message: '{where}: default {value} does not fit type {type}; write {expected}' },
  // #endregion

  // #region decision engine challenges (weak constraints, overridden preferences, pins)
  ARC0401: { name: 'missing-scale-targets', severity: 'warning', message: 'traffic does not state {fields}: capacity and every numeric decision rest on the assumed values listed under assumptions' },
  ARC0402: { name: 'missing-consistency', severity: 'warning', message: 'flow {flow} writes {entities} but states no consistency: archc assumes {assumed}' },
  ARC0403: { name: 'sensitive-data-without-compliance', severity: 'warning', message: '{levels} data is stored ({fields}) but data.compliance is empty: state the regimes that apply' },
  ARC0404: { name: 'compliance-regime-missing', severity: 'warning', message: '{level} data is stored ({fields}) but data.compliance does not list {regime}' },
  ARC0405: { name: 'sensitive-data-without-residency', severity: 'warning', message: '{levels} data is stored but data.residency is empty: archc cannot tell where the data may live' },
  ARC0406: { name: 'availability-single-region', severity: 'warning', message: 'availability {availability}% leaves {budget} minutes of downtime a month, less than one regional outage, yet the deployment ({deployment}) stays in one region' },
  ARC0407: { name: 'multi-region-single-residency', severity: 'warning', message: 'deployment {deployment} needs a second region, but data.residency allows only {region}: both regions must lie inside it' },
  ARC0408: { name: 'latency-target-missing', severity: 'warning', message: 'request flows ({flows}) have no latency target (targets.latency_p99_ms or flows[].latency_p99_ms): archc promises no latency figure' },
  ARC0409: { name: 'availability-without-recovery', severity: 'warning', message: 'availability {availability}% is stated without {missing}: recovery posture rests on assumed values' },
  ARC0410: { name: 'preference-overridden', severity: 'warning', message: '{preference} {preferred} is overridden by {choice}: {reason}' },
  ARC0411: { name: 'pin-contradicts-fact', severity: 'warning', message: 'decision pin {id}: {choice} is honoured although {fact}' },
  ARC0412: { name: 'pin-without-effect', severity: 'warning', message: 'decision pin {id}: {choice} has no effect: the rule {rule} chooses {choice} anyway' },
  ARC0413: { name: 'eventual-money-write', severity: 'warning', message: 'flow {flow} writes {what} with consistency: eventual; honoured, but a caller may act on a balance or charge before it is committed' },
  ARC0414: { name: 'availability-beyond-team', severity: 'warning', message: 'availability {availability}% needs a round-the-clock on-call rotation, but team.engineers is {engineers} (a rotation needs at least {minimum})' },
  ARC0415: { name: 'strong-across-services', severity: 'warning', message: 'flow {flow} states strong consistency but writes {entities} in separately deployed services ({services}): honoured, which needs a synchronous cross-service commit; keeping these writes in one service avoids it' },
  ARC0416: { name: 'preference-against-constraint', severity: 'warning', message: '{preference} {preferred} is honoured although {fact}' },
  // #endregion

  // #region challenges raised by the decision engine (weak constraints, overridden preferences)
  ARC0400: { name: 'challenge', severity: 'warning', message: '{message}' },
  // #endregion
} as const satisfies Record<string, MessageDef>;

export type DiagnosticCode = keyof typeof diagnosticMessages;

/** Fills a message template; an unknown placeholder is an archc bug. */
export function formatMessage(code: DiagnosticCode, args: Readonly<Record<string, string | number>>): string {
  const template: string = diagnosticMessages[code].message;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = args[name];
    if (value === undefined) throw new Error(`archc bug: ${code} message needs {${name}}`);
    return String(value);
  });
}
