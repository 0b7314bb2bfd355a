// `archc explain <decision-id> [spec]` / `archc explain --all [spec]`: one decision, why, what it rejected,
// the spec lines that drove it and what would flip it.
import { compileFile } from '../../compile.js';
import { LineIndex } from '../../diagnostics/line-index.js';
import { tippingDirection } from '../../model/tipping-point.js';
import type { Decision } from '../../model/types.js';
import { closest } from '../../validate/suggest.js';
import { atMostPositionals, parseCommandArgs, UsageError } from '../args.js';
import { ExitCode, type CliIo } from '../io.js';
import { printDiagnostics } from '../report.js';

export const explainUsage = 'archc explain <decision-id> [spec] | archc explain --all [spec] [--format human|json]';

export const explainHelp = `Explain a decision: rationale, rejected alternatives, the spec lines that drove it, its tipping point.

Usage: ${explainUsage}

Arguments:
  decision-id             a catalogue id (shape, cache, consistency.<flow>, ...)
  spec                    the spec file (default ./system.yaml)

Options:
  --all                   explain every decision
  --format human|json     text (default) or the decision records as JSON
  -h, --help              show this help

Exit codes: 0 explained, 1 input errors or an unknown decision id, 2 usage errors.
`;

const explainOptions = {
  all: { type: 'boolean' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function sourceExcerpt(index: LineIndex, line: number): string {
  return `      ${String(line).padStart(4)} | ${index.lineText(line)}`;
}

export function renderDecision(decision: Decision, index: LineIndex | null, file: string): string {
  const out: string[] = [];
  out.push(`${decision.id}: ${decision.choice}${decision.pinned ? ' (pinned)' : ''}`);
  out.push(`  rule: ${decision.rule}`);
  out.push(`  why: ${decision.rationale}`);
  if (decision.pinned) out.push(`  pinned because: ${decision.pinned.reason}`);
  if (decision.alternatives.length > 0) {
    out.push('  rejected:');
    for (const alt of decision.alternatives) out.push(`    - ${alt.choice}: ${alt.reason}`);
  }
  if (decision.inputs.length > 0) {
    out.push('  driven by:');
    for (const input of decision.inputs) {
      if (input.line !== undefined) {
        out.push(`    - ${input.path} (${file}:${input.line}:${input.column ?? 1})`);
        if (index) out.push(sourceExcerpt(index, input.line));
      } else {
        out.push(`    - ${input.path} (default)`);
      }
    }
  }
  if (decision.assumptions.length > 0) out.push(`  assumes: ${decision.assumptions.join(', ')}`);
  if (decision.tippingPoint) {
    const t = decision.tippingPoint;
    const when = tippingDirection(t) === 'reaches' ? `reaches ${t.threshold}` : `falls below ${t.threshold}`;
    out.push(`  tipping point: ${t.input} is ${t.value}; when it ${when} (all else fixed) the choice flips to ${t.flipsTo}`);
  } else {
    out.push('  tipping point: none (no number drove this choice)');
  }
  out.push(`  cost: ${decision.consequences.cost}`);
  out.push(`  operations: ${decision.consequences.operations}`);
  return `${out.join('\n')}\n`;
}

export async function explainAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, explainOptions);
  if (values.help) {
    io.stdout(explainHelp);
    return ExitCode.ok;
  }
  const format = values.format === undefined || values.format === 'human' ? 'human' : values.format === 'json' ? 'json' : null;
  if (!format) throw new UsageError(`--format must be human or json, got "${String(values.format)}"`);
  if (!values.all && positionals.length === 0) throw new UsageError(`a decision id is required\nusage: ${explainUsage}`);
  atMostPositionals(positionals, values.all ? 1 : 2, explainUsage);
  const id = values.all ? null : positionals[0]!;
  const file = (values.all ? positionals[0] : positionals[1]) ?? 'system.yaml';

  const result = compileFile(file, { decide: true });
  if (!result.model) {
    printDiagnostics(io, result.diagnostics, result.sources, 'human');
    return ExitCode.inputError;
  }
  const decisions = id === null ? result.model.decisions : result.model.decisions.filter((d) => d.id === id);
  if (decisions.length === 0) {
    const ids = result.model.decisions.map((d) => d.id);
    const suggestion = closest(id ?? '', ids);
    io.stderr(`archc explain: no decision "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}\nknown ids: ${ids.join(', ')}\n`);
    return ExitCode.inputError;
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(id === null ? decisions : decisions[0], null, 2)}\n`);
    return ExitCode.ok;
  }
  const text = result.sources.get(file);
  const index = text === undefined ? null : new LineIndex(text);
  io.stdout(decisions.map((d) => renderDecision(d, index, file)).join('\n'));
  return ExitCode.ok;
}
