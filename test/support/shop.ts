import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { bearer } from './auth';

// Test code reads loosely typed JSON answers; the assertions are the types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Small steps of a shopper's and an admin's journey through the public HTTP API. */
export class Shop {
  constructor(readonly app: NestFastifyApplication) {}

  readonly admin = () => bearer(this.app, ['admin']);

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
    payload?: unknown,
  ) {
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: response.statusCode,
      body: response.body ? (response.json() as Json) : {},
      headers: response.headers,
    };
  }

  async createProduct(stock: number, price = 2500): Promise<{ productId: string; variantId: string }> {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    const { status, body } = await this.request('POST', '/catalog/products', this.admin(), {
      title: `Product ${sku}`,
      description: 'A thing to buy in tests',
      variants: [{ sku, title: 'Default', price: { amount: price, currency: 'EUR' }, stock }],
    });
    if (status !== 201) throw new Error(`creating a product answered ${status}: ${JSON.stringify(body)}`);
    return { productId: body.id, variantId: body.variants[0].id };
  }

  async available(productId: string): Promise<number> {
    const { body } = await this.request('GET', `/catalog/products/${productId}`);
    return body.variants[0].available;
  }

  /** A signed-up, logged-in customer (real accounts module) with an Authorization header. */
  async customer(): Promise<{ id: string; email: string; auth: Record<string, string> }> {
    const email = `shopper-${randomUUID()}@example.com`;
    const signup = await this.request(
      'POST',
      '/accounts/signup',
      {},
      { email, password: 'Quiet-Lantern-42-Orbit', name: 'Shopper' },
    );
    if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${JSON.stringify(signup.body)}`);
    const login = await this.request('POST', '/accounts/login', {}, { email, password: 'Quiet-Lantern-42-Orbit' });
    return { id: signup.body.id, email, auth: { authorization: `Bearer ${login.body.accessToken}` } };
  }

  async cartWith(auth: Record<string, string>, variantId: string, quantity: number): Promise<string> {
    const cart = await this.request('POST', '/carts', auth);
    const added = await this.request('POST', `/carts/${cart.body.id}/items`, auth, { variantId, quantity });
    if (added.status !== 201) throw new Error(`adding to cart answered ${added.status}: ${JSON.stringify(added.body)}`);
    return cart.body.id;
  }

  placeOrder(auth: Record<string, string>, cartId: string, token = 'tok_visa', key: string = randomUUID()) {
    return this.request(
      'POST',
      '/orders',
      { ...auth, 'idempotency-key': key },
      {
        cartId,
        shippingAddress: {
          name: 'Ada Lovelace',
          line1: '1 Analytical Way',
          city: 'Berlin',
          postalCode: '10115',
          country: 'DE',
        },
        payment: { provider: 'sandbox', token },
      },
    );
  }

  /** Polls an order until it reaches one of the statuses. */
  async orderUntil(
    auth: Record<string, string>,
    orderId: string,
    statuses: string[],
    timeoutMs = 20_000,
  ): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.request('GET', `/orders/${orderId}`, auth);
      if (statuses.includes(body.status)) return body;
      if (Date.now() > deadline)
        throw new Error(
          `order ${orderId} is ${body.status}, not ${statuses.join('/')}: ${JSON.stringify(body.timeline)}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Polls until `check` passes (eventual effects of the saga's last steps). */
  async eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
