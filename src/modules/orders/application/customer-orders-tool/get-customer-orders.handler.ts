import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '../../../../platform/ids';
import { DataToolResult } from '../../../../platform/messaging';
import { CustomerOrderRow, GetCustomerOrders } from '../../contracts';
import { Order, OrderLine, OrderStatus } from '../../domain/order';
import { OrderRepository } from '../../infrastructure/order.repository';

const STATUSES: readonly OrderStatus[] = ['pending', 'confirmed', 'shipped', 'cancelled'];

/**
 * The `orders_customer_orders` data tool. Whose rows is decided here from `actor`, never from the
 * model: under `own` only the acting user's orders exist (no user: none), and `customerId` is ignored.
 */
@QueryHandler(GetCustomerOrders)
export class GetCustomerOrdersHandler implements IQueryHandler<GetCustomerOrders> {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ args, actor, limit }: GetCustomerOrders): Promise<DataToolResult<CustomerOrderRow>> {
    const own = actor?.reach !== 'any';
    const customerId = own ? actor?.userId : typeof args?.customerId === 'string' ? args.customerId : undefined;
    if ((own && !isUuid(customerId)) || (customerId !== undefined && !isUuid(customerId)) || !(limit >= 1)) {
      return { rows: [], truncated: false };
    }
    const status = STATUSES.find((s) => s === args?.status);
    let orders: Order[];
    if (args?.orderId !== undefined) {
      const order = await this.orders.find(String(args.orderId));
      orders = order && (!customerId || order.customerId === customerId) ? [order] : [];
    } else {
      orders = await this.orders.page({ limit: Math.min(limit, 100), customerId, status });
    }
    const page = orders.slice(0, limit);
    const lines = await this.orders.linesOf(page.map((o) => o.id));
    return { rows: page.map((o) => toRow(o, lines.get(o.id) ?? [])), truncated: orders.length > page.length };
  }
}

function toRow(order: Order, lines: readonly OrderLine[]): CustomerOrderRow {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    orderId: order.id,
    status: order.status,
    placedAt: order.createdAt.toISOString(),
    total: money(order.totalAmount),
    itemCount: order.itemCount,
    lines: lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: money(l.unitPrice.amount),
    })),
    cancelReason: order.cancelReason,
    carrier: order.carrier,
    shippedAt: order.shippedAt ? order.shippedAt.toISOString() : null,
  };
}
