import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { OrderCancelled, OrderConfirmed } from '../../contracts';
import { CheckoutInput, CheckoutState, decideCheckout } from '../../domain/checkout-saga';
import { CheckoutSagaEntity } from '../../infrastructure/checkout-saga.orm-entity';
import { OrderLineEntity } from '../../infrastructure/order-line.orm-entity';
import { OrderEntity } from '../../infrastructure/order.orm-entity';
import { recordOnTimeline } from '../../infrastructure/order-timeline';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { commandForStep } from './checkout-step-commands';

const AWAITING_REPLY: readonly CheckoutState[] = ['reserving_stock', 'authorizing_payment'];

/**
 * Moves one order's checkout forward inside the caller's transaction: the saga row is locked, the
 * decision applied, its steps sent through the outbox and the order's status and timeline updated.
 */
@Injectable()
export class CheckoutProcess {
  private readonly logger = new Logger('Checkout');

  constructor(@Inject(ORDERS_CONFIG) private readonly config: OrdersConfig) {}

  async advance(tx: Transaction, orderId: string, input: CheckoutInput): Promise<void> {
    const saga = await tx.manager.findOne(CheckoutSagaEntity, {
      where: { orderId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!saga) {
      this.logger.warn(`${input.kind} for unknown order ${orderId}; ignored`);
      return;
    }
    const order = await tx.manager.findOneByOrFail(OrderEntity, { id: orderId });
    const decision = decideCheckout(saga, input);
    const entering = decision.saga.state !== saga.state || decision.milestone === 'stock_reserved';
    const stepDeadline = entering
      ? AWAITING_REPLY.includes(decision.saga.state)
        ? this.deadline()
        : null
      : saga.stepDeadline;
    // An UPDATE, not `save`, which would read the row again first: this runs for every saga step.
    await tx.manager.update(CheckoutSagaEntity, { orderId }, { ...decision.saga, stepDeadline, updatedAt: new Date() });

    if (decision.milestone) await recordOnTimeline(tx.manager, orderId, decision.milestone);
    const reason = decision.outcome?.kind === 'cancel' ? decision.outcome.reason : (order.cancelReason ?? 'late_reply');
    for (const step of decision.steps) tx.send(commandForStep(step, order, reason));

    if (decision.outcome?.kind === 'confirm') await this.confirm(tx, order);
    if (decision.outcome?.kind === 'cancel') await this.cancel(tx, order, decision.outcome.reason);
  }

  /** A fresh deadline for the step the saga has just entered. */
  deadline(): Date {
    return new Date(Date.now() + this.config.stepTimeoutSeconds * 1000);
  }

  private async confirm(tx: Transaction, order: OrderEntity): Promise<void> {
    await tx.manager.update(OrderEntity, { id: order.id }, { status: 'confirmed' });
    await recordOnTimeline(tx.manager, order.id, 'confirmed');
    const lines = await tx.manager.find(OrderLineEntity, { where: { orderId: order.id }, order: { lineNo: 'ASC' } });
    tx.publish(
      new OrderConfirmed({
        orderId: order.id,
        customerId: order.customerId,
        lines: lines.map((l) => ({
          productId: l.productId,
          variantId: l.variantId,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPrice: { amount: l.unitPrice, currency: l.currency },
        })),
        total: { amount: order.totalAmount, currency: order.currency },
        confirmedAt: new Date().toISOString(),
      }),
    );
  }

  private async cancel(tx: Transaction, order: OrderEntity, reason: string): Promise<void> {
    await tx.manager.update(OrderEntity, { id: order.id }, { status: 'cancelled', cancelReason: reason });
    await recordOnTimeline(tx.manager, order.id, 'cancelled', reason);
    tx.publish(
      new OrderCancelled({
        orderId: order.id,
        customerId: order.customerId,
        reason,
        cancelledAt: new Date().toISOString(),
      }),
    );
  }
}
