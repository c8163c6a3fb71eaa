import { Injectable } from '@nestjs/common';
import { minorUnits, UnitOfWork } from '../../../platform/messaging';
import type { CheckoutState } from '../domain/checkout-saga';

/** The sums of one currency's (and one tax mode's) confirmed orders, minor units. */
export interface RevenueRecord {
  readonly currency: string;
  readonly taxIncluded: boolean;
  readonly orders: number;
  readonly subtotal: number;
  readonly discountTotal: number;
  readonly shippingTotal: number;
  readonly taxTotal: number;
  readonly total: number;
}

/** Counts since an instant, and the checkouts not yet final now. */
export interface OrderStatsRecord {
  readonly placed: number;
  readonly confirmed: number;
  readonly cancelled: number;
  readonly revenue: readonly RevenueRecord[];
  readonly inFlight: ReadonlyMap<CheckoutState, number>;
}

const COUNTS = `
  SELECT (SELECT count(*) FROM orders WHERE created_at >= $1)::int AS placed,
         count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
         count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
    FROM order_timeline WHERE at >= $1 AND status IN ('confirmed', 'cancelled')`;

// Orders confirmed since $1 and not cancelled (whatever they became since: shipped, delivered…).
const REVENUE = `
  SELECT o.currency, o.tax_included, count(*)::int AS orders,
         sum(o.subtotal_amount)::text AS subtotal, sum(o.discount_amount)::text AS discount,
         sum(o.shipping_amount)::text AS shipping, sum(o.tax_amount)::text AS tax, sum(o.total_amount)::text AS total
    FROM orders o
   WHERE o.status NOT IN ('pending', 'cancelled')
     AND EXISTS (SELECT 1 FROM order_timeline t WHERE t.order_id = o.id AND t.status = 'confirmed' AND t.at >= $1)
   GROUP BY o.currency, o.tax_included
   ORDER BY o.currency, o.tax_included`;

const IN_FLIGHT = `
  SELECT state, count(*)::int AS n FROM checkout_sagas
   WHERE state NOT IN ('completed', 'cancelled') GROUP BY state`;

/** Aggregates over the orders module's own tables for the admin overview. */
@Injectable()
export class OrderStatsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async since(since: Date): Promise<OrderStatsRecord> {
    const reader = this.uow.reader;
    const [[counts], revenue, inFlight] = (await Promise.all([
      reader.query(COUNTS, [since]),
      reader.query(REVENUE, [since]),
      reader.query(IN_FLIGHT),
    ])) as [
      { placed: number; confirmed: number; cancelled: number }[],
      {
        currency: string;
        tax_included: boolean;
        orders: number;
        subtotal: string;
        discount: string;
        shipping: string;
        tax: string;
        total: string;
      }[],
      { state: CheckoutState; n: number }[],
    ];
    return {
      ...counts,
      revenue: revenue.map((r) => ({
        currency: r.currency,
        taxIncluded: r.tax_included,
        orders: r.orders,
        subtotal: minorUnits(r.subtotal),
        discountTotal: minorUnits(r.discount),
        shippingTotal: minorUnits(r.shipping),
        taxTotal: minorUnits(r.tax),
        total: minorUnits(r.total),
      })),
      inFlight: new Map(inFlight.map((r) => [r.state, r.n])),
    };
  }
}
