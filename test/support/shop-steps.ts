import { randomUUID } from 'node:crypto';

// Test code reads loosely typed JSON answers; the assertions are the types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
export type Headers = Record<string, string>;

export interface Answer {
  readonly status: number;
  readonly body: Json;
}

/** The password of every shopper `signUp` makes. */
export const SHOPPER_PASSWORD = 'Quiet-Lantern-42-Orbit';
const PASSWORD = SHOPPER_PASSWORD;

/**
 * A shopper's and an admin's steps through the public HTTP API, whatever carries the requests:
 * Shop injects them into an app in this process, HttpShop sends them over real sockets.
 */
export abstract class ShopSteps<A extends Answer = Answer> {
  protected constructor(
    /** How long polls wait by default, and between tries. */
    private readonly timeoutMs: number,
    private readonly pollMs: number,
  ) {}

  abstract request(method: string, path: string, headers?: Headers, body?: unknown): Promise<A>;

  /**
   * When set, `cartWith` chooses this shipping method (for Germany, where `placeOrder` ships) once
   * the lines are in: a shop with an enabled method requires one at checkout.
   */
  shippingMethodId: string | undefined;

  async login(email: string, password: string): Promise<Headers> {
    const login = await this.request('POST', '/accounts/login', {}, { email, password });
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
    return { authorization: `Bearer ${login.body.accessToken}` };
  }

  /** A signed-up, logged-in customer (the real accounts module) with an Authorization header. */
  async signUp(): Promise<{ id: string; email: string; auth: Headers }> {
    const email = `shopper-${randomUUID()}@example.com`;
    const signup = await this.request('POST', '/accounts/signup', {}, { email, password: PASSWORD, name: 'Shopper' });
    if (signup.status !== 201) throw new Error(`signup answered ${signup.status}: ${JSON.stringify(signup.body)}`);
    return { id: signup.body.id, email, auth: await this.login(email, PASSWORD) };
  }

  protected async productAs(
    admin: Headers,
    stock: number,
    price: number,
  ): Promise<{ productId: string; variantId: string }> {
    const sku = `SKU-${randomUUID().slice(0, 8)}`;
    const { status, body } = await this.request('POST', '/catalog/products', admin, {
      title: `Product ${sku}`,
      description: 'A thing to buy in tests',
      variants: [{ sku, title: 'Default', price: { amount: price, currency: 'EUR' }, stock }],
    });
    if (status !== 201) throw new Error(`creating a product answered ${status}: ${JSON.stringify(body)}`);
    return { productId: body.id, variantId: body.variants[0].id };
  }

  async available(productId: string): Promise<number> {
    return (await this.request('GET', `/catalog/products/${productId}`)).body.variants[0].available;
  }

  async cartWith(auth: Headers, lines: { variantId: string; quantity: number }[]): Promise<string> {
    const cart = await this.request('POST', '/carts', auth);
    if (cart.status !== 201) throw new Error(`creating a cart answered ${cart.status}: ${JSON.stringify(cart.body)}`);
    for (const line of lines) {
      const added = await this.request('POST', `/carts/${cart.body.id}/items`, auth, line);
      if (added.status !== 201) throw new Error(`adding answered ${added.status}: ${JSON.stringify(added.body)}`);
    }
    if (this.shippingMethodId && lines.length > 0) {
      const chosen = await this.chooseShipping(auth, cart.body.id, this.shippingMethodId);
      if (chosen.status !== 200) throw new Error(`choosing answered ${chosen.status}: ${JSON.stringify(chosen.body)}`);
    }
    return cart.body.id;
  }

  /**
   * A shipping zone of `countries` with one enabled method priced by `priceRules` (EUR by default: a
   * flat 4.90), made by an admin; returns the method's id.
   */
  protected async shippingMethodAs(
    admin: Headers,
    priceRules: unknown[] = [{ kind: 'flat', price: { amount: 490, currency: 'EUR' } }],
    countries: string[] = ['DE', 'AT', 'FR'],
    name = 'Standard',
  ): Promise<string> {
    const zone = await this.request('POST', '/shipping/zones', admin, { name: `Zone ${randomUUID()}`, countries });
    if (zone.status !== 201) throw new Error(`creating a zone answered ${zone.status}: ${JSON.stringify(zone.body)}`);
    const method = await this.request('POST', '/shipping/methods', admin, {
      zoneId: zone.body.id,
      name,
      priceRules,
      estimate: { minDays: 2, maxDays: 4 },
    });
    if (method.status !== 201) {
      throw new Error(`creating a method answered ${method.status}: ${JSON.stringify(method.body)}`);
    }
    return method.body.id;
  }

  /** Chooses a shipping method for the cart (`PUT /carts/:id/shipping-method`); the answer as it came. */
  chooseShipping(auth: Headers, cartId: string, methodId: string, country = 'DE'): Promise<A> {
    return this.request('PUT', `/carts/${cartId}/shipping-method`, auth, { methodId, country });
  }

  placeOrder(auth: Headers, cartId: string, token = 'tok_visa', key: string = randomUUID()): Promise<A> {
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
  async orderUntil(auth: Headers, orderId: string, statuses: string[], timeoutMs = this.timeoutMs): Promise<Json> {
    let last: Json = {};
    await this.eventually(
      async () => {
        last = (await this.request('GET', `/orders/${orderId}`, auth)).body;
        return statuses.includes(last.status);
      },
      () => `order ${orderId} ${statuses.join('/')}; last seen ${JSON.stringify(last)}`,
      timeoutMs,
    );
    return last;
  }

  async paymentStatuses(auth: Headers, orderId: string): Promise<string[]> {
    const { status, body } = await this.request('GET', `/payments?orderId=${orderId}`, auth);
    if (status !== 200) throw new Error(`payments answered ${status}: ${JSON.stringify(body)}`);
    return (body.items ?? []).map((payment: { status: string }) => payment.status);
  }

  /** Polls until `check` passes (the saga's last steps and the read models are eventual). */
  async eventually(
    check: () => Promise<boolean>,
    what: string | (() => string),
    timeoutMs = this.timeoutMs,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not in time: ${typeof what === 'string' ? what : what()}`);
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }
}
