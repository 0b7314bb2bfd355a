// Replaces an output directory atomically: write a sibling, then two renames. A run killed between the renames
// leaves the previous directory beside the target; the next run restores it before doing anything else.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { holdsExactly } from './unchanged-file.js';

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

interface PlacedFile {
  /** Where the file goes in the staging directory. */
  full: string;
  /** The same path in the directory being replaced, when that is a real directory (not a symlink) to reuse from. */
  current: string | null;
  content: string | Uint8Array;
}

/**
 * A file whose bytes did not change since the directory being replaced is hard-linked from it instead of written
 * again: it keeps its timestamps (make-style tools and watchers see only what changed), and a rebuild skips the
 * creation of hundreds of files. When linking is not possible (another file system, no permission) it is written.
 * Text is written by Node's native UTF-8 path, which encodes into a scratch buffer freed at once: no encoded copy
 * of an output stays in memory until the next collection (peak memory is reached while writing).
 */
function placeFile(file: PlacedFile): void {
  if (file.current !== null && holdsExactly(file.current, file.content)) {
    try {
      linkSync(file.current, file.full);
      return;
    } catch {
      // fall back to writing the bytes
    }
  }
  writeFileSync(file.full, file.content);
}

/**
 * Writes every file into a fresh staging directory, then swaps it in. The removal of the previous directory runs
 * on libuv's thread pool.
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
  for (const file of placed) placeFile(file);
  writeFileSync(join(staging, MARKER_FILE), MARKER_CONTENT);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  await rm(previous, { recursive: true, force: true });
}
