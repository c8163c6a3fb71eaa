import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { ShipmentCancelled, ShipmentDelivered, ShipmentDispatched } from '../../contracts';
import { orderFulfilment } from '../../domain/fulfilment-status';
import { FulfilmentOrder } from '../../domain/fulfilment-order';
import { Shipment } from '../../domain/shipment';
import { ShipmentRepository } from '../../infrastructure/shipment.repository';

/** What a change of an order's shipments returns: the shipments it changed or created, and anything else. */
export interface ShipmentsChanged<T> {
  readonly changed: readonly Shipment[];
  readonly result: T;
}

/**
 * The one way an order's shipments change: lock the order, then its shipments; apply the change;
 * save what changed; derive the order's fulfilment over all of them (ADR 0106) and publish, through
 * the outbox, `ShipmentDispatched`, `ShipmentDelivered` or `ShipmentCancelled` for each shipment whose
 * status became that — so each is published once, however often a change is repeated.
 */
@Injectable()
export class OrderShipmentChanges {
  constructor(private readonly shipments: ShipmentRepository) {}

  /** Undefined when shipping does not know the order. */
  async apply<T>(
    tx: Transaction,
    orderId: string,
    change: (
      order: FulfilmentOrder,
      shipments: readonly Shipment[],
    ) => ShipmentsChanged<T> | Promise<ShipmentsChanged<T>>,
    reason = 'order_cancelled',
  ): Promise<T | undefined> {
    const order = await this.shipments.lockOrder(tx, orderId);
    if (!order) return undefined;
    const before = await this.shipments.ofOrder(orderId, tx);
    const { changed, result } = await change(order, before);
    if (changed.length === 0) return result;
    await this.shipments.save(tx, ...changed);
    const byId = new Map(before.map((s) => [s.id, s]));
    for (const s of changed) byId.set(s.id, s);
    const fulfilment = orderFulfilment(order.lines, [...byId.values()]);
    await this.shipments.setFulfilment(tx, orderId, fulfilment);
    for (const after of changed) {
      const was = before.find((s) => s.id === after.id)?.status;
      if (was === after.status) continue;
      const lines = after.lines.map(({ lineNo, variantId, quantity }) => ({ lineNo, variantId, quantity }));
      const common = { shipmentId: after.id, orderId, customerId: order.customerId, lines };
      if (after.status === 'dispatched') {
        tx.publish(
          new ShipmentDispatched({
            ...common,
            carrier: after.carrier!,
            trackingNumber: after.trackingNumber!,
            orderFulfilment: fulfilment,
            dispatchedAt: after.dispatchedAt!.toISOString(),
          }),
        );
      } else if (after.status === 'delivered') {
        tx.publish(
          new ShipmentDelivered({
            ...common,
            carrier: after.carrier,
            trackingNumber: after.trackingNumber,
            orderFulfilment: fulfilment,
            deliveredAt: after.deliveredAt!.toISOString(),
          }),
        );
      } else if (after.status === 'cancelled') {
        tx.publish(new ShipmentCancelled({ ...common, reason, cancelledAt: after.cancelledAt!.toISOString() }));
      }
    }
    return result;
  }
}
