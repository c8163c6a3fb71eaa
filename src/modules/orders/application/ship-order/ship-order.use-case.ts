import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { OrderShipped } from '../../contracts';
import { Shipment } from '../../domain/order';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { OrderReader } from '../view-orders/order-reader';
import { OrderView } from '../view-orders/order-view';

/** Which order goes to which carrier (`POST /orders/:id/ship`). */
export interface ShipOrderInput {
  readonly orderId: string;
  readonly shipment: Shipment;
  readonly admin: AuthenticatedUser;
}

/** Hands a confirmed order to a carrier (admin). */
@Injectable()
export class ShipOrderUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: OrderReader,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  execute({ orderId, shipment, admin }: ShipOrderInput): Promise<OrderView> {
    const { carrier, trackingNumber } = shipment;
    return this.uow.run(async (tx) => {
      // Same lock order as the checkout steps: the saga row first, then the order.
      await this.sagas.lock(tx, orderId);
      const order = await this.orders.lock(tx, orderId);
      if (!order) throw ProblemException.notFound('Order');
      if (order.status !== 'confirmed')
        throw ProblemException.conflict('order-not-shippable', `An order that is ${order.status} cannot be shipped.`);
      const shippedAt = new Date();
      await this.orders.update(tx, orderId, { status: 'shipped', carrier, trackingNumber, shippedAt });
      await this.timeline.record(tx, orderId, 'shipped', `${carrier} ${trackingNumber}`);
      tx.publish(
        new OrderShipped({
          orderId,
          customerId: order.customerId,
          carrier,
          trackingNumber,
          shippedAt: shippedAt.toISOString(),
        }),
      );
      return this.reader.get(orderId, admin, tx);
    });
  }
}
