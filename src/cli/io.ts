// What a command may touch of the process: output streams, TTY-ness and environment. Injected for tests.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal (progress and colour only then). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal and never when NO_COLOR is set (any value, per no-color.org). */
export function useColor(io: CliIo): boolean {
  return io.isTTY && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb';
}

export const ExitCode = {
  ok: 0,
  inputError: 1,
  usage: 2,
} as const;
