// Structural and byte-level mutations of a spec, driven by a seeded PRNG so every mutant can be regenerated from
// (sample, seed, run). Tree mutations work on the parsed value and are serialized back with `yaml`; byte mutations
// corrupt the text itself (truncation, tabs, NUL, invalid UTF-8, lost or doubled lines).
import { stringify } from 'yaml';

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, n: number): number => Math.floor(random() * n);

type Container = Record<string, unknown> | unknown[];
interface Slot { parent: Container; key: string | number }

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Every (parent, key) in the tree, depth-first; the root itself is not a slot. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) node.forEach((child, i) => { out.push({ parent: node, key: i }); stack.push(child); });
    else if (isContainer(node)) for (const [k, child] of Object.entries(node)) { out.push({ parent: node, key: k }); stack.push(child); }
  }
  return out;
}

function getSlot(slot: Slot): unknown {
  return Array.isArray(slot.parent) ? slot.parent[slot.key as number] : slot.parent[slot.key as string];
}

function setSlot(slot: Slot, value: unknown): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else slot.parent[slot.key as string] = value;
}

/** Values of every YAML type, and the numbers and strings that break naive numeric code. */
const REPLACEMENTS: readonly unknown[] = [
  null, true, false, 0, -1, -0, 1.5, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN,
  '', 'x', 'NaN', '.nan', '.inf', '-.inf', '1e999', '0x1F', '  ', 'True', 'null', '~', '__proto__', 'constructor',
  [], [null], [[[]]], {}, { a: 1 }, { __proto__x: 1 }, 'a'.repeat(5000), '\u202E\u0000'.replace('\u0000', ''),
];

/** A name-ish typo: swap, drop, double or upper-case one character. */
function typo(random: Random, word: string): string {
  if (word.length === 0) return 'x';
  const i = int(random, word.length);
  switch (int(random, 5)) {
    case 0: return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : `${word}s`;
    case 1: return word.slice(0, i) + word.slice(i + 1) || 'x';
    case 2: return word.slice(0, i) + word[i] + word.slice(i);
    case 3: return word.toUpperCase();
    default: return `${word}_`;
  }
}

function shuffle<T>(random: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(random, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

export type TreeMutation = 'drop' | 'duplicate' | 'retype' | 'rename-key' | 'rename-value' | 'shuffle' | 'deep-nest' | 'number';
const TREE_MUTATIONS: readonly TreeMutation[] = ['drop', 'duplicate', 'retype', 'rename-key', 'rename-value', 'shuffle', 'deep-nest', 'number'];

/** Applies one tree mutation in place; returns its description. */
export function mutateTree(random: Random, root: Record<string, unknown>): string {
  const all = slots(root);
  if (all.length === 0) return 'nothing to mutate';
  const slot = pick(random, all);
  const kind = pick(random, TREE_MUTATIONS);
  const where = String(slot.key);
  switch (kind) {
    case 'drop':
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return `drop ${where}`;
    case 'duplicate': {
      const value = structuredClone(getSlot(slot));
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 0, value);
      else slot.parent[`${where}${pick(random, ['', '_'])}2`] = value;
      return `duplicate ${where}`;
    }
    case 'retype':
      // JSON.parse makes `__proto__` an own key (an object literal would set the prototype instead).
      setSlot(slot, random() < 0.1 ? JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')
        : structuredClone(pick(random, REPLACEMENTS)));
      return `retype ${where}`;
    case 'rename-key': {
      if (Array.isArray(slot.parent)) return mutateTree(random, root);
      const value = slot.parent[where];
      delete slot.parent[where];
      slot.parent[typo(random, where)] = value;
      return `rename key ${where}`;
    }
    case 'rename-value': {
      const value = getSlot(slot);
      setSlot(slot, typeof value === 'string' ? typo(random, value) : String(value));
      return `rename value at ${where}`;
    }
    case 'shuffle': {
      const value = getSlot(slot);
      if (Array.isArray(value)) shuffle(random, value);
      else if (isContainer(value)) {
        const entries = Object.entries(value);
        shuffle(random, entries);
        setSlot(slot, Object.fromEntries(entries));
      }
      return `shuffle ${where}`;
    }
    case 'deep-nest':
      setSlot(slot, nested(pick(random, [10, 63, 64, 65, 200]), getSlot(slot)));
      return `deep-nest ${where}`;
    case 'number':
      setSlot(slot, pick(random, [-1, -1e9, 1e21, 1e308, 2 ** 31, 2 ** 63, 0.1 + 0.2, 1e-320, NaN, Infinity, -Infinity, 3.5]));
      return `number at ${where}`;
  }
}

export type ByteMutation = 'truncate' | 'tab' | 'nul' | 'invalid-utf8' | 'drop-line' | 'double-line' | 'flip' | 'bom' | 'crlf' | 'deep-flow';
const BYTE_MUTATIONS: readonly ByteMutation[] = ['truncate', 'tab', 'nul', 'invalid-utf8', 'drop-line', 'double-line', 'flip', 'bom', 'crlf', 'deep-flow'];
const INVALID_UTF8: readonly number[][] = [[0xff], [0xc0, 0x80], [0x80], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xfe, 0xfe]];

