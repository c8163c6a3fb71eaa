import { Injectable } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { advanceFulfilment, OrderFulfilment } from '../../domain/order';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';

/** What a shipment event tells an order: the parcel's news for the timeline, and the order's fulfilment. */
export interface ShipmentNews {
  readonly orderId: string;
  /** `shipment_dispatched` or `shipment_delivered`. */
  readonly entry: string;
  /** e.g. the carrier and tracking number. */
  readonly detail: string | null;
  readonly fulfilment: OrderFulfilment | null;
  /** The first parcel's carrier facts, kept on the order as its `shipment` (null for a delivery). */
  readonly firstParcel: { readonly carrier: string; readonly trackingNumber: string; readonly at: Date } | null;
}

/**
 * Applies shipping's news to an order under its locks (the saga's first, as every step): the parcel
 * goes on the timeline, and the order takes the fulfilment only when it ranks above its status
 * (ADR 0106), so duplicated or reordered events never move it back. Orders this database never had,
 * and cancelled ones, are left alone.
 */
@Injectable()
export class OrderFulfilmentUpdater {
  constructor(
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  async apply(tx: Transaction, news: ShipmentNews): Promise<void> {
    await this.sagas.lock(tx, news.orderId);
    const order = await this.orders.lock(tx, news.orderId);
    if (!order) return;
    await this.timeline.record(tx, order.id, news.entry, news.detail);
    const status = advanceFulfilment(order.status, news.fulfilment);
    const parcel = news.firstParcel && order.carrier === null ? news.firstParcel : null;
    if (!status && !parcel) return;
    await this.orders.update(tx, order.id, {
      ...(status && { status }),
      ...(parcel && { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber, shippedAt: parcel.at }),
    });
    if (status) await this.timeline.record(tx, order.id, status);
  }
}
