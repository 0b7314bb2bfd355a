// Each SVG carries the SHA-256 of the .mmd it was rendered from, so staleness is known without a browser.
import { createHash } from 'node:crypto';

const HASH_COMMENT = /^<!-- archc mmd-sha256=([0-9a-f]{64}) -->\n/;

export function mmdHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

export function embedHash(svg: string, hash: string): string {
  return `<!-- archc mmd-sha256=${hash} -->\n${svg.replace(HASH_COMMENT, '')}`;
}

export function embeddedHash(svg: string): string | null {
  return HASH_COMMENT.exec(svg)?.[1] ?? null;
}
