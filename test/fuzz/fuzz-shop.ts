import { signWebhook } from '../../src/platform/webhooks';
import { FAST_HASHING } from '../accounts/accounts-test-kit';
import { Shop } from '../support/shop';
import { Headers } from '../support/shop-steps';
import { createTestApp, TestApp } from '../support/test-app';

export const ADMIN = { email: 'fuzz-admin@example.com', password: 'Fuzzy-Admin-Lantern-42' };
export const SANDBOX_SECRET = 'whsec_fuzz_sandbox_secret_of_at_least_32_chars';
export const STRIPE_SECRET = 'whsec_fuzz_stripe_secret_of_at_least_32_chars';

/** The real ids the fuzzer puts in path parameters and body fields, so requests reach the handlers. */
export interface FuzzFixtures {
  readonly admin: Headers;
  readonly customer: Headers;
  /** Two more customers, for the probes of routes that may end the caller's sessions. */
  readonly spare: readonly [Headers, Headers];
  readonly customerId: string;
  readonly productId: string;
  readonly variantId: string;
  readonly categoryId: string;
  readonly cartId: string;
  readonly itemId: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly addressId: string;
  /** A shipping zone, for the method routes' `zoneId`. */
  readonly zoneId: string;
}

/** The whole app with a real admin (ADMIN_EMAIL), both webhook providers configured, login limits out of the way. */
export function startFuzzApp(): Promise<TestApp> {
  return createTestApp({
    env: {
      ...FAST_HASHING,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SANDBOX_WEBHOOK_SECRET: SANDBOX_SECRET,
      // The sandbox carrier signs with the same header; one secret lets signed probes reach both handlers.
      SHIPPING_SANDBOX_WEBHOOK_SECRET: SANDBOX_SECRET,
      STRIPE_API_KEY: 'sk_test_fuzz_never_called',
      STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '1000000',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
    },
  });
}

/** A shop with one of everything: a product in a category, a confirmed order and its payment, an address. */
export async function makeFixtures(shop: Shop): Promise<FuzzFixtures> {
  const admin = await shop.login(ADMIN.email, ADMIN.password);
  const customer = await shop.signUp();
  const category = await shop.request('POST', '/catalog/categories', admin, { name: 'Fuzzed things' });
  const product = await shop.request('POST', '/catalog/products', admin, {
    title: 'A fuzzed product',
    description: 'Bought once so that orders, payments and recommendations have something',
    categoryIds: [category.body.id],
    variants: [{ sku: 'FUZZ-1', title: 'Default', price: { amount: 2500, currency: 'EUR' }, stock: 1000 }],
  });
  const productId: string = product.body.id;
  const variantId: string = product.body.variants?.[0]?.id;
  const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
  const order = await shop.placeOrder(customer.auth, cartId);
  await shop.orderUntil(customer.auth, order.body.id, ['confirmed']);
  const payments = await shop.request('GET', `/payments?orderId=${order.body.id}`, customer.auth);
  // A cart with a line for the cart-item routes, once checkout has cleared the first (eventually).
  await shop.eventually(async () => {
    const checkedOut = await shop.request('GET', `/carts/${cartId}`, customer.auth);
    return checkedOut.status === 404 || checkedOut.body.items?.length === 0;
  }, 'the checked-out cart is cleared');
  const open = await shop.request('POST', '/carts', customer.auth);
  const openCart: string = open.body.id;
  const cart = await shop.request('POST', `/carts/${openCart}/items`, customer.auth, { variantId, quantity: 1 });
  const address = await shop.request('POST', '/accounts/me/addresses', customer.auth, {
    name: 'Ada Lovelace',
    line1: '12 St James Square',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
  });
  const zone = await shop.request('POST', '/shipping/zones', admin, { name: 'Fuzzed zone', countries: ['DE'] });
  const ids = {
    zoneId: zone.body.id,
    categoryId: category.body.id,
    paymentId: payments.body.items?.[0]?.id,
    itemId: cart.body.items?.[0]?.id,
    addressId: address.body.id,
  };
  for (const [name, id] of Object.entries(ids)) {
    if (typeof id !== 'string') throw new Error(`fixture ${name} was not made`);
  }
  return {
    admin,
    customer: customer.auth,
    spare: [(await shop.signUp()).auth, (await shop.signUp()).auth],
    customerId: customer.id,
    productId,
    variantId,
    cartId: openCart,
    orderId: order.body.id,
    ...(ids as Record<keyof typeof ids, string>),
  };
}

/** A valid signature header for each provider's webhooks, over exactly these bytes. */
export function webhookSignature(provider: string, payload: string): Headers {
  const now = Math.floor(Date.now() / 1000);
  if (provider === 'sandbox') return { 'sandbox-signature': signWebhook(payload, SANDBOX_SECRET, now) };
  if (provider === 'stripe') return { 'stripe-signature': signWebhook(payload, STRIPE_SECRET, now) };
  return {};
}
