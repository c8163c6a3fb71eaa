import { Injectable } from '@nestjs/common';
import type { Money } from '../../../../platform/messaging';
import type { CheckoutState } from '../../domain/checkout-saga';
import { OrderStatsRepository } from '../../infrastructure/order-stats.repository';

/** The checkout states that are not final (a reply or a capture is still awaited). */
const NOT_FINAL: readonly CheckoutState[] = [
  'redeeming_promotion',
  'reserving_stock',
  'authorizing_payment',
  'awaiting_review',
  'confirming',
];

/**
 * The revenue of one currency and tax mode: the breakdowns of the orders confirmed in the window
 * (and not cancelled since), summed part by part, so that
 * `total = subtotal − discountTotal + shippingTotal + (taxIncluded ? 0 : taxTotal)` as on each order.
 * Gross: refunds are not taken off.
 */
export interface RevenueView {
  readonly currency: string;
  readonly taxIncluded: boolean;
  readonly orders: number;
  readonly subtotal: Money;
  readonly discountTotal: Money;
  readonly shippingTotal: Money;
  readonly taxTotal: Money;
  readonly total: Money;
}

/** `GET /orders/stats`: what happened to orders since an instant, and the checkouts in flight now. */
export interface OrderStatsView {
  /** The window's start, ISO 8601. */
  readonly since: string;
  /** Orders placed (checked out) since then. */
  readonly placed: number;
  /** Orders confirmed since then (a confirmed order cancelled later counts here and in `cancelled`). */
  readonly confirmed: number;
  /** Orders cancelled since then, whatever their reason. */
  readonly cancelled: number;
  /** Per currency and tax mode; empty without confirmed orders. */
  readonly revenue: readonly RevenueView[];
  /** Checkouts whose saga is not final now (any age), in total and per state. */
  readonly inFlight: { readonly total: number; readonly byState: Readonly<Record<string, number>> };
}

/** The window's start. */
export interface GetOrderStatsInput {
  readonly since: Date;
}

/** Counts, revenue and checkouts in flight for the admin overview (admins only; the route checks). */
@Injectable()
export class GetOrderStatsUseCase {
  constructor(private readonly stats: OrderStatsRepository) {}

  async execute({ since }: GetOrderStatsInput): Promise<OrderStatsView> {
    const record = await this.stats.since(since);
    const byState = Object.fromEntries(NOT_FINAL.map((state) => [state, record.inFlight.get(state) ?? 0]));
    return {
      since: since.toISOString(),
      placed: record.placed,
      confirmed: record.confirmed,
      cancelled: record.cancelled,
      revenue: record.revenue.map((r) => {
        const money = (amount: number): Money => ({ amount, currency: r.currency });
        return {
          currency: r.currency,
          taxIncluded: r.taxIncluded,
          orders: r.orders,
          subtotal: money(r.subtotal),
          discountTotal: money(r.discountTotal),
          shippingTotal: money(r.shippingTotal),
          taxTotal: money(r.taxTotal),
          total: money(r.total),
        };
      }),
      inFlight: { total: Object.values(byState).reduce((a, b) => a + b, 0), byState },
    };
  }
}
