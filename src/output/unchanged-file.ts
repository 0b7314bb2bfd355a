// Whether a file on disk already holds exactly what a build would write there, read in small chunks: neither the
// file nor the new content's encoding is ever held whole (model.json is 11 MB at 1,000 entities, and encoded copies
// of every output would stay in memory until the next collection).
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';

/** Bytes read per step. */
const CHUNK = 64 * 1024;

/**
 * True when `path` is a regular file with exactly the bytes of `content` (UTF-8 for text) that nothing else links
 * to. A symlink never counts (linking it would put the link, not a file, in the output), nor does a file with other
 * names, which an edit through those names could change. Any error reads as "changed".
 */
export function holdsExactly(path: string, content: string | Uint8Array): boolean {
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.nlink !== 1 || !mayHoldSize(stat.size, content)) return false;
    return typeof content === 'string' ? readsAsText(path, content) : readsAsBytes(path, content);
  } catch {
    return false;
  }
}

/**
 * Whether a file of `size` bytes can hold the content: exactly its length for bytes; for text, one to three UTF-8
 * bytes per UTF-16 code unit (a surrogate pair's four bytes are two per unit). Measuring the text's exact UTF-8
 * length would cost a pass over every output; the comparison that follows is exact anyway.
 */
function mayHoldSize(size: number, content: string | Uint8Array): boolean {
  return typeof content === 'string' ? size >= content.length && size <= 3 * content.length : size === content.byteLength;
}

/** Calls `step` with each chunk of the file in order until it returns false; true when every chunk passed. */
function everyChunk(path: string, step: (chunk: Uint8Array) => boolean): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) {
      if (!step(buffer.subarray(0, read))) return false;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

function readsAsBytes(path: string, bytes: Uint8Array): boolean {
  const expected = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const same = everyChunk(path, (chunk) => {
    const matches = expected.subarray(offset, offset + chunk.byteLength).equals(chunk);
    offset += chunk.byteLength;
    return matches;
  });
  return same && offset === expected.byteLength;
}

/**
 * The file decodes, as strict UTF-8, to exactly `text`. Strict decoding is one-to-one with the bytes, so equal text
 * means equal bytes; a text with a lone surrogate (written as U+FFFD) never matches and is simply written again.
 */
function readsAsText(path: string, text: string): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  const matches = (piece: string): boolean => {
    if (!text.startsWith(piece, offset)) return false;
    offset += piece.length;
    return true;
  };
  return everyChunk(path, (chunk) => matches(decoder.decode(chunk, { stream: true }))) && matches(decoder.decode()) && offset === text.length;
}
