import { sourceOffset } from '../../src/verify/mermaid-lines.js';

const lineAt = (source: string, offset: number): number => source.slice(0, offset).split('\n').length;

test('without comments, front matter or directives, lines map to themselves', () => {
  const source = 'flowchart LR\n  a --> b\n  c --> d\n';
  expect(lineAt(source, sourceOffset(source, 3))).toBe(3);
  expect(sourceOffset(source, 3, 3)).toBe(source.indexOf('c -->'));
});

test('comment lines, front matter and an init directive removed by Mermaid are counted back in', () => {
  const source = [
    '---', 'title: x', '---', // front matter: lines 1-3
    '%%{init: {"theme": "dark"}}%%', // directive: line 4 (Mermaid leaves its line break, then trims it)
    '%% a comment', // line 5
    'flowchart LR', // line 6, Mermaid's line 1
    '  a --> b', // line 7
    '    %% indented comment', // line 8
    '  broken ((( here', // line 9, Mermaid's line 3
  ].join('\n');
  expect(lineAt(source, sourceOffset(source, 1))).toBe(6);
  expect(lineAt(source, sourceOffset(source, 3))).toBe(9);
  expect(sourceOffset(source, 3, 3)).toBe(source.indexOf('broken'));
});

test('CR LF line ends do not shift lines', () => {
  const source = '%% c\r\nflowchart LR\r\n  a --> b\r\n  bad (((\r\n';
  expect(lineAt(source, sourceOffset(source, 3))).toBe(4);
});
