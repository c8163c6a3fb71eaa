import { isCurrency, isRatePpm } from '../../../platform/money';
import { normalizePromotionCode, Promotion } from './promotion';

/** One broken rule of a promotion definition, for the `errors` list of a 400 validation problem. */
export interface DefinitionError {
  readonly field: string;
  readonly message: string;
}

function perCurrencyErrors(field: string, amounts: Readonly<Record<string, number>>): DefinitionError[] {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return [{ field, message: 'must name an amount for at least one currency' }];
  return entries.flatMap(([currency, amount]) => [
    ...(isCurrency(currency) ? [] : [{ field: `${field}.${currency}`, message: 'is not an ISO 4217 currency' }]),
    ...(Number.isSafeInteger(amount) && amount > 0
      ? []
      : [{ field: `${field}.${currency}`, message: 'must be a positive integer of minor units' }]),
  ]);
}

const positiveOrNull = (value: number | null) => value === null || (Number.isSafeInteger(value) && value > 0);

/**
 * The rules a promotion must meet to be saved (admin CRUD answers 400 with these as field errors; the
 * DTO has already checked types). Empty when the definition is valid.
 */
export function promotionDefinitionErrors(promotion: Promotion): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const { benefit, conditions, limits } = promotion;
  if (promotion.code !== null && normalizePromotionCode(promotion.code) !== promotion.code) {
    errors.push({ field: 'code', message: 'must be 3–32 upper-case letters, digits, "_" or "-"' });
  }
  if (benefit.type === 'percentage' && !(isRatePpm(benefit.ratePpm) && benefit.ratePpm > 0)) {
    errors.push({ field: 'benefit.ratePpm', message: 'must be an integer from 1 to 1000000 (100 %)' });
  }
  if (benefit.type === 'fixed-amount') errors.push(...perCurrencyErrors('benefit.amounts', benefit.amounts));
  if (conditions.minimumSubtotal) {
    errors.push(...perCurrencyErrors('conditions.minimumSubtotal', conditions.minimumSubtotal));
  }
  if (conditions.scope && conditions.scope.productIds.length + conditions.scope.categoryIds.length === 0) {
    errors.push({ field: 'conditions.scope', message: 'must name a product or a category (or be null for all)' });
  }
  if (promotion.startsAt && promotion.endsAt && promotion.startsAt >= promotion.endsAt) {
    errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  }
  if (!positiveOrNull(limits.totalRedemptions)) {
    errors.push({ field: 'limits.totalRedemptions', message: 'must be a positive integer or null' });
  }
  if (!positiveOrNull(limits.perCustomer)) {
    errors.push({ field: 'limits.perCustomer', message: 'must be a positive integer or null' });
  }
  return errors;
}
