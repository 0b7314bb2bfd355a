// Replaces an output directory atomically: write a sibling, then two renames. A run killed between the renames
// leaves the previous directory beside the target; the next run restores it before doing anything else.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { link, lstat, open, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Marks a directory archc wrote, so it may be replaced without --force. */
export const MARKER_FILE = '.archc';
export const MARKER_CONTENT = 'This directory is written by `archc build`; archc replaces it on every build.\n';

export interface OutputFileContent {
  path: string;
  content: string | Uint8Array;
}

export function siblingPaths(outDir: string): { staging: string; previous: string } {
  const dir = dirname(resolve(outDir));
  const base = basename(resolve(outDir));
  return { staging: join(dir, `.${base}.archc-new`), previous: join(dir, `.${base}.archc-old`) };
}

/** Restores or cleans up after an interrupted swap. Returns what it did, for a notice. */
export function recoverInterruptedSwap(outDir: string): 'restored' | 'cleaned' | 'none' {
  const target = resolve(outDir);
  const { staging, previous } = siblingPaths(outDir);
  let action: 'restored' | 'cleaned' | 'none' = 'none';
  if (existsSync(previous)) {
    if (!existsSync(target)) {
      renameSync(previous, target);
      action = 'restored';
    } else {
      rmSync(previous, { recursive: true, force: true });
      action = 'cleaned';
    }
  }
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    if (action === 'none') action = 'cleaned';
  }
  return action;
}

/**
 * An absent, empty or marked directory may be replaced; anything else (a file, an unmarked directory) needs --force.
 * The marker counts only as a regular file: a symlink named .archc proves nothing about who wrote the directory.
 * A symlinked --out is judged by the directory it points to, but replacing it replaces the link, never that directory.
 */
export function mayReplace(outDir: string): boolean {
  const target = resolve(outDir);
  if (!existsSync(target)) return true;
  if (!statSync(target).isDirectory()) return false;
  const entries = readdirSync(target);
  return entries.length === 0 || (entries.includes(MARKER_FILE) && lstatSync(join(target, MARKER_FILE)).isFile());
}

/** Joins a relative output path under a root, refusing anything that would escape it. */
export function containedPath(root: string, relativePath: string): string {
  if (relativePath === '' || relativePath.includes('\0') || relativePath.startsWith('/') || relativePath.includes('\\')) {
    throw new Error(`archc bug: output path "${relativePath}" is not a plain relative path`);
  }
  const full = resolve(root, relativePath);
  const rel = relative(root, full);
  // A `..` segment escapes; a name that merely starts with dots (`..x`) does not.
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`archc bug: output path "${relativePath}" escapes the output directory`);
  }
  return full;
}

/** Files written at once: enough to keep the thread pool busy, few enough not to hold every encoded file. */
const WRITE_CONCURRENCY = 8;

interface PlacedFile {
  /** Where the file goes in the staging directory. */
  full: string;
  /** The same path in the directory being replaced, when that is a real directory (not a symlink) to reuse from. */
  current: string | null;
  content: string | Uint8Array;
}

/**
 * True when `path` is a regular file with exactly these bytes that nothing else links to. A symlink never counts
 * (linking it would put the link, not a file, in the output), nor does a file with other names, which an edit
 * through those names could change.
 */
async function holdsExactly(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const stat = await lstat(path);
    if (!stat.isFile() || stat.nlink !== 1 || stat.size !== bytes.byteLength) return false;
    return await fileStartsWith(path, bytes);
  } catch {
    return false;
  }
}

/** Bytes compared per read: the file is never held whole beside the new content (the largest is ~11 MB). */
const COMPARE_CHUNK = 64 * 1024;

/** Whether the file's first bytes are `bytes`, read chunk by chunk and stopping at the first difference. */
async function fileStartsWith(path: string, bytes: Uint8Array): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(Math.min(COMPARE_CHUNK, bytes.byteLength));
    const expected = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset < expected.byteLength;) {
      const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.byteLength, expected.byteLength - offset), offset);
      if (bytesRead === 0 || !chunk.subarray(0, bytesRead).equals(expected.subarray(offset, offset + bytesRead))) return false;
      offset += bytesRead;
    }
    return true;
  } finally {
    await file.close();
  }
}

/**
 * A file whose bytes did not change since the directory being replaced is hard-linked from it instead of written
 * again: it keeps its timestamps (make-style tools and watchers see only what changed), and a rebuild skips the
 * creation of hundreds of files. When linking is not possible (another file system, no permission) it is written.
 */
async function placeFile(file: PlacedFile): Promise<void> {
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  if (file.current !== null && (await holdsExactly(file.current, bytes))) {
    try {
      await link(file.current, file.full);
      return;
    } catch {
      // fall back to writing the bytes
    }
  }
  await writeFile(file.full, bytes);
}

/**
 * Writes every file into a fresh staging directory, then swaps it in. The writes and the removal of the previous
 * directory run on libuv's thread pool, several at a time, so that the system calls overlap (hundreds of files
 * at 1,000 entities).
 */
export async function writeOutputAtomically(outDir: string, files: readonly OutputFileContent[]): Promise<void> {
  const target = resolve(outDir);
  const { staging, previous } = siblingPaths(outDir);
  mkdirSync(dirname(target), { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const reusable = existsSync(target) && lstatSync(target).isDirectory();
  const placed: PlacedFile[] = files.map((file) => ({
    full: containedPath(staging, file.path),
    current: reusable ? containedPath(target, file.path) : null,
    content: file.content,
  }));
  for (const dir of new Set(placed.map((file) => dirname(file.full)))) mkdirSync(dir, { recursive: true });
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < placed.length) await placeFile(placed[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, placed.length) }, writer));
  writeFileSync(join(staging, MARKER_FILE), MARKER_CONTENT);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  await rm(previous, { recursive: true, force: true });
}
