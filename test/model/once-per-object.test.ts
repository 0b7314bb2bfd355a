// oncePerObject derives once per key object, and remembers answers that are falsy too.
import { oncePerObject } from '../../src/model/once-per-object.js';

test('derives once per object, separately for each object', () => {
  const calls: object[] = [];
  const sizeOf = oncePerObject((list: readonly number[]) => { calls.push(list); return list.length; });
  const a = [1, 2];
  const b = [3];
  expect([sizeOf(a), sizeOf(b), sizeOf(a), sizeOf(b)]).toEqual([2, 1, 2, 1]);
  expect(calls).toEqual([a, b]);
});

test('an undefined or zero answer is remembered, not derived again', () => {
  let calls = 0;
  const nothing = oncePerObject((_key: object) => { calls++; return undefined; });
  const key = {};
  nothing(key);
  nothing(key);
  expect(calls).toBe(1);
});
