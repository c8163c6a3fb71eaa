import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { once, Transaction, UnitOfWork } from '../../../../platform/messaging';
import { mayCancel } from '../../domain/order';
import { CheckoutSagaEntity } from '../../infrastructure/checkout-saga.orm-entity';
import { OrderEntity } from '../../infrastructure/order.orm-entity';
import { recordOnTimeline } from '../../infrastructure/order-timeline';
import { CheckoutProcess } from '../checkout/checkout-process';
import { OrderReader } from '../view-orders/order-reader';
import { OrderView } from '../view-orders/order-view';

/**
 * Cancels an order for its owner (before shipping) or an admin (before delivery); undoes what it
 * holds (a refund or a void, stock back). With an `Idempotency-Key`, a retry gets the first answer
 * and the same key with another request is a 422, as on every money-moving POST.
 */
@Injectable()
export class CancelOrderHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    private readonly reader: OrderReader,
  ) {}

  execute(orderId: string, caller: AuthenticatedUser, idempotencyKey?: string): Promise<OrderView> {
    return this.uow.run(async (tx) => {
      if (!idempotencyKey) return this.cancel(tx, orderId, caller);
      const key = { scope: caller.id, key: idempotencyKey, request: { cancelOrder: orderId } };
      const { body } = await once(tx, key, async () => ({ status: 202, body: await this.cancel(tx, orderId, caller) }));
      return body;
    });
  }

  private async cancel(tx: Transaction, orderId: string, caller: AuthenticatedUser): Promise<OrderView> {
    // The saga row is locked first, as every checkout step does, so the two never deadlock.
    await tx.manager.findOne(CheckoutSagaEntity, { where: { orderId }, lock: { mode: 'pessimistic_write' } });
    const order = await tx.manager.findOne(OrderEntity, {
      where: { id: orderId },
      lock: { mode: 'pessimistic_write' },
    });
    const isAdmin = caller.roles.includes('admin');
    if (!order || (order.customerId !== caller.id && !isAdmin)) throw ProblemException.notFound('Order');
    if (!mayCancel(order.status, isAdmin ? 'admin' : 'customer')) {
      throw ProblemException.conflict(
        'order-not-cancellable',
        `An order that is ${order.status} cannot be cancelled${isAdmin ? '' : ' by its customer'}.`,
      );
    }
    await recordOnTimeline(tx.manager, orderId, 'cancellation_requested', isAdmin ? 'by_admin' : 'by_customer');
    await this.checkout.advance(tx, orderId, {
      kind: 'cancel_requested',
      reason: isAdmin ? 'cancelled_by_admin' : 'cancelled_by_customer',
    });
    return this.reader.get(orderId, caller, tx.manager);
  }
}
