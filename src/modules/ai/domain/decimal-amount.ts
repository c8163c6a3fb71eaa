import { AiDomainError } from './ai-domain-error';

/**
 * Exact conversions between decimal strings (what admins type and the API shows) and the integer
 * units the AI module stores. No floating point anywhere: "0.075" is 75 000 micro-units, always.
 * - prices: micro-units of the currency per 1 000 000 tokens (`PRICE_SCALE` = 6 decimals);
 * - costs and budgets: nano-units of the currency (`COST_SCALE` = 9 decimals). See ADR 0105.
 */
export const PRICE_SCALE = 6;
export const COST_SCALE = 9;

const DECIMAL = /^(\d{1,16})(?:\.(\d+))?$/;

/**
 * Parses a non-negative decimal string into an integer of 10^-scale units.
 * @throws AiDomainError `invalid-amount` for anything but plain digits with an optional fraction
 *   (no sign, exponent or grouping), more decimals than `scale` (refused, never rounded), or a result
 *   beyond Number.MAX_SAFE_INTEGER.
 */
export function parseDecimalUnits(text: string, scale: number): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new AiDomainError('invalid-amount', `"${text}" is not a non-negative decimal number`);
  const fraction = match[2] ?? '';
  if (fraction.length > scale) {
    throw new AiDomainError('invalid-amount', `"${text}" has more than ${scale} decimals`);
  }
  const units = BigInt(match[1]) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) throw new AiDomainError('invalid-amount', `"${text}" is too large`);
  return Number(units);
}

/** Formats an integer of 10^-scale units as a decimal string with exactly `scale` decimals. */
export function formatUnits(units: number, scale: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not a safe integer`);
  const digits = Math.abs(units)
    .toString()
    .padStart(scale + 1, '0');
  const sign = units < 0 ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** "2.50" (currency per 1M tokens) → 2 500 000 micro-units per 1M tokens. */
export const parsePricePerMillion = (text: string): number => parseDecimalUnits(text, PRICE_SCALE);
/** "0.25" (currency) → 250 000 000 nano-units. */
export const parseCostNanos = (text: string): number => parseDecimalUnits(text, COST_SCALE);
/** 336 900 nano-units → "0.000336900". */
export const formatNanos = (nanos: number): string => formatUnits(nanos, COST_SCALE);
