// YAML 1.2 core-schema resolution of plain scalars, exactly as yaml 2.x resolves them, for the forms the fast path
// supports: null, booleans, decimal integers and decimal floats. Other core forms (0x, 0o, +1, 1e3, .inf, .nan) are
// declined rather than re-implemented.
import { CORE_FALSE, CORE_FLOAT, CORE_INT, CORE_NULL, CORE_TRUE, readsAsNonString } from '../../yaml/core-schema.js';
import { decline } from './decline.js';

/** A plain scalar's value. Only sources starting with `~ n N t T f F + - .` or a digit can be anything but a string. */
export function resolvePlainScalar(source: string): string | number | boolean | null {
  const first = source.charCodeAt(0);
  const maybeCore = (first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e ||
    first === 0x7e || first === 0x6e || first === 0x4e || first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46;
  if (!maybeCore) return source; // also the empty text, which CORE_NULL would match
  if (CORE_NULL.test(source)) return null;
  if (CORE_TRUE.test(source)) return true;
  if (CORE_FALSE.test(source)) return false;
  const unsigned = source.charCodeAt(0) !== 0x2b; // `+1` and `+.5` are left to the library
  if (unsigned && CORE_INT.test(source)) return parseInt(source, 10);
  if (unsigned && CORE_FLOAT.test(source)) return parseFloat(source);
  if (readsAsNonString(source)) decline(`core-schema form not supported: ${source}`);
  return source;
}

/** yaml keeps trailing zeros of a float (`1.50`) as `minFractionDigits` on its Scalar node. */
export function minFractionDigits(source: string): number | undefined {
  const dot = source.indexOf('.');
  return dot !== -1 && source.endsWith('0') ? source.length - dot - 1 : undefined;
}
