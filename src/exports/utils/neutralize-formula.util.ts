const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Text that a spreadsheet would run as a formula (starting with = + - @ tab or CR) is prefixed with
 * an apostrophe, as OWASP recommends for CSV. Apply to text cells only, never to numbers.
 */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}
