import { parseDocument } from 'yaml';
import { locatePointer, pointerSegments } from '../../src/verify/yaml-pointer.js';

const text = ['openapi: 3.1.0', 'paths:', '  /v1/users/{id}:', '    get:', '      tags:', '        - users', '      responses: {}', ''].join('\n');
const doc = parseDocument(text);
const at = (pointer: string, onKey: boolean): string | null => {
  const span = locatePointer(doc, pointer, onKey);
  return span === null ? null : text.slice(span.start, span.end).split('\n')[0]!;
};

test('unescapes ~1, ~0 and percent-encoding', () => {
  expect(pointerSegments('#/paths/~1v1~1users~1%7Bid%7D/get')).toEqual(['paths', '/v1/users/{id}', 'get']);
  expect(pointerSegments('#/a~0b')).toEqual(['a~b']);
  expect(pointerSegments('#/')).toEqual([]);
});

test('points at the key or the value the pointer names, and into sequences by index', () => {
  expect(at('#/paths/~1v1~1users~1{id}/get', true)).toBe('get');
  expect(at('#/paths/~1v1~1users~1{id}/get/tags/0', false)).toBe('users');
  expect(at('#/openapi', false)).toBe('3.1.0');
});

test('a pointer to an absent field lands on the key of the deepest node that exists', () => {
  expect(at('#/paths/~1v1~1users~1{id}/get/operationId', true)).toBe('get');
  expect(at('#/components/schemas/User', false)).toBe('openapi: 3.1.0');
});
