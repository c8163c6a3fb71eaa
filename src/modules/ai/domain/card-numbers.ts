/**
 * Card-like numbers: 13 to 19 digits, written plain or in groups separated by one space or hyphen.
 *
 * Masked when:
 * - the digits pass the Luhn check (ISO/IEC 7812), plain or as a run of groups inside a longer one
 *   ("card 4111 1111 1111 1111 exp 12 30" — every contiguous window of groups of 3–6 digits is tried);
 * - OR they are grouped like a card (4-4-4-4, 4-6-5 or 4-6-4), even when Luhn fails: grouping shows
 *   someone wrote a card number, and a mistyped card number is still card data (PCI DSS).
 * NOT masked: a plain run of 13–19 digits that fails Luhn. Shop data is full of such runs (EAN-13
 * and GTIN-14 barcodes, millisecond timestamps, tracking numbers); Luhn rejects 90 % of random runs.
 * The 10 % that pass are masked too: a false positive hides a number from the log, which is cheap.
 */
export const CARD_MASK = '[CARD]';

const RUN = /(?<!\d)\d(?:[ -]?\d){12,}(?!\d)/g;
const CARD_GROUPINGS = ['4,4,4,4', '4,6,5', '4,6,4'];
const MAX_CARD_DIGITS = 19;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function maskCardNumbers(text: string): { text: string; count: number } {
  let count = 0;
  const masked = text.replace(RUN, (run) => {
    const result = maskRun(run);
    count += result.count;
    return result.text;
  });
  return { text: masked, count };
}

const digitCount = (groups: readonly string[]) => groups.reduce((n, g) => n + g.length, 0);
const luhnCard = (groups: readonly string[]) => luhnValid(groups.join(''));
const groupedLikeACard = (groups: readonly string[]) => CARD_GROUPINGS.includes(groups.map((g) => g.length).join(','));

/**
 * Masks the card windows of one run of digits and separators: Luhn-valid windows first (longest
 * first), then card-shaped groupings among the groups left. A window of several groups must be made
 * of groups of 3–6 digits (how cards are written), so lists of small numbers are not read as cards.
 */
function maskRun(run: string): { text: string; count: number } {
  const groups = run.split(/[ -]/);
  const seps = run.match(/[ -]/g) ?? [];
  const covered = new Array<boolean>(groups.length).fill(false);
  const windows = new Map<number, number>();
  for (const isCard of [luhnCard, groupedLikeACard]) {
    for (let size = Math.min(groups.length, MAX_CARD_DIGITS); size >= 1; size--) {
      for (let from = 0; from + size <= groups.length; from++) {
        const window = groups.slice(from, from + size);
        const digits = digitCount(window);
        if (digits < 13 || digits > MAX_CARD_DIGITS || covered.slice(from, from + size).some(Boolean)) continue;
        if ((size === 1 || window.every((g) => g.length >= 3 && g.length <= 6)) && isCard(window)) {
          windows.set(from, from + size);
          covered.fill(true, from, from + size);
        }
      }
    }
  }
  if (windows.size === 0) return { text: run, count: 0 };
  let text = '';
  for (let i = 0; i < groups.length; i++) {
    const end = windows.get(i);
    if (end === undefined) {
      text += groups[i] + (seps[i] ?? '');
    } else {
      text += CARD_MASK + (seps[end - 1] ?? '');
      i = end - 1;
    }
  }
  return { text, count: windows.size };
}
