import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

export interface CartCheckedOutPayload {
  readonly cartId: string;
  readonly customerId: string;
  readonly orderId: string;
}

/** A cart became an order and was emptied. */
@IntegrationEventContract(
  'cart.CartCheckedOut.v1',
  () =>
    new CartCheckedOut({
      cartId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      orderId: '0190a000-0000-7000-8000-000000000003',
    }),
  { key: (e) => e.payload.orderId },
)
export class CartCheckedOut extends IntegrationEvent<CartCheckedOutPayload> {}
