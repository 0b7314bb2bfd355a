// The contract between `archc verify` and its checks: each check reads built outputs and returns located problems.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The build output being verified, as the checks see it. */
export interface VerifyTarget {
  /** The output directory on disk. */
  readonly dir: string;
  /** A file's path as printed: the --out value joined with its path inside the output. */
  shown(relativePath: string): string;
  /** A file's text, or null when it is absent; the text is kept so diagnostics can print its lines. */
  read(relativePath: string): string | null;
  /** Paths (relative to the output) of the files under a folder whose names end with `suffix`, sorted. */
  list(folder: string, suffix: string): string[];
  /** Keeps the text of a file outside the output (the spec), so diagnostics in it can print its lines. */
  remember(file: string, text: string): void;
}

export interface VerifyCheck {
  /** Short name, listed in the summary of checks run and skipped. */
  readonly name: string;
  /** The output path the check reads ('' for the whole output), where a failure of the check itself is reported. */
  readonly subject: string;
  /**
   * The problems found, or null when the check had nothing to read: an absent file is skipped, not reported
   * (a design without a store or an API has none).
   */
  run(target: VerifyTarget): Promise<Diagnostic[] | null>;
}

export function defineCheck(check: VerifyCheck): VerifyCheck {
  return check;
}
