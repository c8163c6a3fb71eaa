import { ProblemException } from '../../../../platform/http';
import { MessageBus } from '../../../../platform/messaging';
import { GetVariantSnapshots } from '../../../catalog';
import { OrderLine } from '../../domain/order';

/**
 * Every line must still be sold at the price its customer accepted: a product gone is a 409
 * `product-unavailable`, a price that differs (up or down) a 409 `price-changed` naming the lines
 * with both prices, so the customer can review the cart and accept (`POST /carts/:id/accept-prices`).
 * Catalog checks the same again when it reserves, so a change after this check is refused too.
 * Answers each line's catalog category ids (promotions' scope at redemption; empty from an older catalog).
 */
export async function checkCurrentPrices(
  bus: MessageBus,
  lines: readonly OrderLine[],
): Promise<ReadonlyMap<string, readonly string[]>> {
  const { items } = await bus.query(new GetVariantSnapshots(lines.map((l) => l.variantId)));
  const current = new Map(items.map((s) => [s.variantId, s]));
  const unavailable = lines.filter((l) => !current.get(l.variantId)?.purchasable).map((l) => l.variantId);
  if (unavailable.length > 0) {
    throw ProblemException.conflict('product-unavailable', 'Some products in the cart can no longer be bought.', {
      variantIds: unavailable,
    });
  }
  const repriced = lines
    .map((l) => ({ variantId: l.variantId, acceptedPrice: l.unitPrice, currentPrice: current.get(l.variantId)!.price }))
    .filter(
      (l) => l.currentPrice.amount !== l.acceptedPrice.amount || l.currentPrice.currency !== l.acceptedPrice.currency,
    );
  if (repriced.length > 0) {
    throw ProblemException.conflict(
      'price-changed',
      'Prices changed since the customer accepted them; review the cart and accept the current prices.',
      { lines: repriced },
    );
  }
  return new Map(items.map((s) => [s.variantId, s.categoryIds ?? []]));
}
