import { FieldError, ProblemException } from '../../../platform/http';
import type { PromotionRefusalView } from '../../promotions';
import { CartErrorCode, CartRuleViolation } from '../domain/cart-errors';

const STATUS: Record<CartErrorCode, number> = {
  'invalid-quantity': 400,
  'quantity-limit': 400,
  'too-many-lines': 400,
  'insufficient-stock': 409,
  'not-purchasable': 409,
  'currency-mismatch': 409,
  'line-not-found': 404,
  'cart-empty': 409,
  'promotion-codes-limit': 409,
  'promotion-code-not-found': 404,
};

/** The problem+json answer to a broken cart rule. */
export function cartProblem(violation: CartRuleViolation): ProblemException {
  if (violation.code === 'invalid-quantity') {
    return ProblemException.validation([new FieldError('quantity', violation.message)]);
  }
  if (violation.code === 'line-not-found') return ProblemException.notFound('Cart item');
  if (violation.code === 'promotion-code-not-found') return ProblemException.notFound('Promotion code on this cart');
  return new ProblemException({
    status: STATUS[violation.code],
    type: violation.code,
    detail: violation.message,
    extensions: violation.details,
  });
}

export const cartNotFound = (): ProblemException => ProblemException.notFound('Cart');

/**
 * Promotions refused a code being applied: a 409 whose type is the refusal's (`promotion-unknown`,
 * `promotion-expired`, `promotion-exhausted`, `promotion-ineligible`, `promotion-not-combinable`…),
 * with the refusal's facts (code, promotionId, limit, condition…) as extensions.
 */
export function promotionRefused(refusal: PromotionRefusalView): ProblemException {
  const { type, detail, ...facts } = refusal;
  return ProblemException.conflict(type, detail, facts);
}
