// Collision-free naming inside one output namespace (a GraphQL schema, a proto package, a TS module).

/**
 * Hands out names that never repeat within one output namespace. Callers ask in a deterministic order
 * (sorted by name), so the same model always gets the same names; the first free candidate wins, then
 * the first candidate with a numeric suffix.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  allocate(...candidates: string[]): string {
    for (const candidate of candidates) {
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
    const base = candidates[0]!;
    for (let suffix = 2; ; suffix++) {
      if (!this.taken.has(`${base}${suffix}`)) return this.claim(`${base}${suffix}`);
    }
  }

  private claim(name: string): string {
    this.taken.add(name);
    return name;
  }
}
