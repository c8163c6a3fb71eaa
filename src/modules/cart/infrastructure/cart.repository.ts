import { Injectable } from '@nestjs/common';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { Cart, CartStatus } from '../domain/cart';
import { CartLine } from '../domain/cart-line';

interface CartRow {
  id: string;
  customer_id: string | null;
  status: CartStatus;
  created_at: Date;
  updated_at: Date;
  lines: LineRow[];
  shipping_method_id: string | null;
  shipping_method_name: string | null;
  shipping_country: string | null;
  shipping_price_amount: string | number | null;
  shipping_price_currency: string | null;
  shipping_stale: boolean;
  promotion_codes: string[];
}

interface LineRow {
  id: string;
  variant_id: string;
  product_id: string;
  sku: string;
  title: string;
  quantity: number;
  unit_price_amount: string | number;
  unit_price_currency: string;
  accepted_price_amount: string | number;
  accepted_price_currency: string;
  price_checked_at: Date | string;
  added_at: Date | string;
  tax_category: string | null;
  category_ids: string[] | null;
}

/**
 * The columns of a cart line, in the order of SAVE_CART_SQL's unnest: adding a field to `CartLine`
 * is a compile error here (and in `toLine`) until it is mapped.
 */
const LINE_COLUMN_MAP = {
  id: 'id',
  variantId: 'variant_id',
  productId: 'product_id',
  sku: 'sku',
  title: 'title',
  quantity: 'quantity',
  unitPrice: 'unit_price_amount, unit_price_currency',
  acceptedUnitPrice: 'accepted_price_amount, accepted_price_currency',
  priceCheckedAt: 'price_checked_at',
  addedAt: 'added_at',
  taxCategory: 'tax_category',
  categoryIds: 'category_ids',
} as const satisfies Record<keyof CartLine, string>;
const LINE_COLUMNS = Object.values(LINE_COLUMN_MAP).join(', ');

/** The chosen shipping method's columns on `carts` (all null while none is chosen). */
const SHIPPING_COLUMNS =
  'c.shipping_method_id, c.shipping_method_name, c.shipping_country, c.shipping_price_amount, c.shipping_price_currency, c.shipping_stale';

/** A cart row with its lines as one JSON array: one round trip per read instead of two. */
const CART_WITH_LINES = `
  SELECT c.id, c.customer_id, c.status, c.created_at, c.updated_at, ${SHIPPING_COLUMNS}, c.promotion_codes,
         coalesce((SELECT json_agg(l ORDER BY l.added_at, l.id)
                     FROM (SELECT ${LINE_COLUMNS} FROM cart.cart_lines WHERE cart_id = c.id) l), '[]') AS lines
    FROM cart.carts c`;

/** `find` (and `findLocked`, after `LOCK_CART_SQL`): the cart and its lines by id. */
export const FIND_CART_SQL = `${CART_WITH_LINES} WHERE c.id = $1`;
/** The bench baseline's one-statement read and lock (it never has two changes of one cart waiting). */
export const FIND_CART_FOR_UPDATE_SQL = `${FIND_CART_SQL} FOR UPDATE OF c`;
/**
 * Locks a cart's row. `findLocked` runs it before reading the cart with its lines in a statement of
 * its own: `FIND_CART_FOR_UPDATE_SQL` alone, after waiting for another change's lock, re-reads the
 * cart row but evaluates its lines sub-select in the snapshot taken before the wait (PostgreSQL's
 * READ COMMITTED re-check), so it misses the lines that change committed.
 */
const LOCK_CART_SQL = `SELECT id FROM cart.carts WHERE id = $1 FOR UPDATE`;
const LOCK_OPEN_CART_SQL = `SELECT id FROM cart.carts WHERE customer_id = $1 AND status = 'open' FOR UPDATE`;
const FIND_OPEN_CART_SQL = `${CART_WITH_LINES} WHERE c.customer_id = $1 AND c.status = 'open'`;

/**
 * Saves a change in one statement: the cart row, the lines that changed (upserted) and the lines
 * that went (deleted). Lines that did not change are not rewritten.
 */
