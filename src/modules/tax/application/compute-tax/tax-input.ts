import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import { FieldError, ProblemException } from '../../../../platform/http';
import { isCurrency, MAX_MINOR_UNITS, Money } from '../../../../platform/money';
import { ComputeTax } from '../../contracts';
import { TaxableLine } from '../../domain/line-tax';

/** Lines one ComputeTax may carry (a cart's limit is far below). */
export const MAX_TAXED_LINES = 500;

export interface CheckedTaxInput {
  readonly country: string | null;
  readonly currency: string;
  readonly lines: readonly TaxableLine[];
  /** Minor units; 0 when nothing ships. */
  readonly shipping: number;
}

/**
 * The query's input checked field by field (it may have crossed a network as JSON): a malformed
 * country, currency, amount or line is a 400 validation problem naming it, never a 500.
 */
export function checkedTaxInput(query: ComputeTax): CheckedTaxInput {
  const errors: FieldError[] = [];
  const country: unknown = query.country;
  if (country !== null && !(typeof country === 'string' && /^[A-Z]{2}$/.test(country) && isISO31661Alpha2(country))) {
    errors.push(new FieldError('country', 'must be an upper-case ISO 3166-1 alpha-2 code or null'));
  }
  if (!isCurrency(query.currency)) errors.push(new FieldError('currency', 'must be an ISO 4217 code'));
  const amountOf = (money: unknown, field: string): number => {
    const m = money as Partial<Money> | null;
    if (
      typeof m !== 'object' ||
      m === null ||
      !Number.isSafeInteger(m.amount) ||
      m.amount! < 0 ||
      m.amount! > MAX_MINOR_UNITS ||
      m.currency !== query.currency
    ) {
      errors.push(new FieldError(field, `must be a non-negative integer of minor units in ${String(query.currency)}`));
      return 0;
    }
    return m.amount!;
  };
  const rawLines: unknown = query.lines;
  if (!Array.isArray(rawLines) || rawLines.length > MAX_TAXED_LINES) {
    errors.push(new FieldError('lines', `must be a list of at most ${MAX_TAXED_LINES} lines`));
  }
  const lines = (Array.isArray(rawLines) ? (rawLines as unknown[]) : []).map((raw, i): TaxableLine => {
    const line = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<TaxableLine> & { amount?: unknown };
    if (typeof line.lineId !== 'string' || line.lineId.length === 0 || line.lineId.length > 100) {
      errors.push(new FieldError(`lines[${i}].lineId`, 'must be a string of 1–100 characters'));
    }
    if (line.taxCategory !== null && (typeof line.taxCategory !== 'string' || line.taxCategory.length > 32)) {
      errors.push(new FieldError(`lines[${i}].taxCategory`, 'must be a category name or null'));
    }
    return {
      lineId: String(line.lineId),
      taxCategory: line.taxCategory ?? null,
      amount: amountOf(line.amount, `lines[${i}].amount`),
    };
  });
  const shipping = query.shipping === null || query.shipping === undefined ? 0 : amountOf(query.shipping, 'shipping');
  if (errors.length > 0) throw ProblemException.validation(errors, 'ComputeTax got a malformed cart.');
  return { country: query.country, currency: query.currency, lines, shipping };
}
