/**
 * Phone numbers in three shapes, each checked by its digit count after the regex:
 * - international: `+` or `00`, then 8–15 digits (E.164 allows 15) with single spaces, dots or
 *   hyphens between them and optional parentheses: `+44 20 7946 0958`, `+1 (555) 123-4567`,
 *   `+44 (0)20 7946 0958`, `0049 30 1234567`, `+4915123456789`;
 * - North American: `(555) 123-4567`, `555-123-4567`, `555.123.4567`, `555 123 4567`;
 * - national with a trunk 0 (UK, France, Germany, Italy, the Netherlands…): 9–12 digits starting
 *   with 0, with at most ONE kind of separator: `020 7946 0958`, `07700 900123`, `06 12 34 56 78`,
 *   `030 1234567`, `0151-23456789`. The one-separator rule keeps dates with times
 *   (`01-02-2026 10:30`) out; dates alone have too few digits.
 * Not covered: national numbers without a trunk 0 (Spain's `612 345 678`), which cannot be told
 * from numbers with space thousands separators (`612 345 678 €`).
 */
export const PHONE_MASK = '[PHONE]';

const INTERNATIONAL = /(?<![\p{L}\p{N}_+])(?:\+|00)[1-9](?:[ .-]?(?:\(\d{1,4}\)|\d)){6,20}/gu;
const NORTH_AMERICAN = /(?<![\p{L}\p{N}_])(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\p{L}\p{N}_])/gu;
const NATIONAL = /(?<![\p{L}\p{N}_.,/-])0\d(?:[ .-]?\d){7,10}(?![\p{L}\p{N}_])/gu;

export function maskPhoneNumbers(text: string): { text: string; count: number } {
  let count = 0;
  const mask = (match: string, accept: (digits: number) => boolean) => {
    if (!accept(match.replace(/^(?:\+|00)/, '').replace(/\D/g, '').length)) return match;
    count++;
    return PHONE_MASK;
  };
  const masked = text
    .replace(INTERNATIONAL, (m) => mask(m, (digits) => digits >= 8 && digits <= 15))
    .replace(NORTH_AMERICAN, (m) => mask(m, () => true))
    .replace(NATIONAL, (m) => mask(m, () => new Set(m.match(/[ .-]/g) ?? []).size <= 1));
  return { text: masked, count };
}
