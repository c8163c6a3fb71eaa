import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { IdempotentResponse, Money, once, Transaction, UnitOfWork } from '../../../../platform/messaging';
import { sumMinorUnits } from '../../../../platform/money';
import { RefundPayment } from '../../../payments';
import { ReleasePromotionRedemption } from '../../../promotions';
import { refundUnits, RefundRuleViolation, UnitsRefund } from '../../domain/refund-allocation';
import { CheckoutSagaRepository } from '../../infrastructure/checkout-saga.repository';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository, RefundableLine } from '../../infrastructure/order.repository';

/** Which units of which lines an admin refunds (`POST /orders/:id/refunds`). */
export interface RefundOrderLinesInput {
  readonly orderId: string;
  readonly caller: AuthenticatedUser;
  /** Each line by its number in the order (1, 2, …) and how many more of its units go back. */
  readonly lines: readonly { readonly lineNo: number; readonly quantity: number }[];
  readonly reason: string;
  readonly idempotencyKey?: string;
}

/** One line's part of a refund, minor units of the order's currency. */
export interface LineRefundView {
  readonly lineNo: number;
  readonly units: number;
  /** Paid back: the units' share of what the line paid, after its discount, tax included. */
  readonly total: Money;
  /** Of which tax. */
  readonly tax: Money;
  /** The units' share of the line's discount (not paid back: what the customer saved). */
  readonly discount: Money;
}

/** A refund of order lines as the route answers it. */
export interface OrderRefundView {
  readonly orderId: string;
  readonly lines: readonly LineRefundView[];
  /** Σ line totals: what payments is asked to refund. */
  readonly total: Money;
  readonly tax: Money;
}

/**
 * Refunds some units of an order's lines at what they paid, not at list price (ADR 0107 §9, ADR
 * 0118): each line's share comes from `refundUnits` over the order's copied breakdown (its discount
 * and tax), the units are recorded on the line under the order's lock (so concurrent refunds never
 * pay a unit back twice, 409 `refund-exceeds-quantity`), and `payments.RefundPayment` for the sum is
 * sent through the outbox in the same transaction. Only an order whose payment was captured can be
 * refunded, and not once it is cancelled (its cancellation refunds it all): 409 `order-not-refundable`.
 * Shipping is not refunded by lines. The refund that brings every unit of every line back also gives
 * the order's promotions back (`promotions.ReleasePromotionRedemption`, once per order, ADR 0118).
 * With an `Idempotency-Key`, a retry gets the first answer.
 */
@Injectable()
export class RefundOrderLinesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sagas: CheckoutSagaRepository,
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  async execute(input: RefundOrderLinesInput): Promise<OrderRefundView> {
    const key = input.idempotencyKey && {
      scope: input.caller.id,
      key: input.idempotencyKey,
      request: { refundOrderLines: input.orderId, lines: input.lines, reason: input.reason },
    };
    const run = (tx: Transaction) => this.refund(tx, input);
    const answer = await this.uow.run((tx) => (key ? once(tx, key, () => run(tx)) : run(tx)));
    return answer.body;
  }

  private async refund(tx: Transaction, input: RefundOrderLinesInput): Promise<IdempotentResponse<OrderRefundView>> {
    // The saga row first, as every checkout step locks it, then the order: refunds of one order queue here.
    const saga = await this.sagas.lock(tx, input.orderId);
    const order = await this.orders.lock(tx, input.orderId);
    if (!order || !saga) throw ProblemException.notFound('Order');
    if (!saga.paymentCaptured) {
      throw ProblemException.conflict(
        'order-not-refundable',
        `The order's payment is not captured (the order is ${order.status}); cancel it instead.`,
      );
    }
    if (order.status === 'cancelled') {
      // Its cancellation refunds everything captured: a line refund would have nothing left to pay back.
      throw ProblemException.conflict(
        'order-not-refundable',
        'The order is cancelled: its payment was refunded in full by the cancellation.',
      );
    }
    const lines = new Map((await this.orders.lines(order.id, tx)).map((l) => [l.lineNo, l]));
    const money = (amount: number) => ({ amount, currency: order.currency });
    const refunds: { lineNo: number; refund: UnitsRefund }[] = [];
    const refundedNow = new Map<number, number>();
    for (const { lineNo, quantity } of merged(input.lines)) {
      const line = lines.get(lineNo);
      if (!line) throw ProblemException.conflict('order-line-unknown', `The order has no line ${lineNo}.`, { lineNo });
      refunds.push({ lineNo, refund: refundOf(line, order.taxIncluded, quantity) });
      await this.orders.recordRefundedUnits(tx, order.id, lineNo, quantity);
      refundedNow.set(lineNo, quantity);
    }
    const everyUnitBack = [...lines.values()].every(
      (line) => line.refundedUnits + (refundedNow.get(line.lineNo) ?? 0) === line.quantity,
    );
    // Every unit came back: the order is refunded, shipping aside (lines never refund it), so its codes'
    // uses go back too. Promotions' release is once per order (a cancellation or a full payment refund
    // that also releases it counts nothing more).
    if (everyUnitBack && order.promotions.length > 0) tx.send(new ReleasePromotionRedemption(order.id, 'refunded'));
    const total = sumMinorUnits(refunds.map((r) => r.refund.total));
    const view: OrderRefundView = {
      orderId: order.id,
      lines: refunds.map(({ lineNo, refund }) => ({
        lineNo,
        units: refund.units,
        total: money(refund.total),
        tax: money(refund.tax),
        discount: money(refund.discount),
      })),
      total: money(total),
      tax: money(sumMinorUnits(refunds.map((r) => r.refund.tax))),
    };
    await this.timeline.record(tx, order.id, 'refund_requested', input.reason, money(total));
    if (total > 0) tx.send(new RefundPayment(order.id, money(total), input.reason));
    return { status: 202, body: view };
  }
}

/** One entry per line (the same line twice adds up), in line order. */
function merged(lines: RefundOrderLinesInput['lines']): { lineNo: number; quantity: number }[] {
  const byLine = new Map<number, number>();
  for (const { lineNo, quantity } of lines) byLine.set(lineNo, (byLine.get(lineNo) ?? 0) + quantity);
  return [...byLine].sort(([a], [b]) => a - b).map(([lineNo, quantity]) => ({ lineNo, quantity }));
}

function refundOf(line: RefundableLine, taxIncluded: boolean, units: number): UnitsRefund {
  try {
    return refundUnits(
      {
        lineId: String(line.lineNo),
        quantity: line.quantity,
        amount: line.pricing.amount,
        discount: line.pricing.discount,
        tax: line.pricing.tax,
        taxIncluded,
      },
      line.refundedUnits,
      units,
    );
  } catch (error) {
    if (!(error instanceof RefundRuleViolation)) throw error;
    throw ProblemException.conflict(error.code, error.message, {
      lineNo: line.lineNo,
      quantity: line.quantity,
      refundedUnits: line.refundedUnits,
    });
  }
}
