import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../../platform/auth';
import { decodeCursor, encodeCursor, Page, ProblemException } from '../../../../platform/http';
import { Transaction } from '../../../../platform/messaging';
import { Order, OrderStatus, TimelineEntry } from '../../domain/order';
import { OrderPromotionShare, partTotal } from '../../domain/order-breakdown';
import { OrderTimelineRepository } from '../../infrastructure/order-timeline.repository';
import { OrderRepository, RefundableLine } from '../../infrastructure/order.repository';
import { OrderView } from './order-view';

/** Which orders, on which page. */
export interface OrderListFilter {
  readonly limit: number;
  readonly cursor?: string;
  readonly status?: OrderStatus;
  readonly customerId?: string;
  /** Placed at or after this instant. */
  readonly placedFrom?: Date;
  /** Placed before this instant. */
  readonly placedTo?: Date;
}

/**
 * Reads orders as their owner (or an admin) may see them; anything else is a 404. Shared by the
 * use cases that answer with an order.
 */
@Injectable()
export class OrderReader {
  constructor(
    private readonly orders: OrderRepository,
    private readonly timeline: OrderTimelineRepository,
  ) {}

  /** One order, read in `tx` when given (a use case answering with what it just changed). */
  async get(id: string, caller: AuthenticatedUser, tx?: Transaction): Promise<OrderView> {
    const order = await this.orders.find(id, tx);
    if (!order || (order.customerId !== caller.id && !caller.roles.includes('admin')))
      throw ProblemException.notFound('Order');
    return (await this.views([order], tx))[0];
  }

  /** Newest first, keyset-paginated; customers see only theirs, admins filter by status and customer. */
  async list(caller: AuthenticatedUser, filter: OrderListFilter): Promise<Page<OrderView>> {
    const after = filter.cursor ? decodeCursor(filter.cursor, { createdAt: 'timestamp', id: 'uuid' }) : undefined;
    const orders = await this.orders.page({
      limit: filter.limit,
      customerId: caller.roles.includes('admin') ? filter.customerId : caller.id,
      status: filter.status,
      placedFrom: filter.placedFrom,
      placedTo: filter.placedTo,
      after: after && { createdAt: String(after.createdAt), id: String(after.id) },
    });
    const page = orders.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(page),
      nextCursor:
        orders.length > filter.limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  private async views(orders: readonly Order[], tx?: Transaction): Promise<OrderView[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const [lines, timelines] = await Promise.all([this.orders.linesOf(ids, tx), this.timeline.entriesOf(ids, tx)]);
    return orders.map((o) => toView(o, lines.get(o.id) ?? [], timelines.get(o.id) ?? []));
  }
}

function toView(order: Order, lines: readonly RefundableLine[], timeline: readonly TimelineEntry[]): OrderView {
  const money = (amount: number) => ({ amount, currency: order.currency });
  const shares = (byPromotion: readonly OrderPromotionShare[]) =>
    byPromotion.map((s) => ({ promotionId: s.promotionId, code: s.code, amount: money(s.amount) }));
  const shipping = order.shippingPricing;
  return {
    id: order.id,
    status: order.status,
    customerId: order.customerId,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.productId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice.amount),
      lineTotal: money(l.pricing.amount),
      discount: money(l.pricing.discount),
      tax: money(l.pricing.tax),
      taxRatePpm: l.pricing.taxRatePpm,
      total: money(partTotal(l.pricing, order.taxIncluded)),
      byPromotion: shares(l.pricing.byPromotion),
      refundedUnits: l.refundedUnits,
    })),
    totals: {
      subtotal: money(order.subtotalAmount),
      discountTotal: money(order.discountAmount),
      shippingTotal: money(order.shippingAmount),
      taxTotal: money(order.taxAmount),
      total: money(order.totalAmount),
      taxIncluded: order.taxIncluded,
      shipping: money(order.shippingAmount),
      itemCount: order.itemCount,
    },
    shippingPricing: shipping && {
      amount: money(shipping.amount),
      discount: money(shipping.discount),
      tax: money(shipping.tax),
      taxRatePpm: shipping.taxRatePpm,
      total: money(partTotal(shipping, order.taxIncluded)),
      byPromotion: shares(shipping.byPromotion),
    },
    promotions: order.promotions.map((p) => ({
      promotionId: p.promotionId,
      code: p.code,
      benefit: p.benefit,
      amount: money(p.amount),
    })),
    promotionCodes: [...order.promotionCodes],
    taxCountry: order.taxCountry,
    shippingMethod: order.shippingMethod && { id: order.shippingMethod.id, name: order.shippingMethod.name },
    shippingAddress: order.shippingAddress,
    timeline: timeline.map((e) => ({
      status: e.status,
      at: e.at.toISOString(),
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.amount ? { amount: e.amount } : {}),
    })),
    ...(order.cancelReason ? { cancelReason: order.cancelReason } : {}),
    ...(order.carrier && order.trackingNumber && order.shippedAt
      ? {
          shipment: {
            carrier: order.carrier,
            trackingNumber: order.trackingNumber,
            shippedAt: order.shippedAt.toISOString(),
          },
        }
      : {}),
    createdAt: order.createdAt.toISOString(),
  };
}
