import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { CancelOrderShipmentsResult } from '../../contracts';
import { cancelOrderShipments } from '../../domain/order-cancellation';
import { OUT_OF_WAREHOUSE } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';
import { OrderShipmentChanges } from './order-shipment-changes';

/**
 * Cancels all of an order's shipments or none (ADR 0106): refused once one has left the warehouse.
 * An order shipping has not heard of gets a tombstone, so a late `OrderConfirmed` ships nothing; the
 * tombstone is written before the order is locked, so a confirmation racing the cancellation is
 * either seen (and its shipment cancelled) or finds the tombstone.
 */
@Injectable()
export class OrderShipmentsCancellation {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly changes: OrderShipmentChanges,
  ) {}

  async cancel(
    tx: Transaction,
    orderId: string,
    customerId: string,
    reason: string,
  ): Promise<CancelOrderShipmentsResult> {
    const at = new Date();
    await this.shipments.ensureOrder(tx, orderId, customerId);
    const result = await this.changes.apply<CancelOrderShipmentsResult>(
      tx,
      orderId,
      (_order, shipments) => {
        const out = shipments.filter((s) => OUT_OF_WAREHOUSE.has(s.status));
        if (out.length > 0) {
          return {
            changed: [],
            result: { outcome: 'already_dispatched', dispatchedShipmentIds: out.map((s) => s.id) },
          };
        }
        if (shipments.length === 0)
          return { changed: [], result: { outcome: 'no_shipments', dispatchedShipmentIds: [] } };
        const cancelled = cancelOrderShipments(shipments, at).filter((s, i) => s.status !== shipments[i].status);
        return { changed: cancelled, result: { outcome: 'cancelled', dispatchedShipmentIds: [] } };
      },
      reason,
    );
    // A refusal leaves the order as it is: orders keeps it (stage 2) and its parcels go on.
    if (result?.outcome !== 'already_dispatched') await this.shipments.markOrderCancelled(tx, orderId, at);
    return result ?? { outcome: 'no_shipments', dispatchedShipmentIds: [] };
  }
}
