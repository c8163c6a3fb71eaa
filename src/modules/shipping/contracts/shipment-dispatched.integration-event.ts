import { IntegrationEvent, IntegrationEventContract } from '../../../platform/messaging/contracts';

/** Some units of one order line in a shipment: the order's line number, the variant, how many. */
export interface ShipmentLineSnapshot {
  readonly lineNo: number;
  readonly variantId: string;
  readonly quantity: number;
}

/**
 * How far the whole order's goods have gone, derived by shipping from all its shipments in units per
 * line (ADR 0106): `null` none has left, `partially_shipped`, `shipped` (all out), `delivered` (all
 * delivered). It only moves forward: apply it only if it ranks above the order's current status, so
 * events delivered twice or out of order are harmless.
 */
export type OrderFulfilmentSnapshot = 'partially_shipped' | 'shipped' | 'delivered' | null;

export const EXAMPLE_SHIPMENT_LINE: ShipmentLineSnapshot = {
  lineNo: 1,
  variantId: '0190a000-0000-7000-8000-000000000004',
  quantity: 2,
};

export interface ShipmentDispatchedPayload {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly customerId: string;
  /** The carrier's name as the warehouse gave it (`sandbox` for the built-in test carrier). */
  readonly carrier: string;
  readonly trackingNumber: string;
  /** The units that left in this parcel. */
  readonly lines: readonly ShipmentLineSnapshot[];
  /** The order's fulfilment after this dispatch (`partially_shipped` or `shipped`; see the type). */
  readonly orderFulfilment: OrderFulfilmentSnapshot;
  readonly dispatchedAt: string;
}

/** A parcel of an order left the warehouse with a carrier and a tracking number. */
@IntegrationEventContract(
  'shipping.ShipmentDispatched.v1',
  () =>
    new ShipmentDispatched({
      shipmentId: '0190a000-0000-7000-8000-000000000003',
      orderId: '0190a000-0000-7000-8000-000000000001',
      customerId: '0190a000-0000-7000-8000-000000000002',
      carrier: 'sandbox',
      trackingNumber: 'SBX0000000001',
      lines: [EXAMPLE_SHIPMENT_LINE],
      orderFulfilment: 'shipped',
      dispatchedAt: '2026-01-01T00:00:00.000Z',
    }),
  { key: (e) => e.payload.orderId },
)
export class ShipmentDispatched extends IntegrationEvent<ShipmentDispatchedPayload> {}
