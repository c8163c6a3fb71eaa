import { Injectable } from '@nestjs/common';
import { isUuid } from '../../../platform/ids';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { CheckoutSaga } from '../domain/checkout-saga';
import {
  CartAlreadyOrdered,
  NewOrder,
  Order,
  OrderChanges,
  OrderLine,
  OrderStatus,
  ShippingAddress,
} from '../domain/order';
import {
  OrderBreakdown,
  OrderPromotion,
  OrderPromotionShare,
  PricedOrderLine,
  PricedPart,
} from '../domain/order-breakdown';

/** The columns of an order: adding a field to `Order` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  customerId: 'customer_id',
  cartId: 'cart_id',
  status: 'status',
  currency: 'currency',
  totalAmount: 'total_amount',
  subtotalAmount: 'subtotal_amount',
  discountAmount: 'discount_amount',
  taxAmount: 'tax_amount',
  taxIncluded: 'tax_included',
  taxCountry: 'tax_country',
  shippingAmount: 'shipping_amount',
  shippingPricing: 'shipping_pricing',
  promotionCodes: 'promotion_codes',
  promotions: 'promotions',
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
/** An order's columns qualified with `alias`, for a statement that joins orders to another table. */
export const orderColumnsOf = (alias: string): string =>
  Object.values(COLUMNS)
    .flatMap((columns) => columns.split(', '))
    .map((column) => `${alias}.${column}`)
    .join(', ');
/** The columns of what a line paid (with its catalog categories): adding a field is a compile error until mapped. */
const PRICED_LINE_COLUMNS = {
  pricing: 'discount, tax, tax_rate_ppm, by_promotion',
  categoryIds: 'category_ids',
} as const satisfies Record<Exclude<keyof PricedOrderLine, keyof OrderLine>, string>;

/** A line's columns as SELECT_LINES reads them (and as a JSON object of them, row_to_json, maps to a line too). */
export const ORDER_LINE_COLUMNS = `order_id, line_no, refunded_units, ${[...Object.values(LINE_COLUMNS), ...Object.values(PRICED_LINE_COLUMNS)].join(', ')}`;
const SELECT_LINES = `SELECT ${ORDER_LINE_COLUMNS} FROM order_lines`;

/**
 * The order, its lines, its checkout saga and the timeline's first entry in one statement; the
 * unique index refuses a second live order of a cart.
 */
const PLACE = `
  WITH placed AS (
    INSERT INTO orders (id, customer_id, cart_id, status, currency, total_amount, item_count, shipping_address,
                        payment_provider, payment_token, shipping_amount, shipping_method_id, shipping_method_name,
                        subtotal_amount, discount_amount, tax_amount, tax_included, tax_country, shipping_pricing,
                        promotion_codes, promotions)
    VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7::jsonb, $8, $9, $18, $19, $20,
            $21, $22, $23, $24, $25, $26::jsonb, $27::text[], $28::jsonb) RETURNING id),
  saga AS (
    INSERT INTO checkout_sagas (order_id, state, promotions, stock_committed, payment_captured, step_deadline)
    SELECT id, $34, $35, $36, $37, $38 FROM placed),
  timeline AS (
    INSERT INTO order_timeline (order_id, status) SELECT id, 'pending' FROM placed)
  INSERT INTO order_lines (order_id, line_no, ${Object.values(LINE_COLUMNS).join(', ')},
                           discount, tax, tax_rate_ppm, by_promotion, category_ids)
  SELECT placed.id, l.* FROM placed,
    unnest($10::int[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::int[], $16::bigint[], $17::text[],
           $29::bigint[], $30::bigint[], $31::int[], $32::jsonb[], $33::jsonb[])
      AS l(line_no, product_id, variant_id, sku, title, quantity, unit_price, currency,
           discount, tax, tax_rate_ppm, by_promotion, category_ids)`;

/** The partial unique index that lets a cart have one order that is not cancelled. */
const LIVE_ORDER_OF_CART = 'orders_live_cart_uq';

/** An order as a statement returns it (see toOrder). */
export interface OrderRow {
  readonly id: string;
  readonly customer_id: string;
  readonly cart_id: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly total_amount: string;
  readonly subtotal_amount: string;
  readonly discount_amount: string;
  readonly tax_amount: string;
  readonly tax_included: boolean;
  readonly tax_country: string | null;
  readonly shipping_amount: string;
  readonly shipping_pricing: PricedPart | null;
  readonly promotion_codes: string[];
  readonly promotions: OrderPromotion[];
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

/** A line as a statement returns it; amounts as text, or as numbers when read from JSON (see toLine). */
export interface LineRow {
  readonly order_id: string;
  readonly product_id: string;
  readonly variant_id: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  readonly unit_price: string | number;
  readonly currency: string;
  readonly line_no: number;
  readonly refunded_units: number;
  readonly discount: string | number;
  readonly tax: string | number;
  readonly tax_rate_ppm: number;
  readonly by_promotion: OrderPromotionShare[];
  readonly category_ids: string[];
}

/** A line as refunds read it: its number, what it paid and how many units went back already. */
export interface RefundableLine extends PricedOrderLine {
  readonly lineNo: number;
  readonly refundedUnits: number;
}

/** Which orders a page holds: newest first, after the cursor's position. */
export interface OrderPageQuery {
  readonly limit: number;
  readonly customerId?: string;
  readonly status?: OrderStatus;
  /** Placed at or after this instant. */
  readonly placedFrom?: Date;
  /** Placed before this instant. */
  readonly placedTo?: Date;
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

