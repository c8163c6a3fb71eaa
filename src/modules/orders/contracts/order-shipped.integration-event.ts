import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** What `orders.OrderShipped.v1` carries: the carrier and tracking number, and when. */
export interface OrderShippedPayload {
  readonly orderId: string;
  readonly customerId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: string;
}

/**
 * An order left the warehouse. **No longer published** since issue 18 (ADR 0113): shipping's
 * `ShipmentDispatched` says so per parcel. The contract stays so that events already in outboxes and
 * streams are still understood (notifications still mails them).
 */
@IntegrationEventContract(
  'orders.OrderShipped.v1',
  () =>
    new OrderShipped({
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      carrier: 'DHL',
      trackingNumber: 'JD0001',
      shippedAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class OrderShipped extends IntegrationEvent<OrderShippedPayload> {}
