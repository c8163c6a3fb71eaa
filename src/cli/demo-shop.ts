import { createApp } from '../create-app';
import { demoProduct } from '../modules/catalog/infrastructure/seed/demo-catalog';
import { AppConfig, loadConfig } from '../platform/config';
import { DatabaseTarget } from '../platform/database';

/** The password of every demo customer (they exist only in a development shop). */
export const DEMO_PASSWORD = 'demo-shopper-password';

const CUSTOMERS = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
  'Margaret Hamilton',
  'Tim Berners-Lee',
  'Radia Perlman',
  'Ken Thompson',
  'Frances Allen',
];

const ADDRESS = {
  name: 'Demo Customer',
  line1: '1 Market Street',
  city: 'Lisbon',
  postalCode: '1100-148',
  country: 'PT',
};

export const demoEmail = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.arcade.localhost`;

/**
 * Products of the n-th order of customer k: two or three from one category's first six demo
 * products, so that what is bought together repeats across customers (recommendations learn it).
 */
function basketFor(k: number, n: number, productCount: number): number[] {
  const category = (k * 2 + n) % 10;
  const pool = [0, 1, 2, 3, 4, 5].map((i) => category + i * 10).filter((i) => i < productCount);
  if (pool.length === 0) return [];
  const picks = [k + n, k + n + 1, ...(k % 2 === 0 ? [k + n + 3] : [])].map((i) => pool[i % pool.length]);
  return [...new Set(picks)];
}

type Call = (
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{
  status: number;
  // The shop's JSON answers; what is read from them is checked where it is read.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}>;

/**
 * Fills a development shop through its public API, in this process: demo customers sign up and
 * place past orders (carts, sandbox card payments) that go through the checkout saga and the
 * message bus like any other, so that the admin views, the mailbox and the recommendations have
 * something to show. Idempotent: a customer who already has orders is left alone.
 */
export async function seedDemoShop(
  config: AppConfig,
  database: DatabaseTarget,
  productCount: number,
  log: (line: string) => void,
): Promise<void> {
  const app = await createApp(
    loadConfig({
      ...config.source,
      LOG_LEVEL: config.source.LOG_LEVEL ?? 'warn',
      DEV_ADMIN: 'false',
      // Nothing listens here for the sandbox's webhooks; its answers are synchronous anyway.
      SANDBOX_WEBHOOK_DELIVERY: 'false',
    }),
    { database },
  );
  const call: Call = async (method, url, token, body, headers = {}) => {
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  try {
    const placed: { id: string; status: string }[] = [];
    let newCustomers = 0;
    for (const [k, name] of CUSTOMERS.entries()) {
      const email = demoEmail(name);
      const signup = await call('POST', '/accounts/signup', undefined, { email, password: DEMO_PASSWORD, name });
      if (signup.status === 201) newCustomers += 1;
      else if (signup.status !== 409)
        throw new Error(`signing up ${email}: ${signup.status} ${JSON.stringify(signup.body)}`);
      const login = await call('POST', '/accounts/login', undefined, { email, password: DEMO_PASSWORD });
      if (login.status !== 200) {
        log(`  ${email} exists with another password: left alone`);
        continue;
      }
      const token: string = login.body.accessToken;
      if ((await call('GET', '/orders?limit=1', token)).body.items.length > 0) continue;
      // One after the other: a customer has one cart, emptied when the order before is confirmed.
      for (let n = 0; n < 1 + (k % 3); n += 1) {
        const id = await placeOrder(call, token, basketFor(k, n, productCount), `demo-order-${k}-${n}`);
        if (id) placed.push({ id, status: await settled(call, token, id) });
      }
    }
    const confirmed = placed.filter((order) => order.status === 'confirmed').length;
    await learned(call);
    log(
      `Demo shop: ${CUSTOMERS.length} customers (${newCustomers} new), ${placed.length} orders placed now (${confirmed} confirmed).`,
    );
    log(`  Customers log in as e.g. ${demoEmail(CUSTOMERS[0])} with the password ${DEMO_PASSWORD}.`);
  } finally {
    await app.close();
  }
}

async function placeOrder(call: Call, token: string, basket: number[], key: string): Promise<string | undefined> {
  const cart = await emptyCart(call, token);
  let lines = 0;
  for (const index of basket) {
    const product = await call('GET', `/catalog/products/${demoProduct(index).slug}`);
    const variant =
      product.status === 200 ? product.body.variants.find((v: { available: number }) => v.available > 0) : undefined;
    if (!variant) continue;
    const added = await call('POST', `/carts/${cart.id}/items`, token, { variantId: variant.id, quantity: 1 });
    if (added.status === 201) lines += 1;
  }
  if (lines === 0) return undefined;
  // The cheapest method for the address, as a customer would choose it (npm run seed adds a default one).
  const options = await call('GET', `/shipping/options?cartId=${cart.id}&country=${ADDRESS.country}`, token);
  const method = options.status === 200 ? options.body.items[0] : undefined;
  if (method) {
    const chosen = await call('PUT', `/carts/${cart.id}/shipping-method`, token, {
      methodId: method.methodId,
      country: ADDRESS.country,
    });
    if (chosen.status !== 200) throw new Error(`choosing shipping: ${chosen.status} ${JSON.stringify(chosen.body)}`);
  }
  const order = await call(
    'POST',
    '/orders',
    token,
    { cartId: cart.id, shippingAddress: ADDRESS, payment: { provider: 'sandbox', token: 'tok_visa' } },
    { 'idempotency-key': key },
  );
  if (order.status !== 202) throw new Error(`placing an order: ${order.status} ${JSON.stringify(order.body)}`);
  return order.body.id;
}

/**
 * The customer's open cart, empty. After an order is confirmed its cart is closed a moment later
 * (the saga's last step): until then the old cart, with the order's lines, is still the open one.
 * Lines left after a few seconds (an earlier run stopped mid-way) are removed.
 */
async function emptyCart(call: Call, token: string): Promise<{ id: string }> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const cart = await call('POST', '/carts', token);
    if (cart.status !== 201 && cart.status !== 200) {
      throw new Error(`opening a cart: ${cart.status} ${JSON.stringify(cart.body)}`);
    }
    const items = cart.body.items as { id: string }[];
    if (items.length === 0) return cart.body;
    if (Date.now() > deadline) {
      for (const item of items) await call('DELETE', `/carts/${cart.body.id}/items/${item.id}`, token);
      return cart.body;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for the checkout saga to finish an order; its final status. */
async function settled(call: Call, token: string, orderId: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await call('GET', `/orders/${orderId}`, token);
    if (body.status !== 'pending' || Date.now() > deadline) return body.status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until recommendations has learned from the confirmed orders (their events are delivered). */
async function learned(call: Call): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { body } = await call('GET', '/recommendations/popular?limit=1');
    if (body.items?.[0]?.product) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