export const SAVE_CART_SQL = `
  WITH cart_row AS (
         UPDATE cart.carts SET customer_id = $2, status = $3, updated_at = $4, shipping_method_id = $18,
                shipping_method_name = $19, shipping_country = $20, shipping_price_amount = $21,
                shipping_price_currency = $22, shipping_stale = $23, promotion_codes = $24::text[]
          WHERE id = $1),
       removed AS (
         DELETE FROM cart.cart_lines WHERE cart_id = $1 AND id = ANY($5::uuid[])),
       upserted AS (
         INSERT INTO cart.cart_lines (cart_id, ${LINE_COLUMNS})
         -- category ids travel as one array literal per line ('{…}'): unnest flattens a 2-D array.
         SELECT $1, u.id, u.variant_id, u.product_id, u.sku, u.title, u.quantity, u.unit_amount, u.unit_currency,
                u.accepted_amount, u.accepted_currency, u.checked_at, u.added_at, u.tax_category, u.category_ids::uuid[]
           FROM unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::int[], $12::bigint[],
                       $13::text[], $14::bigint[], $15::text[], $16::timestamptz[], $17::timestamptz[], $25::text[],
                       $26::text[])
             AS u (id, variant_id, product_id, sku, title, quantity, unit_amount, unit_currency, accepted_amount,
                   accepted_currency, checked_at, added_at, tax_category, category_ids)
         ON CONFLICT (id) DO UPDATE SET sku = EXCLUDED.sku, title = EXCLUDED.title, quantity = EXCLUDED.quantity,
           unit_price_amount = EXCLUDED.unit_price_amount, unit_price_currency = EXCLUDED.unit_price_currency,
           accepted_price_amount = EXCLUDED.accepted_price_amount, accepted_price_currency = EXCLUDED.accepted_price_currency,
           price_checked_at = EXCLUDED.price_checked_at, tax_category = EXCLUDED.tax_category,
           category_ids = EXCLUDED.category_ids)
  SELECT 1`;

/** The parameters of SAVE_CART_SQL for `cart`, given the lines it had when it was read. */
export function saveCartParams(cart: Cart, before: readonly CartLine[]): unknown[] {
  const s = cart.snapshot();
  const kept = new Set(s.lines.map((l) => l.id));
  const previous = new Map(before.map((l) => [l.id, l]));
  const removed = before.filter((l) => !kept.has(l.id)).map((l) => l.id);
  const changed = s.lines.filter((l) => !sameLine(previous.get(l.id), l));
  const column = <T>(pick: (line: CartLine) => T): T[] => changed.map(pick);
  return [
    s.id,
    s.customerId,
    s.status,
    s.updatedAt,
    removed,
    column((l) => l.id),
    column((l) => l.variantId),
    column((l) => l.productId),
    column((l) => l.sku),
    column((l) => l.title),
    column((l) => l.quantity),
    column((l) => l.unitPrice.amount),
    column((l) => l.unitPrice.currency),
    column((l) => l.acceptedUnitPrice.amount),
    column((l) => l.acceptedUnitPrice.currency),
    column((l) => l.priceCheckedAt),
    column((l) => l.addedAt),
    s.shipping?.methodId ?? null,
    s.shipping?.name ?? null,
    s.shipping?.country ?? null,
    s.shipping?.price.amount ?? null,
    s.shipping?.price.currency ?? null,
    s.shipping?.stale ?? false,
    s.promotionCodes,
    column((l) => l.taxCategory),
    column((l) => `{${l.categoryIds.join(',')}}`),
  ];
}

function sameLine(a: CartLine | undefined, b: CartLine): boolean {
  return (
    a !== undefined &&
    a.sku === b.sku &&
    a.title === b.title &&
    a.quantity === b.quantity &&
    a.unitPrice.amount === b.unitPrice.amount &&
    a.unitPrice.currency === b.unitPrice.currency &&
    a.acceptedUnitPrice.amount === b.acceptedUnitPrice.amount &&
    a.acceptedUnitPrice.currency === b.acceptedUnitPrice.currency &&
    a.priceCheckedAt.getTime() === b.priceCheckedAt.getTime() &&
    a.taxCategory === b.taxCategory &&
    a.categoryIds.join(',') === b.categoryIds.join(',')
  );
}

/**
 * Carts and their lines in the cart schema. Plain parameterized SQL rather than the ORM's entity
 * path: adding to a cart and reading it are the hot paths (docs/architecture.md §10).
 */
