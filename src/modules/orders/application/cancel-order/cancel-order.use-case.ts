import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { once, Transaction, UnitOfWork } from '../../../../platform/messaging';
import { mayCancel } from '../../domain/order';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { CheckoutProcess } from '../checkout/checkout.process';
import { OrderReader } from '../view-orders/order-reader';
import { OrderView } from '../view-orders/order-view';

/** Who cancels which order (`POST /orders/:id/cancel`). */
export interface CancelOrderInput {
  readonly orderId: string;
  readonly caller: AuthenticatedUser;
  /** The client's `Idempotency-Key`, when one was sent. */
  readonly idempotencyKey?: string;
}

/**
 * Cancels an order for its owner (before shipping) or an admin (before delivery); undoes what it
 * holds (a refund or a void, stock back). With an `Idempotency-Key`, a retry gets the first answer
 * and the same key with another request is a 422, as on every money-moving POST.
 */
@Injectable()
export class CancelOrderUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly checkout: CheckoutProcess,
    private readonly reader: OrderReader,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  execute({ orderId, caller, idempotencyKey }: CancelOrderInput): Promise<OrderView> {
    return this.uow.run(async (tx) => {
      if (!idempotencyKey) return this.cancel(tx, orderId, caller);
      const key = { scope: caller.id, key: idempotencyKey, request: { cancelOrder: orderId } };
      const { body } = await once(tx, key, async () => ({ status: 202, body: await this.cancel(tx, orderId, caller) }));
      return body;
    });
  }

  private async cancel(tx: Transaction, orderId: string, caller: AuthenticatedUser): Promise<OrderView> {
    // The saga row is locked first, as every checkout step does, so the two never deadlock.
    await this.sagas.lock(tx, orderId);
    const order = await this.orders.lock(tx, orderId);
    const isAdmin = caller.roles.includes('admin');
    if (!order || (order.customerId !== caller.id && !isAdmin)) throw ProblemException.notFound('Order');
    if (!mayCancel(order.status, isAdmin ? 'admin' : 'customer')) {
      throw ProblemException.conflict(
        'order-not-cancellable',
        `An order that is ${order.status} cannot be cancelled${isAdmin ? '' : ' by its customer'}.`,
      );
    }
    await this.timeline.record(tx, orderId, 'cancellation_requested', isAdmin ? 'by_admin' : 'by_customer');
    await this.checkout.advance(tx, orderId, {
      kind: 'cancel_requested',
      reason: isAdmin ? 'cancelled_by_admin' : 'cancelled_by_customer',
    });
    return this.reader.get(orderId, caller, tx);
  }
}
