import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import {
  CartAlreadyOrdered,
  NewOrder,
  Order,
  OrderChanges,
  OrderLine,
  OrderStatus,
  ShippingAddress,
} from '../domain/order';

/** The columns of an order: adding a field to `Order` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  customerId: 'customer_id',
  cartId: 'cart_id',
  status: 'status',
  currency: 'currency',
  totalAmount: 'total_amount',
  shippingAmount: 'shipping_amount',
  shippingMethod: 'shipping_method_id, shipping_method_name',
  itemCount: 'item_count',
  shippingAddress: 'shipping_address',
  paymentProvider: 'payment_provider',
  paymentToken: 'payment_token',
  cancelReason: 'cancel_reason',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  shippedAt: 'shipped_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<keyof Order, string>;

/** The columns of a line (with its order and position): adding a field to `OrderLine` is a compile error until mapped. */
const LINE_COLUMNS = {
  productId: 'product_id',
  variantId: 'variant_id',
  sku: 'sku',
  title: 'title',
  quantity: 'quantity',
  unitPrice: 'unit_price, currency',
} as const satisfies Record<keyof OrderLine, string>;

const SELECT = `SELECT ${Object.values(COLUMNS).join(', ')} FROM orders`;
const SELECT_LINES = `SELECT order_id, ${Object.values(LINE_COLUMNS).join(', ')} FROM order_lines`;

/** The order and its lines in one statement; the unique index refuses a second live order of a cart. */
const PLACE = `
  WITH placed AS (
    INSERT INTO orders (id, customer_id, cart_id, status, currency, total_amount, item_count, shipping_address,
                        payment_provider, payment_token, shipping_amount, shipping_method_id, shipping_method_name)
    VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7::jsonb, $8, $9, $18, $19, $20) RETURNING id)
  INSERT INTO order_lines (order_id, line_no, ${Object.values(LINE_COLUMNS).join(', ')})
  SELECT placed.id, l.* FROM placed,
    unnest($10::int[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::int[], $16::bigint[], $17::text[])
      AS l(line_no, product_id, variant_id, sku, title, quantity, unit_price, currency)`;

/** The partial unique index that lets a cart have one order that is not cancelled. */
const LIVE_ORDER_OF_CART = 'orders_live_cart_uq';

interface OrderRow {
  readonly id: string;
  readonly customer_id: string;
  readonly cart_id: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly total_amount: string;
  readonly shipping_amount: string;
  readonly shipping_method_id: string | null;
  readonly shipping_method_name: string | null;
  readonly item_count: number;
  readonly shipping_address: ShippingAddress;
  readonly payment_provider: string;
  readonly payment_token: string;
  readonly cancel_reason: string | null;
  readonly carrier: string | null;
  readonly tracking_number: string | null;
  readonly shipped_at: Date | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

interface LineRow {
  readonly order_id: string;
  readonly product_id: string;
  readonly variant_id: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unit_price: string;
  readonly currency: string;
}

/** Which orders a page holds: newest first, after the cursor's position. */
export interface OrderPageQuery {
  readonly limit: number;
  readonly customerId?: string;
  readonly status?: OrderStatus;
  /** The position of the last order of the previous page. */
  readonly after?: { readonly createdAt: string; readonly id: string };
}

/**
 * Orders and their lines. Reads outside a transaction go through the module's reader; changes run
 * in the caller's transaction.
 */
@Injectable()
export class OrderRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** An order by id, in `tx` when given. */
  async find(id: string, tx?: Transaction): Promise<Order | undefined> {
    if (!isUuid(id)) return undefined;
    return first(await (tx?.manager ?? this.uow.reader).query(`${SELECT} WHERE id = $1`, [id]));
  }

  /** An order locked for the rest of the transaction (take the saga's lock first, as every step does). */
  async lock(tx: Transaction, id: string): Promise<Order | undefined> {
    if (!isUuid(id)) return undefined;
    return first(await tx.manager.query(`${SELECT} WHERE id = $1 FOR UPDATE`, [id]));
  }

