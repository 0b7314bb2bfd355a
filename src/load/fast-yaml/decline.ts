// The fast parser's only failure mode: it gives up and the caller parses with the yaml library instead.

/** Thrown when the input leaves the supported subset; caught by `parseFastYaml`, never seen by its callers. */
export class Decline extends Error {
  override readonly name = 'Decline';
}

/** Gives up on the input; `reason` only helps tests and debugging say why. */
export function decline(reason: string): never {
  throw new Decline(reason);
}
