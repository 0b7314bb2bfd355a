// The thin CLI: parse the verb, hand the rest to its action. Usage errors exit 2; nothing else escapes as a throw.
import { packageVersion } from '../package-root.js';
import { UsageError } from './args.js';
import { ExitCode, processIo, type CliIo } from './io.js';
import { tuneCompilerForShortRuns } from './compiler-tuning.js';

type Action = (argv: string[], io: CliIo) => Promise<number>;

interface LoadedCommand {
  action: Action;
  help: string;
}

/** Starts loading ts-morph on the types printer's thread before the verb's own modules load (about 0.2 s). */
async function warmTypesPrinter(): Promise<void> {
  (await import('../../generators/types/printer-thread.js')).warmTypesPrinter();
}

// Each verb's module is imported only when that verb runs: `archc validate` must not pay for loading the emitters.
const commands: Record<string, { load: () => Promise<LoadedCommand>; summary: string; warm?: () => Promise<void> }> = {
  build: {
    warm: warmTypesPrinter,
    load: async () => { const m = await import('./actions/build.js'); return { action: m.buildAction, help: m.buildHelp }; },
    summary: 'compile system.yaml into the design outputs (default ./out)',
  },
  check: {
    warm: warmTypesPrinter,
    load: async () => { const m = await import('./actions/check.js'); return { action: m.checkAction, help: m.checkHelp }; },
    summary: 'fail when committed outputs differ from what build would write (for CI)',
  },
  diff: {
    load: async () => { const m = await import('./actions/diff.js'); return { action: m.diffAction, help: m.diffHelp }; },
    summary: 'design-level diff of two specs, or of the spec against a git ref (--base)',
  },
  explain: {
    load: async () => { const m = await import('./actions/explain.js'); return { action: m.explainAction, help: m.explainHelp }; },
    summary: 'explain one decision (or --all) with the spec lines that drove it',
  },
  init: {
    load: async () => { const m = await import('./actions/init.js'); return { action: m.initAction, help: m.initHelp }; },
    summary: 'write a commented starter system.yaml',
  },
  migrate: {
    load: async () => { const m = await import('./actions/migrate.js'); return { action: m.migrateAction, help: m.migrateHelp }; },
    summary: 'PostgreSQL migration between two specs (expand/contract; drops need --allow-destructive)',
  },
  validate: {
    load: async () => { const m = await import('./actions/validate.js'); return { action: m.validateAction, help: m.validateHelp }; },
    summary: 'check system.yaml and print located diagnostics',
  },
  verify: {
    load: async () => { const m = await import('./actions/verify.js'); return { action: m.verifyAction, help: m.verifyHelp }; },
    summary: 'run archc\'s own checks on built outputs (SQL, API, diagrams, types) for review',
  },
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
  tuneCompilerForShortRuns();
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') {
    if (verb === 'help' && rest[0] && commands[rest[0]]) io.stdout((await commands[rest[0]]!.load()).help);
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
    if (command.warm && !rest.includes('--help') && !rest.includes('-h')) await command.warm();
    const { action } = await command.load();
    return await action(rest, io);
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