function insert(bytes: Uint8Array, at: number, extra: readonly number[]): Uint8Array {
  return Uint8Array.from([...bytes.subarray(0, at), ...extra, ...bytes.subarray(at)]);
}

function lines(bytes: Uint8Array): number[] {
  const starts = [0];
  bytes.forEach((b, i) => { if (b === 0x0a && i + 1 < bytes.length) starts.push(i + 1); });
  return starts;
}

/** Applies one byte mutation; returns the new bytes and its description. */
export function mutateBytes(random: Random, bytes: Uint8Array): { bytes: Uint8Array; what: string } {
  const kind = pick(random, BYTE_MUTATIONS);
  const at = int(random, bytes.length + 1);
  switch (kind) {
    case 'truncate': return { bytes: bytes.slice(0, at), what: `truncate at ${at}` };
    case 'tab': return { bytes: insert(bytes, lines(bytes).includes(at) ? at : pick(random, lines(bytes)), [0x09]), what: 'tab' };
    case 'nul': return { bytes: insert(bytes, at, [0x00]), what: `NUL at ${at}` };
    case 'invalid-utf8': return { bytes: insert(bytes, at, pick(random, INVALID_UTF8)), what: `invalid UTF-8 at ${at}` };
    case 'flip': {
      const copy = bytes.slice();
      if (copy.length > 0) copy[Math.min(at, copy.length - 1)] = int(random, 256);
      return { bytes: copy, what: `byte flip at ${at}` };
    }
    case 'bom': return { bytes: insert(bytes, at, [0xef, 0xbb, 0xbf]), what: `BOM at ${at}` };
    case 'deep-flow': {
      // Deeper than the yaml serializer can write: a flow collection nested thousands of levels, on its own line.
      const depth = pick(random, [65, 5000, 50000]);
      const line = new TextEncoder().encode(`deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      return { bytes: insert(bytes, pick(random, lines(bytes)), [...line]), what: `flow nesting ${depth} deep` };
    }
    case 'crlf': return { bytes: Uint8Array.from([...bytes].flatMap((b) => (b === 0x0a ? [0x0d, 0x0a] : [b]))), what: 'CRLF' };
    case 'drop-line':
    case 'double-line': {
      const starts = lines(bytes);
      const i = int(random, starts.length);
      const start = starts[i]!;
      const end = starts[i + 1] ?? bytes.length;
      const line = [...bytes.subarray(start, end)];
      const rest = [...bytes.subarray(end)];
      const head = [...bytes.subarray(0, start)];
      return kind === 'drop-line'
        ? { bytes: Uint8Array.from([...head, ...rest]), what: `drop line ${i + 1}` }
        : { bytes: Uint8Array.from([...head, ...line, ...line, ...rest]), what: `double line ${i + 1}` };
    }
  }
}

export interface Mutant {
  bytes: Uint8Array;
  /** What was done, in order (for the failure message and the fixture header). */
  steps: string[];
}

/** One to three mutations of a spec: mostly on the tree, some on the bytes after serializing. */
export function mutant(sourceValue: unknown, sourceText: string, seed: number): Mutant {
  const random = prng(seed);
  const steps: string[] = [];
  const count = 1 + int(random, 3);
  const treeFirst = random() < 0.7;
  let bytes: Uint8Array;
  if (treeFirst) {
    const tree = structuredClone(sourceValue) as Record<string, unknown>;
    for (let i = 0; i < count; i++) steps.push(mutateTree(random, tree));
    bytes = new TextEncoder().encode(stringify(tree, { lineWidth: 0, aliasDuplicateObjects: random() < 0.5 }));
  } else {
    bytes = new TextEncoder().encode(sourceText);
  }
  if (!treeFirst || random() < 0.2) {
    for (let i = 0; i < (treeFirst ? 1 : count); i++) {
      const next = mutateBytes(random, bytes);
      bytes = next.bytes;
      steps.push(next.what);
    }
  }
  return { bytes, steps };
}
