import { ProblemException } from '../../../../platform/http';
import { MessageBus, Money } from '../../../../platform/messaging';
import { CheckoutCart } from '../../../cart';
import { GetShippingSetup, QuoteShippingMethod } from '../../../shipping';
import { OrderShippingMethod } from '../../domain/order';

/** The method an order travels by and the price it pays for it. */
export interface OrderShipping {
  readonly method: OrderShippingMethod;
  readonly price: Money;
}

/**
 * Shipping as the customer agreed, re-quoted before anything is held (ADR 0106): the cart's chosen
 * method is quoted again for the order's destination and lines with the price the customer accepted;
 * any other price (`shipping-price-changed`, with both prices) or a refusal (the method gone,
 * disabled, not serving the address's country, no price in the currency, too heavy) is a 409 named
 * after it, and nothing is placed. A cart with lines and no method is a 409 `shipping-method-required`,
 * unless the shop has no shipping method at all (none ever created, enabled or not): then it sells
 * without shipping (null). A shop whose methods are all disabled ships nothing, so it sells nothing
 * physical (the 409), rather than shipping for free.
 */
export async function checkShipping(
  bus: MessageBus,
  cart: CheckoutCart,
  country: string,
): Promise<OrderShipping | null> {
  const chosen = cart.shippingMethod;
  if (!chosen) {
    const setup = await bus.query(new GetShippingSetup());
    if (!(setup.methodsConfigured ?? setup.methodsEnabled)) return null;
    throw ProblemException.conflict(
      'shipping-method-required',
      'Choose how the order travels first: GET /shipping/options lists the methods, PUT /carts/:id/shipping-method chooses one.',
    );
  }
  const { quote, refusal } = await bus.query(
    new QuoteShippingMethod(
      chosen.methodId,
      country,
      cart.subtotal,
      cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      chosen.price,
    ),
  );
  if (refusal || !quote) {
    throw ProblemException.conflict(refusal?.code ?? 'shipping-method-unavailable', refusal?.detail ?? '', {
      methodId: chosen.methodId,
      country,
      acceptedPrice: chosen.price,
      ...(quote ? { currentPrice: quote.price } : {}),
    });
  }
  return { method: { id: quote.methodId, name: quote.name }, price: quote.price };
}
