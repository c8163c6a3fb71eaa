import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { BenchContext } from './context';
import { Figures, load } from './load';

const ADDRESS = { name: 'Bench Buyer', line1: '1 Load Street', city: 'Berlin', postalCode: '10115', country: 'DE' };

async function call(
  url: string,
  method: string,
  path: string,
  auth?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: auth } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A product of one variant with `stock` units, created through catalog's admin API. */
export async function createProduct(ctx: BenchContext, url: string, stock: number, price = 2500): Promise<string> {
  const body = await call(url, 'POST', '/catalog/products', ctx.bearer(['admin']), {
    title: `Bench product ${randomUUID()}`,
    description: 'Created by the benchmark suite',
    variants: [{ sku: `BENCH-${randomUUID()}`, title: 'One size', price: { amount: price, currency: 'EUR' }, stock }],
  });
  return (body.variants as { id: string }[])[0].id;
}

/**
 * A zone (Germany, where the bench's buyers live) with one enabled shipping method, a flat EUR 4.90;
 * the method's id. Checkout requires a method once any exists, so the scenario that measures checkout
 * without one removes it again ({@link removeShippingMethod}).
 */
export async function createShippingMethod(
  ctx: BenchContext,
  url: string,
): Promise<{ zoneId: string; methodId: string }> {
  const admin = ctx.bearer(['admin']);
  const zone = await call(url, 'POST', '/shipping/zones', admin, { name: `Bench ${randomUUID()}`, countries: ['DE'] });
  const method = await call(url, 'POST', '/shipping/methods', admin, {
    zoneId: zone.id,
    name: 'Bench standard',
    priceRules: [{ kind: 'flat', price: { amount: 490, currency: 'EUR' } }],
    estimate: { minDays: 1, maxDays: 3 },
  });
  return { zoneId: zone.id as string, methodId: method.id as string };
}

/** Deletes the method and its zone: with no method at all, checkout takes carts without one. */
export async function removeShippingMethod(
  ctx: BenchContext,
  url: string,
  shipping: { zoneId: string; methodId: string },
) {
  const admin = ctx.bearer(['admin']);
  await call(url, 'DELETE', `/shipping/methods/${shipping.methodId}`, admin);
  await call(url, 'DELETE', `/shipping/zones/${shipping.zoneId}`, admin);
}

export interface ReadyCart {
  readonly auth: string;
  readonly cartId: string;
}

/**
 * `count` customer accounts, written straight into accounts' table as a seeder would (signing up
 * through the API would spend the run hashing passwords). They cannot log in (no password hash
 * matches `!`); the bench signs their access tokens itself. Real accounts matter: the order
 * emails look the customer up, and an unknown one is retried until it is dead-lettered.
 */
export async function seedCustomers(ctx: BenchContext, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await ctx.sql.query(
    `INSERT INTO accounts.users (id, email, name, password_hash)
     SELECT id, 'bench-' || id || '@example.com', 'Bench Buyer', '!' FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  return ids;
}

/**
 * `count` customers, each with a cart holding `quantity` of `variantId` (8 at a time), and the
 * shipping method `shippingMethodId` chosen for Germany when given.
 */
export async function prepareCarts(
  ctx: BenchContext,
  url: string,
  variantId: string,
  quantity: number,
  count: number,
  shippingMethodId?: string,
): Promise<ReadyCart[]> {
  const carts: ReadyCart[] = [];
  const customers = await seedCustomers(ctx, count);
  const worker = async () => {
    for (let customer = customers.pop(); customer; customer = customers.pop()) {
      const auth = ctx.bearer(['customer'], customer);
      const cart = await call(url, 'POST', '/carts', auth);
      await call(url, 'POST', `/carts/${cart.id as string}/items`, auth, { variantId, quantity });
      if (shippingMethodId) {
        await call(url, 'PUT', `/carts/${cart.id as string}/shipping-method`, auth, {
          methodId: shippingMethodId,
          country: ADDRESS.country,
        });
      }
      carts.push({ auth, cartId: cart.id as string });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return carts;
}

/** Applies a promotion code to every cart (`POST /carts/:id/promotions`), 8 at a time. */
export async function applyPromotionCode(url: string, carts: readonly ReadyCart[], code: string): Promise<void> {
  const queue = [...carts];
  const worker = async () => {
    for (let cart = queue.pop(); cart; cart = queue.pop()) {
      await call(url, 'POST', `/carts/${cart.cartId}/promotions`, cart.auth, { code });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** An admin request to the app (the bench's own setup: tax rules, promotions). */
export function adminCall(ctx: BenchContext, url: string, method: string, path: string, body?: unknown) {
  return call(url, method, path, ctx.bearer(['admin']), body);
}

/** POST /orders: the order's id (202, pending). `token`: the sandbox card (`tok_visa:<x>` is a card of its own). */
export async function placeOrder(url: string, cart: ReadyCart, token = 'tok_visa'): Promise<string> {
  const body = await call(
    url,
    'POST',
    '/orders',
    cart.auth,
    { cartId: cart.cartId, shippingAddress: ADDRESS, payment: { provider: 'sandbox', token } },
    { 'idempotency-key': randomUUID() },
  );
  return body.id as string;
}

/**
 * Waits for orders to settle by polling the orders table for all of them at once every few
 * milliseconds (one cheap query instead of one HTTP poll per order, which would load the app).
 */
export class OrderWatcher {
  private readonly waiting = new Map<string, (status: string) => void>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(private readonly sql: Pool) {}

  settled(orderId: string): Promise<string> {
    const done = new Promise<string>((ok) => this.waiting.set(orderId, ok));
    this.timer ??= setInterval(() => void this.poll(), 5);
    return done;
  }

  private async poll(): Promise<void> {
    if (this.polling || this.waiting.size === 0) return;
    this.polling = true;
    try {
      const { rows } = await this.sql.query<{ id: string; status: string }>(
        `SELECT id, status FROM orders.orders WHERE id = ANY($1::uuid[]) AND status IN ('confirmed', 'cancelled')`,
        [[...this.waiting.keys()]],
      );
      for (const row of rows) {
        this.waiting.get(row.id)?.(row.status);
        this.waiting.delete(row.id);
      }
    } finally {
      this.polling = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * The bare one-transaction checkout (bench/baselines/bare-server.ts) under a closed loop of
 * `buyers` connections for `seconds`: one unit of `variantId` per order, a new customer each.
 */
export function bareCheckoutLoad(url: string, variantId: string, buyers: number, seconds: number): Promise<Figures> {
  return load({
    url,
    connections: buyers,
    seconds,
    request: () => ({
      method: 'POST',
      path: '/checkout',
      body: JSON.stringify({ variantId, quantity: 1, customerId: uuidv7() }),
    }),
  });
}
