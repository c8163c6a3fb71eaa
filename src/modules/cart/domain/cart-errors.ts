import { DomainError } from '../../../platform/errors';

/** Why a cart refused a change. The HTTP layer maps each code to a problem type and status. */
export type CartErrorCode =
  | 'invalid-quantity'
  | 'quantity-limit'
  | 'too-many-lines'
  | 'insufficient-stock'
  | 'not-purchasable'
  | 'currency-mismatch'
  | 'line-not-found'
  | 'cart-empty'
  | 'promotion-codes-limit'
  | 'promotion-code-not-found';

/** A business rule of the cart was broken; nothing was changed. */
export class CartRuleViolation extends DomainError<CartErrorCode> {
  override name = 'CartRuleViolation';
}
