// The YAML 1.2 core schema's plain-scalar forms, as yaml 2.x's tags test them: which plain texts read as null, a
// boolean, an integer or a float rather than a string. The spec loader resolves them; the OpenAPI writer quotes
// strings that look like them.

export const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
export const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
export const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;
export const CORE_INT = /^[-+]?[0-9]+$/;
export const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const CORE_OCTAL = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const NON_STRING_FORMS = [CORE_NULL, CORE_TRUE, CORE_FALSE, CORE_OCTAL, CORE_INT, CORE_HEX, CORE_INF_NAN, CORE_EXPONENT, CORE_FLOAT];

/** Whether a plain scalar with this text would not be read back as a string. */
export function readsAsNonString(text: string): boolean {
  return NON_STRING_FORMS.some((form) => form.test(text));
}
