import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';
import {
  EXAMPLE_SHIPMENT_LINE,
  OrderFulfilmentSnapshot,
  ShipmentLineSnapshot,
} from './shipment-dispatched.integration-event';

export interface ShipmentDeliveredPayload {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly lines: readonly ShipmentLineSnapshot[];
  /** The order's fulfilment after this delivery (`delivered` once every unit is; see the type). */
  readonly orderFulfilment: OrderFulfilmentSnapshot;
  /** The earliest time the parcel is known to have been delivered (the carrier's clock or an admin's record). */
  readonly deliveredAt: string;
}

/** A parcel of an order was delivered (recorded by an admin or reported by the carrier); published once per shipment. */
@IntegrationEventContract(
  'shipping.ShipmentDelivered.v1',
  () =>
    new ShipmentDelivered({
      shipmentId: '0190a000-0000-7000-8000-000000000003',
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      carrier: 'sandbox',
      trackingNumber: 'SBX0000000001',
      lines: [EXAMPLE_SHIPMENT_LINE],
      orderFulfilment: 'delivered',
      deliveredAt: '2026-01-03T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class ShipmentDelivered extends IntegrationEvent<ShipmentDeliveredPayload> {}
