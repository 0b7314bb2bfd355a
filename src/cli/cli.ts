// The thin CLI: parse the verb, hand the rest to its action. Usage errors exit 2; nothing else escapes as a throw.
import { packageVersion } from '../package-root.js';
import { UsageError } from './args.js';
import { ExitCode, processIo, type CliIo } from './io.js';
import { buildAction, buildHelp } from './actions/build.js';
import { checkAction, checkHelp } from './actions/check.js';
import { diffAction, diffHelp } from './actions/diff.js';
import { explainAction, explainHelp } from './actions/explain.js';
import { initAction, initHelp } from './actions/init.js';
import { validateAction, validateHelp } from './actions/validate.js';

type Action = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { action: Action; help: string; summary: string }> = {
  build: { action: buildAction, help: buildHelp, summary: 'compile system.yaml into the design outputs (default ./out)' },
  check: { action: checkAction, help: checkHelp, summary: 'fail when committed outputs differ from what build would write (for CI)' },
  diff: { action: diffAction, help: diffHelp, summary: 'design-level diff of two specs, or of the spec against a git ref (--base)' },
  explain: { action: explainAction, help: explainHelp, summary: 'explain one decision (or --all) with the spec lines that drove it' },
  init: { action: initAction, help: initHelp, summary: 'write a commented starter system.yaml' },
  validate: { action: validateAction, help: validateHelp, summary: 'check system.yaml and print located diagnostics' },
};

export const mainHelp = `archc — requirements in (system.yaml), reviewed backend design out.

Usage: archc <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n')}

Options:
  -h, --help       show help (also per command: archc build --help)
  -v, --version    print the version

Exit codes: 0 ok (warnings allowed), 1 input errors, 2 usage errors.
`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') {
    if (verb === 'help' && rest[0] && commands[rest[0]]) io.stdout(commands[rest[0]]!.help);
    else io.stdout(mainHelp);
    return verb === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (verb === '-v' || verb === '--version') {
    io.stdout(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const command = commands[verb];
  if (!command) {
    io.stderr(`archc: unknown command "${verb}"\n\n${mainHelp}`);
    return ExitCode.usage;
  }
  try {
    return await command.action(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`archc ${verb}: ${error.message}\n`);
      return ExitCode.usage;
    }
    // An archc bug: say so plainly, without a stack trace unless asked for.
    io.stderr(`archc ${verb}: internal error: ${error instanceof Error ? error.message : String(error)}\n`
      + 'This is a bug in archc; please report it with the spec that caused it.\n');
    if (io.env['ARCHC_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 70;
  }
}
