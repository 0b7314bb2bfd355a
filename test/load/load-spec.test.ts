// Loader: every malformed input becomes a located diagnostic; positions are 1-based, columns in code points.
import { loadSpec } from '../../src/load/load-spec.js';
import { compileBytes } from '../../src/compile.js';
import { locateDiagnostic } from '../../src/diagnostics/format.js';

const minimal = 'archc: 1\nsystem: { name: demo, summary: "A demo." }\nmodules:\n  - name: core\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function located(text: string | Uint8Array) {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  const result = compileBytes('system.yaml', bytes, { decide: false });
  return result.diagnostics.map((d) => {
    const at = locateDiagnostic(d, result.sources);
    return `${at.line}:${at.column} ${d.code}`;
  });
}

/** Marks a position with ┆ in a snippet and returns the snippet without it plus the marked line:column. */
function marked(snippet: string): { text: string; at: string } {
  const index = snippet.indexOf('┆');
  const before = snippet.slice(0, index);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { text: snippet.replace('┆', ''), at: `${line}:${column}` };
}

test('a minimal spec loads without diagnostics', () => {
  expect(located(minimal)).toEqual([]);
});

test('a UTF-8 BOM is accepted and positions ignore it', () => {
  const { text, at } = marked('\uFEFFarchc: 1\nsystem: { name: demo, summary: "A demo." }\nmodules:\n  - name: core\n    ┆colour: red\n');
  expect(located(text)).toEqual([`${at} ARC0201`]);
});

test('columns count code points, not UTF-16 units or bytes', () => {
  const { text, at } = marked('archc: 1\nsystem: { name: demo, summary: "😀😀 é", ┆bogus: 1 }\nmodules:\n  - name: core\n');
  expect(located(text)).toEqual([`${at} ARC0201`]);
});

test('CRLF line endings locate like LF', () => {
  const { text, at } = marked('archc: 1\r\nsystem: { name: demo, summary: "A demo." }\r\nmodules:\r\n  - name: core\r\n    ┆colour: red\r\n');
  expect(located(text)).toEqual([`${at} ARC0201`]);
});

test('invalid UTF-8 is located at the bad byte', () => {
  const bytes = new Uint8Array([...utf8('archc: 1\nsystem: { name: demo, summary: "caf'), 0xe9, ...utf8('" }\n')]);
  // `system: { name: demo, summary: "caf` is 35 characters, so the bad byte is column 36.
  expect(located(bytes)).toEqual(['2:36 ARC0108']);
});

test('nesting deeper than 64 levels is refused before building values', () => {
  const deep = `archc: 1\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`;
  // Depth 1 is the top mapping, so the 64th bracket (column 67) opens the 65th level.
  expect(located(deep)).toEqual(['2:67 ARC0106']);
});

test('an alias bomb stops at the expansion cap', () => {
  let bomb = 'archc: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 8; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    bomb += `${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]\n`;
  }
  expect(located(bomb)).toEqual(['3:8 ARC0104']);
});

test('custom and non-core tags never construct values', () => {
  expect(located('archc: 1\nsystem: !!binary aGVsbG8=\n')).toEqual(['2:9 ARC0111']);
  expect(located('archc: 1\nsystem: !js/function "x"\n')).toEqual(['2:9 ARC0111']);
});

test('prototype-altering keys are refused at the key', () => {
  expect(located('archc: 1\n__proto__: { polluted: true }\n')).toEqual(['2:1 ARC0107']);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

test('empty and comment-only files are located at 1:1', () => {
  expect(located('')).toEqual(['1:1 ARC0109']);
  expect(located('# nothing here\n')).toEqual(['1:1 ARC0109']);
});

test('a file with two documents is refused', () => {
  expect(located(`${minimal}---\narchc: 1\n`)).toEqual(['6:1 ARC0112']);
});

test('loadSpec keeps the document for later location lookups', () => {
  const result = loadSpec('system.yaml', utf8(minimal));
  expect(result.loaded?.locator.position('modules.core.name')).toEqual({ line: 4, column: 11 });
  expect(result.loaded?.locator.position('system.summary')).toEqual({ line: 2, column: 32 });
});

test('a duplicate key is named in full, not by its first character', () => {
  const result = compileBytes('system.yaml', utf8('archc: 1\nsystem:\n  name: a\n  summary: x\n  summary: y\nmodules: [{ name: core }]\n'), { decide: false });
  expect(result.diagnostics.map((d) => d.message)).toEqual(['duplicate key "summary": each key may appear once in a mapping']);
});

test('an unknown key inside a field suggests the field key it resembles', () => {
  const spec = `${minimal}entities:\n  - name: X\n    module: core\n    fields:\n      - { name: id, type: uuid, key: true, uniq: true }\n`;
  const result = compileBytes('system.yaml', utf8(spec), { decide: false });
  expect(result.diagnostics.map((d) => d.message)).toEqual(['unknown key "uniq" in entities.X.fields.id; did you mean "unique"?']);
});
