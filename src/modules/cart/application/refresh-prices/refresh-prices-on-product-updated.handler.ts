import { IntegrationEventHandler, OnIntegrationEvent, Transaction } from '../../../../platform/messaging';
import { ProductUpdated } from '../../../catalog';
import { CartRepository } from '../../infrastructure/cart.repository';

/**
 * Catalog announced a product change: open carts holding its variants take the new prices at
 * once (lines keep the price the customer accepted, so a change shows as `priceChanged`), and the
 * product's category ids and tax category (what promotions and tax price the line by).
 */
@OnIntegrationEvent(ProductUpdated, { module: 'cart', name: 'cart.RefreshPricesOnProductUpdated' })
export class RefreshPricesOnProductUpdatedHandler implements IntegrationEventHandler<ProductUpdated> {
  constructor(private readonly carts: CartRepository) {}

  /** Re-prices the open carts' lines of the product's variants, in the inbox's transaction. */
  async handle(event: ProductUpdated, tx: Transaction): Promise<void> {
    const prices = event.payload.variants.map((v) => ({ variantId: v.variantId, price: v.price }));
    if (prices.length > 0) await this.carts.applyPrices(tx, prices, new Date());
    const { productId, categoryIds, taxCategory } = event.payload;
    if (categoryIds !== undefined && taxCategory !== undefined) {
      await this.carts.applyProductFacts(tx, productId, { categoryIds, taxCategory });
    }
  }
}
