import { DomainError } from '../../../platform/errors';

/** Why shipping refused something. The HTTP layer maps each code to a problem type and status. */
export type ShippingErrorCode =
  /** A definition (zone, method, price rule) is invalid; `details.errors` lists the fields (→ 400). */
  | 'invalid-definition'
  /** The quote's cart context is malformed (a programming error upstream, not the customer's). */
  | 'invalid-cart-context'
  /** The chosen method does not exist or is disabled (→ 409). */
  | 'shipping-method-unavailable'
  /** The chosen method's zone does not contain the destination country (→ 409). */
  | 'shipping-method-not-serving-destination'
  /** The chosen method has no price rule in the cart's currency (→ 409). */
  | 'shipping-method-currency-unsupported'
  /** The cart is heavier than the chosen method's last bounded weight band (→ 409). */
  | 'shipping-method-weight-exceeded'
  /** Re-quoted at checkout, the method's price is not the one the customer accepted (→ 409). */
  | 'shipping-price-changed'
  /** A shipment cannot move from its status to the requested one (→ 409). */
  | 'illegal-shipment-transition'
  /** A shipment, split, dispatch or tracking event is malformed; `details.errors` lists the fields (→ 400). */
  | 'invalid-shipment-change'
  /** Only a pending shipment can be split (→ 409). */
  | 'shipment-not-splittable'
  /** An order cannot be cancelled because a shipment of it already left the warehouse (→ 409). */
  | 'order-already-dispatched';

/**
 * A shipping rule refused a change or a quote; nothing was changed. `details` carries the facts
 * (ids, statuses, field errors) for the problem's extensions. Always the caller's fault, never a 5xx.
 */
export class ShippingDomainError extends DomainError<ShippingErrorCode> {
  override name = 'ShippingDomainError';
}

/** One rejected field of a definition: its path (e.g. `rates[1].bands[0].upToGrams`) and what is wrong. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Throws `invalid-definition` with the field errors when there are any. */
export function assertNoFieldErrors(what: string, errors: readonly FieldError[]): void {
  if (errors.length > 0) {
    throw new ShippingDomainError('invalid-definition', `The ${what} is invalid.`, { errors });
  }
}
