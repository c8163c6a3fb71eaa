import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface CartItemAddedPayload {
  readonly cartId: string;
  readonly customerId: string | null;
  readonly variantId: string;
  readonly productId: string;
  readonly quantity: number;
}

/** A variant was added to a cart (a weak interest signal). */
@IntegrationEventContract(
  'cart.CartItemAdded.v1',
  () =>
    new CartItemAdded({
      cartId: '0190a000-0000-7000-8000-000000000001',
      customerId: null,
      variantId: '0190a000-0000-7000-8000-000000000002',
      productId: '0190a000-0000-7000-8000-000000000003',
      quantity: 1,
    }),
  { key: (e) => e.payload.cartId },
)
export class CartItemAdded extends IntegrationEvent<CartItemAddedPayload> {}