@Injectable()
export class CartRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The cart and its lines, read outside any transaction; undefined when there is none. */
  async find(id: string): Promise<Cart | undefined> {
    return firstCart(await this.uow.reader.query(FIND_CART_SQL, [id]));
  }

  /** The cart and its lines, locked (FOR UPDATE) for the rest of `tx`. */
  async findLocked(tx: Transaction, id: string): Promise<Cart | undefined> {
    const locked = (await tx.manager.query(LOCK_CART_SQL, [id])) as unknown[];
    if (locked.length === 0) return undefined;
    // A statement of its own, so it sees what a change that held the lock before committed.
    return firstCart(await tx.manager.query(FIND_CART_SQL, [id]));
  }

  /** The customer's open cart, read outside any transaction. */
  async findOpenOf(customerId: string): Promise<Cart | undefined> {
    return firstCart(await this.uow.reader.query(FIND_OPEN_CART_SQL, [customerId]));
  }

  /** The customer's open cart, locked for the rest of `tx`. */
  async findOpenOfLocked(tx: Transaction, customerId: string): Promise<Cart | undefined> {
    const [locked] = (await tx.manager.query(LOCK_OPEN_CART_SQL, [customerId])) as { id: string }[];
    if (!locked) return undefined;
    return firstCart(await tx.manager.query(FIND_CART_SQL, [locked.id]));
  }

  /** Inserts a new cart; false when the customer already has an open one (nothing written). */
  async insert(tx: Transaction, cart: Cart): Promise<boolean> {
    const s = cart.snapshot();
    const inserted = (await tx.manager.query(
      `INSERT INTO cart.carts (id, customer_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [s.id, s.customerId, s.status, s.createdAt, s.updatedAt],
    )) as unknown[];
    return inserted.length === 1;
  }

  /**
   * Writes the cart's state in one statement: `before` are its lines as read (none for a cart
   * just inserted); only the lines that changed since are written, and the ones that went deleted.
   */
  async save(tx: Transaction, cart: Cart, before: readonly CartLine[]): Promise<void> {
    await tx.manager.query(SAVE_CART_SQL, saveCartParams(cart, before));
  }

  /**
   * Sets the current price of variants on every open cart's lines, in one statement (a popular
   * product may sit in many carts). The accepted price stays, so the change is flagged.
   */
  async applyPrices(
    tx: Transaction,
    prices: readonly { variantId: string; price: { amount: number; currency: string } }[],
    at: Date,
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE cart.cart_lines l
          SET unit_price_amount = p.amount, unit_price_currency = p.currency, price_checked_at = $4
         FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS p (variant_id, amount, currency), cart.carts c
        WHERE l.variant_id = p.variant_id AND c.id = l.cart_id AND c.status = 'open'`,
      [prices.map((p) => p.variantId), prices.map((p) => p.price.amount), prices.map((p) => p.price.currency), at],
    );
  }

  /** Sets a product's category ids and tax category on every open cart's lines of it, in one statement. */
  async applyProductFacts(
    tx: Transaction,
    productId: string,
    facts: { categoryIds: readonly string[]; taxCategory: string | null },
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE cart.cart_lines l SET category_ids = $2::uuid[], tax_category = $3
         FROM cart.carts c
        WHERE l.product_id = $1 AND c.id = l.cart_id AND c.status = 'open'`,
      [productId, facts.categoryIds, facts.taxCategory],
    );
  }

  /**
   * Records that an order empties a cart and, when that order was not recorded before, locks the
   * cart and reads it with its lines (as `findLocked`): the record and the lock in one statement
   * (the record first: a repeat of the order waits on it, then locks nothing), the read in a second.
   * `claimed` is false for a repeat; `cart` is undefined when there is no such cart.
   */
  async claimCheckout(
    tx: Transaction,
    orderId: string,
    cartId: string,
  ): Promise<{ claimed: boolean; cart: Cart | undefined }> {
    const [row] = (await tx.manager.query(
      `WITH claimed AS (
         INSERT INTO cart.cart_checkouts (order_id, cart_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING order_id)
       SELECT EXISTS (SELECT 1 FROM claimed) AS claimed,
              (SELECT c.id FROM cart.carts c WHERE c.id = $2 AND EXISTS (SELECT 1 FROM claimed) FOR UPDATE) AS locked`,
      [orderId, cartId],
    )) as { claimed: boolean; locked: string | null }[];
    if (!row.claimed || row.locked === null) return { claimed: row.claimed, cart: undefined };
    // A statement of its own, so it sees what a change that held the lock before committed.
    return { claimed: true, cart: firstCart(await tx.manager.query(FIND_CART_SQL, [cartId])) };
  }

  /** Deletes guest carts (open or claimed) untouched since `before`; returns how many. */
  async deleteGuestCartsIdleSince(tx: Transaction, before: Date): Promise<number> {
    const result = (await tx.manager.query(
      `DELETE FROM cart.carts WHERE customer_id IS NULL AND updated_at < $1 RETURNING id`,
      [before],
    )) as unknown;
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length;
  }
}

function firstCart(rows: readonly CartRow[]): Cart | undefined {
  return rows[0] && toCart(rows[0]);
}

function toCart(row: CartRow): Cart {
  return Cart.restore({
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: row.lines.map(toLine),
    shipping:
      row.shipping_method_id === null
        ? null
        : {
            methodId: row.shipping_method_id,
            name: row.shipping_method_name!,
            country: row.shipping_country!,
            price: { amount: minorUnits(row.shipping_price_amount!), currency: row.shipping_price_currency! },
            stale: row.shipping_stale,
          },
    promotionCodes: row.promotion_codes ?? [],
  });
}

function toLine(row: LineRow): CartLine {
  return {
    id: row.id,
    variantId: row.variant_id,
    productId: row.product_id,
    sku: row.sku,
    title: row.title,
    quantity: row.quantity,
    unitPrice: { amount: minorUnits(row.unit_price_amount), currency: row.unit_price_currency },
    acceptedUnitPrice: { amount: minorUnits(row.accepted_price_amount), currency: row.accepted_price_currency },
    priceCheckedAt: new Date(row.price_checked_at),
    addedAt: new Date(row.added_at),
    taxCategory: row.tax_category,
    categoryIds: row.category_ids ?? [],
  };
}
