// A fast path for loading system.yaml: a strict single-pass parser for the subset of YAML 1.2 that specs use,
// building the same yaml Document (nodes, ranges, line starts) and plain value as the yaml library. Anything outside
// the subset, or anything the library would report, makes it decline (return null) so the caller parses with the
// library and keeps every diagnostic exactly as before.
import { Document, LineCounter } from 'yaml';
import { parseBlockMap } from './fast-yaml/block.js';
import { Decline, decline } from './fast-yaml/decline.js';
import { scanTrivia } from './fast-yaml/text-scan.js';

export interface FastYamlResult {
  doc: Document;
  lineCounter: LineCounter;
  /** What `doc.toJS()` returns. */
  value: unknown;
}

/** The options `loadSpec` parses with, so that the document behaves the same afterwards. */
const DOCUMENT_OPTIONS = {
  uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core', merge: false, strict: true,
} as const;

/**
 * Characters the subset never contains: tabs, carriage returns, control characters and stray byte-order marks
 * (yaml's lexer gives some of them meanings), and document markers at the start of a line.
 */
const OUTSIDE_SUBSET = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|^(?:---|\.\.\.)(?:[ \n]|$)/m;

/** Parses `text` (BOM already removed), or returns null when it is outside the subset. */
export function parseFastYaml(text: string): FastYamlResult | null {
  try {
    return parseOrDecline(text);
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
}

/** Why `parseFastYaml` declines `text`, or null when it does not: for tests and debugging. */
export function fastYamlDeclineReason(text: string): string | null {
  try {
    parseOrDecline(text);
    return null;
  } catch (error) {
    if (error instanceof Decline) return error.message;
    throw error;
  }
}

function parseOrDecline(text: string): FastYamlResult {
  if (OUTSIDE_SUBSET.test(text)) decline('character or document marker outside the subset');
  // Blank and comment lines before the first content line are outside the document.
  const first = scanTrivia(text, 0);
  if (first.indent !== 0) decline('the document must be a block mapping starting in column 0');
  const doc = new Document(undefined, DOCUMENT_OPTIONS);
  const root = parseBlockMap({ text, schema: doc.schema }, first.contentPos, 0, 1);
  doc.contents = root.node;
  doc.range = [first.contentPos, root.node.range![2], text.length];
  return { doc, lineCounter: lineCounterFor(text), value: root.value };
}

/** Line starts as yaml's parser records them: offset 0, then after every line break. */
function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lineCounter.addNewLine(nl + 1);
  return lineCounter;
}