  /**
   * Records a pending order with its lines and the breakdown they were priced with, starts its
   * checkout (`saga`) and its timeline (`pending`), in one statement; throws CartAlreadyOrdered if
   * its cart has a live order.
   */
  async place(tx: Transaction, order: NewOrder, breakdown: OrderBreakdown, saga: CheckoutSaga): Promise<void> {
    const lines = breakdown.lines;
    const column = <T>(pick: (line: PricedOrderLine) => T): T[] => lines.map(pick);
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
        order.subtotalAmount,
        order.discountAmount,
        order.taxAmount,
        order.taxIncluded,
        order.taxCountry,
        order.shippingPricing === null ? null : JSON.stringify(order.shippingPricing),
        order.promotionCodes,
        JSON.stringify(order.promotions),
        column((l) => l.pricing.discount),
        column((l) => l.pricing.tax),
        column((l) => l.pricing.taxRatePpm),
        column((l) => JSON.stringify(l.pricing.byPromotion)),
        column((l) => JSON.stringify(l.categoryIds)),
        saga.state,
        saga.promotions,
        saga.stockCommitted,
        saga.paymentCaptured,
        saga.stepDeadline,
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

  /** The lines of an order, in order, with what each paid. */
  async lines(orderId: string, tx?: Transaction): Promise<RefundableLine[]> {
    return (await this.linesOf([orderId], tx)).get(orderId) ?? [];
  }

  /** Records `units` more units of line `lineNo` refunded (the order is locked by the caller). */
  async recordRefundedUnits(tx: Transaction, orderId: string, lineNo: number, units: number): Promise<void> {
    await tx.manager.query(
      `UPDATE order_lines SET refunded_units = refunded_units + $3 WHERE order_id = $1 AND line_no = $2`,
      [orderId, lineNo, units],
    );
  }

  /** The lines of several orders, by order id, each in order, with what each paid. */
  async linesOf(orderIds: readonly string[], tx?: Transaction): Promise<Map<string, RefundableLine[]>> {
    const rows = (await (tx?.manager ?? this.uow.reader).query(
      `${SELECT_LINES} WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, line_no`,
      [orderIds],
    )) as LineRow[];
    const byOrder = new Map<string, RefundableLine[]>();
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
    if (query.placedFrom) conditions.push(`created_at >= ${param(query.placedFrom)}`);
    if (query.placedTo) conditions.push(`created_at < ${param(query.placedTo)}`);
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

/** Maps an order's row to the domain's Order. */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    cartId: row.cart_id,
    status: row.status,
    currency: row.currency,
    totalAmount: minorUnits(row.total_amount),
    subtotalAmount: minorUnits(row.subtotal_amount),
    discountAmount: minorUnits(row.discount_amount),
    taxAmount: minorUnits(row.tax_amount),
    taxIncluded: row.tax_included,
    taxCountry: row.tax_country,
    shippingAmount: minorUnits(row.shipping_amount),
    shippingPricing: row.shipping_pricing,
    promotionCodes: row.promotion_codes,
    promotions: row.promotions,
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

/** Maps a line's row (or its JSON object) to a RefundableLine. */
export function toLine(row: LineRow): RefundableLine {
  const unitPrice = minorUnits(row.unit_price);
  return {
    productId: row.product_id,
    variantId: row.variant_id,
    sku: row.sku,
    title: row.title,
    quantity: row.quantity,
    unitPrice: { amount: unitPrice, currency: row.currency },
    pricing: {
      amount: unitPrice * row.quantity,
      discount: minorUnits(row.discount),
      tax: minorUnits(row.tax),
      taxRatePpm: row.tax_rate_ppm,
      byPromotion: row.by_promotion,
    },
    categoryIds: row.category_ids,
    lineNo: row.line_no,
    refundedUnits: row.refunded_units,
  };
}

function isViolationOf(error: unknown, constraint: string): boolean {
  const e = error as { driverError?: { code?: string; constraint?: string } };
  return e.driverError?.code === '23505' && e.driverError.constraint === constraint;
}
