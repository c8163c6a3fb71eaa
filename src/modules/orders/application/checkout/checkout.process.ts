import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transaction } from '../../../../platform/messaging';
import { annotateActiveSpan } from '../../../../platform/observability/tracing';
import { OrderAddressSnapshot, OrderCancelled, OrderConfirmed, OrderTotalsSnapshot } from '../../contracts';
import { CheckoutInput, CheckoutState, decideCheckout } from '../../domain/checkout-saga';
import { Order } from '../../domain/order';
import { partTotal } from '../../domain/order-breakdown';
import { CheckoutStepChanges, CheckoutStepRepository } from '../../infrastructure/checkout-step.repository';
import { RefundableLine } from '../../infrastructure/order.repository';
import { ORDERS_CONFIG, OrdersConfig } from '../../orders.config';
import { commandForStep } from './checkout-step-commands';

const AWAITING_REPLY: readonly CheckoutState[] = ['redeeming_promotion', 'reserving_stock', 'authorizing_payment'];

/**
 * The checkout process manager: moves one order's checkout forward inside the caller's
 * transaction. The saga is locked (and read with its order and lines), the decision
 * (domain/checkout-saga) applied, its steps sent through the outbox and the saga, the order's
 * status and its timeline written in one statement.
 */
@Injectable()
export class CheckoutProcess {
  private readonly logger = new Logger('Checkout');

  constructor(
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly steps: CheckoutStepRepository,
  ) {}

  /**
   * Applies what just happened to the order's checkout (a reply, a deadline, a cancellation): two
   * statements, the saga locked and read with its order and lines, then everything it changed.
   */
  async advance(tx: Transaction, orderId: string, input: CheckoutInput): Promise<void> {
    const state = await this.steps.lock(tx, orderId);
    if (!state) {
      this.logger.warn(`${input.kind} for unknown order ${orderId}; ignored`);
      return;
    }
    const { saga, order, lines } = state;
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

    const timeline: { status: string; reason?: string }[] = decision.milestone ? [{ status: decision.milestone }] : [];
    const reason = decision.outcome?.kind === 'cancel' ? decision.outcome.reason : (order.cancelReason ?? 'late_reply');
    for (const step of decision.steps) tx.send(commandForStep(step, order, reason, lines));

    let status: CheckoutStepChanges['order'];
    if (decision.outcome?.kind === 'confirm') {
      this.confirm(tx, order, lines);
      status = { status: 'confirmed' };
      timeline.push({ status: 'confirmed' });
    }
    if (decision.outcome?.kind === 'cancel') {
      this.cancel(tx, order, decision.outcome.reason);
      status = { status: 'cancelled', cancelReason: decision.outcome.reason };
      timeline.push({ status: 'cancelled', reason: decision.outcome.reason });
    }
    await this.steps.save(tx, { saga: { ...decision.saga, orderId, stepDeadline }, order: status, timeline });
  }

  /** A fresh deadline for the step the saga has just entered. */
  deadline(): Date {
    return new Date(Date.now() + this.config.stepTimeoutSeconds * 1000);
  }

  private confirm(tx: Transaction, order: Order, lines: readonly RefundableLine[]): void {
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

  private cancel(tx: Transaction, order: Order, reason: string): void {
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
