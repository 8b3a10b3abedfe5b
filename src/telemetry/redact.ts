/**
 * Redaction of personal data in texts kept for staff (DESIGN.md decision 7): e-mail
 * addresses, phone numbers, long digit runs (ids, card and case numbers), IBANs and URLs.
 */

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  [/\bhttps?:\/\/\S+/gi, '[url]'],
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g, '[iban]'],
  // Phone numbers: an optional +, then digits with spaces, dots, dashes or brackets.
  [/(?:\+|00)?\d[\d\s().-]{6,}\d/g, '[number]'],
  // Ids with letters and digits mixed, such as passport or case numbers (X1234567A).
  [/\b(?=[\p{L}\d]*\d)(?=[\p{L}\d]*\p{L})[\p{L}\d]{6,}\b/gu, '[id]'],
];

/** Replaces personal data in `text` with placeholders. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, placeholder] of PATTERNS) out = out.replace(pattern, placeholder);
  return out;
}
