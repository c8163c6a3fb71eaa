import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';
import { EXAMPLE_SHIPMENT_LINE, ShipmentLineSnapshot } from './shipment-dispatched.integration-event';

export interface ShipmentCancelledPayload {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly customerId: string;
  /** The units that will not be shipped. */
  readonly lines: readonly ShipmentLineSnapshot[];
  /** Why the order was cancelled, as orders said (e.g. `cancelled_by_customer`). */
  readonly reason: string;
  readonly cancelledAt: string;
}

/** A shipment that had not left the warehouse was cancelled with its order. */
@IntegrationEventContract(
  'shipping.ShipmentCancelled.v1',
  () =>
    new ShipmentCancelled({
      shipmentId: '0190a000-0000-7000-8000-000000000003',
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      lines: [EXAMPLE_SHIPMENT_LINE],
      reason: 'cancelled_by_customer',
      cancelledAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class ShipmentCancelled extends IntegrationEvent<ShipmentCancelledPayload> {}
