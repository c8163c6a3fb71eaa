import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { annotateActiveSpan } from '../../../../platform/observability/tracing';
import { OrderAddressSnapshot, OrderCancelled, OrderConfirmed, OrderTotalsSnapshot } from '../../contracts';
import { CheckoutInput, CheckoutState, decideCheckout } from '../../domain/checkout-saga';
import { Order } from '../../domain/order';
import { partTotal } from '../../domain/order-breakdown';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository } from '../../infrastructure/order.repository';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { commandForStep, STEPS_WITH_LINES } from './checkout-step-commands';

const AWAITING_REPLY: readonly CheckoutState[] = ['redeeming_promotion', 'reserving_stock', 'authorizing_payment'];

/**
 * The checkout process manager: moves one order's checkout forward inside the caller's
 * transaction. The saga is locked, the decision (domain/checkout-saga) applied, its steps sent
 * through the outbox and the order's status and timeline updated.
 */
@Injectable()
export class CheckoutProcess {
  private readonly logger = new Logger('Checkout');

  constructor(
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  /** Applies what just happened to the order's checkout (a reply, a deadline, a cancellation). */
  async advance(tx: Transaction, orderId: string, input: CheckoutInput): Promise<void> {
    const saga = await this.sagas.lock(tx, orderId);
    if (!saga) {
      this.logger.warn(`${input.kind} for unknown order ${orderId}; ignored`);
      return;
    }
    const order = (await this.orders.find(orderId, tx))!;
    const decision = decideCheckout(saga, input);
    // The span of the message being handled says where the checkout stood and where it went (ADR 0119).
    annotateActiveSpan({
      'arcade.order_id': orderId,
      'arcade.saga.input': input.kind,
      'arcade.saga.step': decision.steps.join(',') || 'none',
      'arcade.saga.state.from': saga.state,
      'arcade.saga.state.to': decision.saga.state,
    });
    const entering = decision.saga.state !== saga.state || decision.milestone === 'stock_reserved';
    const stepDeadline = entering
      ? AWAITING_REPLY.includes(decision.saga.state)
        ? this.deadline()
        : null
      : saga.stepDeadline;
    await this.sagas.save(tx, { ...decision.saga, orderId, stepDeadline });

    if (decision.milestone) await this.timeline.record(tx, orderId, decision.milestone);
    const reason = decision.outcome?.kind === 'cancel' ? decision.outcome.reason : (order.cancelReason ?? 'late_reply');
    const lines = decision.steps.some((step) => STEPS_WITH_LINES.includes(step))
      ? await this.orders.lines(orderId, tx)
      : [];
    for (const step of decision.steps) tx.send(commandForStep(step, order, reason, lines));

    if (decision.outcome?.kind === 'confirm') await this.confirm(tx, order);
    if (decision.outcome?.kind === 'cancel') await this.cancel(tx, order, decision.outcome.reason);
  }

  /** A fresh deadline for the step the saga has just entered. */
  deadline(): Date {
    return new Date(Date.now() + this.config.stepTimeoutSeconds * 1000);
  }

  private async confirm(tx: Transaction, order: Order): Promise<void> {
    await this.orders.update(tx, order.id, { status: 'confirmed' });
    await this.timeline.record(tx, order.id, 'confirmed');
    const lines = await this.orders.lines(order.id, tx);
    const money = (amount: number) => ({ amount, currency: order.currency });
    tx.publish(
      new OrderConfirmed({
        orderId: order.id,
        customerId: order.customerId,
        lines: lines.map((line) => ({
          productId: line.productId,
          variantId: line.variantId,
          sku: line.sku,
          title: line.title,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          lineNo: line.lineNo,
          discount: money(line.pricing.discount),
          tax: money(line.pricing.tax),
          total: money(partTotal(line.pricing, order.taxIncluded)),
        })),
        total: money(order.totalAmount),
        totals: totalsSnapshot(order),
        confirmedAt: new Date().toISOString(),
        ...(order.shippingMethod ? { shippingMethod: { ...order.shippingMethod } } : {}),
        shippingAddress: addressOf(order),
      }),
    );
  }

  private async cancel(tx: Transaction, order: Order, reason: string): Promise<void> {
    await this.orders.update(tx, order.id, { status: 'cancelled', cancelReason: reason });
    await this.timeline.record(tx, order.id, 'cancelled', reason);
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

/** The order's breakdown as `OrderConfirmed` carries it (ADR 0107). */
function totalsSnapshot(order: Order): OrderTotalsSnapshot {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    subtotal: money(order.subtotalAmount),
    discountTotal: money(order.discountAmount),
    shippingTotal: money(order.shippingAmount),
    taxTotal: money(order.taxAmount),
    total: money(order.totalAmount),
    taxIncluded: order.taxIncluded,
    shippingDiscount: money(order.shippingPricing?.discount ?? 0),
    shippingTax: money(order.shippingPricing?.tax ?? 0),
    promotions: order.promotions.map((p) => ({ promotionId: p.promotionId, code: p.code, amount: money(p.amount) })),
  };
}

/** The order's address as `OrderConfirmed` carries it (no `line2` when there is none). */
function addressOf({ shippingAddress: { line2, ...address } }: Order): OrderAddressSnapshot {
  return line2 ? { ...address, line2 } : address;
}
