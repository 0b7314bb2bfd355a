// Lookups derived from a value that is never modified once built (a normalized spec, a model, one of their lists)
// are computed on first use and kept as long as that object lives: passes and emitters ask them per entity or per
// flow, which on large specs would otherwise rebuild them thousands of times.

/** `derive`, remembered per key object (a WeakMap: the answer goes when the object does). */
export function oncePerObject<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as V;
    const answer = derive(key);
    answers.set(key, answer);
    return answer;
  };
}
