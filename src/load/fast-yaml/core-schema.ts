// YAML 1.2 core-schema resolution of plain scalars, exactly as yaml 2.x resolves them, for the forms the fast path
// supports: null, booleans, decimal integers and decimal floats. Other core forms (0x, 0o, +1, 1e3, .inf, .nan) are
// declined rather than re-implemented.
import { decline } from './decline.js';

const NULL_FORMS = /^(?:~|[Nn]ull|NULL)$/;
const TRUE_FORMS = /^(?:[Tt]rue|TRUE)$/;
const FALSE_FORMS = /^(?:[Ff]alse|FALSE)$/;
const DECIMAL_INT = /^-?[0-9]+$/;
const DECIMAL_FLOAT = /^-?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** The rest of the core schema's tests (yaml's intOct, intHex, signed int/float, floatNaN, floatExp). */
const OTHER_CORE_FORMS =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|\+[0-9]+|\+(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;

/** A plain scalar's value. Only sources starting with `~ n N t T f F + - .` or a digit can be anything but a string. */
export function resolvePlainScalar(source: string): string | number | boolean | null {
  const first = source.charCodeAt(0);
  const maybeCore = (first >= 0x30 && first <= 0x39) || first === 0x2d || first === 0x2b || first === 0x2e ||
    first === 0x7e || first === 0x6e || first === 0x4e || first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46;
  if (!maybeCore) return source;
  if (NULL_FORMS.test(source)) return null;
  if (TRUE_FORMS.test(source)) return true;
  if (FALSE_FORMS.test(source)) return false;
  if (DECIMAL_INT.test(source)) return parseInt(source, 10);
  if (DECIMAL_FLOAT.test(source)) return parseFloat(source);
  if (OTHER_CORE_FORMS.test(source)) decline(`core-schema form not supported: ${source}`);
  return source;
}

/** yaml keeps trailing zeros of a float (`1.50`) as `minFractionDigits` on its Scalar node. */
export function minFractionDigits(source: string): number | undefined {
  const dot = source.indexOf('.');
  return dot !== -1 && source.endsWith('0') ? source.length - dot - 1 : undefined;
}
