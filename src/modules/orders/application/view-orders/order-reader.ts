import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '../../../../platform/auth';
import { decodeCursor, encodeCursor, Page, ProblemException } from '../../../../platform/http';
import { OrderStatus } from '../../domain/order';
import { OrderLineEntity } from '../../infrastructure/order-line.orm-entity';
import { OrderTimelineEntryEntity } from '../../infrastructure/order-timeline-entry.orm-entity';
import { OrderEntity } from '../../infrastructure/order.orm-entity';
import { OrderView } from './order-view';

export interface OrderListFilter {
  readonly limit: number;
  readonly cursor?: string;
  readonly status?: OrderStatus;
  readonly customerId?: string;
}

/** Reads orders as their owner (or an admin) may see them; anything else is a 404. */
@Injectable()
export class OrderReader {
  constructor(@InjectDataSource('orders') private readonly dataSource: DataSource) {}

  async get(
    id: string,
    caller: AuthenticatedUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrderView> {
    const order = await manager.findOneBy(OrderEntity, { id });
    if (!order || (order.customerId !== caller.id && !caller.roles.includes('admin')))
      throw ProblemException.notFound('Order');
    return (await this.views([order], manager))[0];
  }

  /** Newest first, keyset-paginated; customers see only theirs, admins filter by status and customer. */
  async list(caller: AuthenticatedUser, filter: OrderListFilter): Promise<Page<OrderView>> {
    const query = this.dataSource.manager.createQueryBuilder(OrderEntity, 'o');
    const customerId = caller.roles.includes('admin') ? filter.customerId : caller.id;
    if (customerId) query.andWhere('o.customer_id = :customerId', { customerId });
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.cursor) {
      const position = decodeCursor(filter.cursor, { createdAt: 'timestamp', id: 'uuid' });
      query.andWhere('(o.created_at, o.id) < (:createdAt::timestamptz, :id::uuid)', position);
    }
    const orders = await query
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(filter.limit + 1)
      .getMany();
    const page = orders.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(page, this.dataSource.manager),
      nextCursor:
        orders.length > filter.limit && last
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  private async views(orders: OrderEntity[], manager: EntityManager): Promise<OrderView[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const lines = await manager
      .createQueryBuilder(OrderLineEntity, 'l')
      .where('l.order_id IN (:...ids)', { ids })
      .orderBy('l.line_no')
      .getMany();
    const entries = await manager
      .createQueryBuilder(OrderTimelineEntryEntity, 't')
      .where('t.order_id IN (:...ids)', { ids })
      .orderBy('t.seq')
      .getMany();
    return orders.map((o) =>
      toView(
        o,
        lines.filter((l) => l.orderId === o.id),
        entries.filter((e) => e.orderId === o.id),
      ),
    );
  }
}

function toView(order: OrderEntity, lines: OrderLineEntity[], timeline: OrderTimelineEntryEntity[]): OrderView {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    id: order.id,
    status: order.status,
    customerId: order.customerId,
    lines: lines.map((l) => ({
      productId: l.productId,
      variantId: l.variantId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice),
      lineTotal: money(l.unitPrice * l.quantity),
    })),
    totals: { subtotal: money(order.totalAmount), total: money(order.totalAmount), itemCount: order.itemCount },
    shippingAddress: order.shippingAddress,
    timeline: timeline.map((e) => ({
      status: e.status,
      at: e.at.toISOString(),
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.amount !== null && e.currency !== null ? { amount: { amount: e.amount, currency: e.currency } } : {}),
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