  /** Whether the customer's cart has an order that is not cancelled (the fast path of the unique index). */
  async hasLiveOrder(cartId: string, customerId: string): Promise<boolean> {
    const rows = (await this.uow.reader.query(
      `SELECT 1 FROM orders WHERE cart_id = $1 AND customer_id = $2 AND status <> 'cancelled'`,
      [cartId, customerId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Records a pending order with its lines; throws CartAlreadyOrdered if its cart has a live order. */
  async place(tx: Transaction, order: NewOrder, lines: readonly OrderLine[]): Promise<void> {
    const column = <T>(pick: (line: OrderLine) => T): T[] => lines.map(pick);
    try {
      await tx.manager.query(PLACE, [
        order.id,
        order.customerId,
        order.cartId,
        order.currency,
        order.totalAmount,
        order.itemCount,
        JSON.stringify(order.shippingAddress),
        order.paymentProvider,
        order.paymentToken,
        lines.map((_, i) => i + 1),
        column((l) => l.productId),
        column((l) => l.variantId),
        column((l) => l.sku),
        column((l) => l.title),
        column((l) => l.quantity),
        column((l) => l.unitPrice.amount),
        column((l) => l.unitPrice.currency),
        order.shippingAmount,
        order.shippingMethod?.id ?? null,
        order.shippingMethod?.name ?? null,
      ]);
    } catch (error) {
      // Another order claimed the cart meanwhile (a second tab, a double click): it waited for it.
      if (isViolationOf(error, LIVE_ORDER_OF_CART)) throw new CartAlreadyOrdered(order.cartId);
      throw error;
    }
  }

  /** Changes an order after it was placed (its status, cancellation, shipment). */
  async update(tx: Transaction, id: string, changes: OrderChanges): Promise<void> {
    const keys = Object.keys(changes) as (keyof OrderChanges)[];
    const sets = keys.map((key, i) => `, ${COLUMNS[key]} = $${i + 2}`).join('');
    await tx.manager.query(`UPDATE orders SET updated_at = now()${sets} WHERE id = $1`, [
      id,
      ...keys.map((key) => changes[key]),
    ]);
  }

  /** The lines of an order, in order. */
  async lines(orderId: string, tx?: Transaction): Promise<OrderLine[]> {
    return (await this.linesOf([orderId], tx)).get(orderId) ?? [];
  }

  /** The lines of several orders, by order id, each in order. */
  async linesOf(orderIds: readonly string[], tx?: Transaction): Promise<Map<string, OrderLine[]>> {
    const rows = (await (tx?.manager ?? this.uow.reader).query(
      `${SELECT_LINES} WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, line_no`,
      [orderIds],
    )) as LineRow[];
    const byOrder = new Map<string, OrderLine[]>();
    for (const row of rows) {
      const lines = byOrder.get(row.order_id) ?? [];
      if (lines.length === 0) byOrder.set(row.order_id, lines);
      lines.push(toLine(row));
    }
    return byOrder;
  }

  /** A page of orders, newest first (one more than `limit` when there are more). */
  async page(query: OrderPageQuery): Promise<Order[]> {
    const parameters: unknown[] = [];
    const param = (value: unknown): string => `$${parameters.push(value)}`;
    const conditions: string[] = [];
    if (query.customerId) conditions.push(`customer_id = ${param(query.customerId)}`);
    if (query.status) conditions.push(`status = ${param(query.status)}`);
    if (query.after) {
      const { createdAt, id } = query.after;
      conditions.push(`(created_at, id) < (${param(createdAt)}::timestamptz, ${param(id)}::uuid)`);
    }
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    const rows = (await this.uow.reader.query(
      `${SELECT}${where} ORDER BY created_at DESC, id DESC LIMIT ${param(query.limit + 1)}`,
      parameters,
    )) as OrderRow[];
    return rows.map(toOrder);
  }
}

function first(rows: unknown): Order | undefined {
  const [row] = rows as OrderRow[];
  return row && toOrder(row);
}

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    cartId: row.cart_id,
    status: row.status,
    currency: row.currency,
    totalAmount: minorUnits(row.total_amount),
    shippingAmount: minorUnits(row.shipping_amount),
    shippingMethod:
      row.shipping_method_id === null ? null : { id: row.shipping_method_id, name: row.shipping_method_name! },
    itemCount: row.item_count,
    shippingAddress: row.shipping_address,
    paymentProvider: row.payment_provider,
    paymentToken: row.payment_token,
    cancelReason: row.cancel_reason,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLine(row: LineRow): OrderLine {
  return {
    productId: row.product_id,
    variantId: row.variant_id,
    sku: row.sku,
    title: row.title,
    quantity: row.quantity,
    unitPrice: { amount: minorUnits(row.unit_price), currency: row.currency },
  };
}

function isViolationOf(error: unknown, constraint: string): boolean {
  const e = error as { driverError?: { code?: string; constraint?: string } };
  return e.driverError?.code === '23505' && e.driverError.constraint === constraint;
}
