import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { CheckoutCart } from '../../../cart';
import { GetVariantSnapshots } from '../../../catalog';

/**
 * The cart's snapshot must still be what the catalog sells: a product gone or repriced since the
 * customer looked is a 409 naming the lines, so they can review their cart before paying.
 */
export async function checkCurrentPrices(bus: MessageBus, cart: CheckoutCart): Promise<void> {
  const { items } = await bus.query(new GetVariantSnapshots(cart.lines.map((l) => l.variantId)));
  const current = new Map(items.map((s) => [s.variantId, s]));
  const unavailable = cart.lines.filter((l) => !current.get(l.variantId)?.purchasable).map((l) => l.variantId);
  if (unavailable.length > 0) {
    throw ProblemException.conflict('product-unavailable', 'Some products in the cart can no longer be bought.', {
      variantIds: unavailable,
    });
  }
  const repriced = cart.lines
    .filter((l) => {
      const price = current.get(l.variantId)!.price;
      return price.amount !== l.unitPrice.amount || price.currency !== l.unitPrice.currency;
    })
    .map((l) => ({ variantId: l.variantId, cartPrice: l.unitPrice, currentPrice: current.get(l.variantId)!.price }));
  if (repriced.length > 0) {
    throw ProblemException.conflict('price-changed', 'Prices changed since the cart was priced; review the cart.', {
      lines: repriced,
    });
  }
}
