import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { OrderShipped } from '../../contracts';
import { CheckoutSagaEntity } from '../../infrastructure/checkout-saga.orm-entity';
import { OrderEntity } from '../../infrastructure/order.orm-entity';
import { recordOnTimeline } from '../../infrastructure/order-timeline';
import { OrderReader } from '../view-orders/order-reader';
import { OrderView } from '../view-orders/order-view';

/** Hands a confirmed order to a carrier (admin). */
@Injectable()
export class ShipOrderHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: OrderReader,
  ) {}

  execute(
    orderId: string,
    shipment: { carrier: string; trackingNumber: string },
    admin: AuthenticatedUser,
  ): Promise<OrderView> {
    return this.uow.run(async (tx) => {
      // Same lock order as the checkout steps: the saga row first, then the order.
      await tx.manager.findOne(CheckoutSagaEntity, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
      const order = await tx.manager.findOne(OrderEntity, {
        where: { id: orderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!order) throw ProblemException.notFound('Order');
      if (order.status !== 'confirmed')
        throw ProblemException.conflict('order-not-shippable', `An order that is ${order.status} cannot be shipped.`);
      const shippedAt = new Date();
      await tx.manager.update(OrderEntity, { id: orderId }, { status: 'shipped', ...shipment, shippedAt });
      await recordOnTimeline(tx.manager, orderId, 'shipped', `${shipment.carrier} ${shipment.trackingNumber}`);
      tx.publish(
        new OrderShipped({ orderId, customerId: order.customerId, ...shipment, shippedAt: shippedAt.toISOString() }),
      );
      return this.reader.get(orderId, admin, tx.manager);
    });
  }
}
