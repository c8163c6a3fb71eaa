import { Json } from '../../support/shop-steps';
import { Headers, HttpShop } from '../../e2e/support/http-shop';

export interface Shopper {
  readonly auth: Headers;
  readonly cartId: string;
}

export interface PlacedOrder {
  readonly auth: Headers;
  readonly orderId: string;
}

/** Shoppers signed up with a cart holding `quantity` of one variant each, ready to check out. */
export async function prepareShoppers(
  shop: HttpShop,
  count: number,
  variantId: string,
  quantity = 1,
): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  for (let i = 0; i < count; i++) {
    const { auth } = await shop.signUp();
    shoppers.push({ auth, cartId: await shop.cartWith(auth, [{ variantId, quantity }]) });
  }
  return shoppers;
}

/**
 * Places one checkout every `gapMs`, and starts `disrupt` (not awaited by the stream) right after
 * the `disruptAfter`-th one, so that the disruption hits sagas at every stage.
 */
export async function streamOfCheckouts(
  shop: HttpShop,
  shoppers: readonly Shopper[],
  options: { gapMs: number; disruptAfter: number; disrupt: (placedSoFar: readonly PlacedOrder[]) => Promise<void> },
): Promise<{ placed: PlacedOrder[]; refused: Json[]; refusedShoppers: Shopper[]; disruption: Promise<void> }> {
  const placed: PlacedOrder[] = [];
  const refused: Json[] = [];
  const refusedShoppers: Shopper[] = [];
  let disruption: Promise<void> = Promise.resolve();
  for (const [index, shopper] of shoppers.entries()) {
    const answer = await shop.placeOrder(shopper.auth, shopper.cartId);
    if (answer.status === 202) placed.push({ auth: shopper.auth, orderId: answer.body.id });
    else {
      refused.push({ status: answer.status, body: answer.body });
      refusedShoppers.push(shopper);
    }
    if (index + 1 === options.disruptAfter) disruption = options.disrupt(placed);
    await new Promise((r) => setTimeout(r, options.gapMs));
  }
  return { placed, refused, refusedShoppers, disruption };
}

/** Confirmed with every step done (stock committed, payment captured), or cancelled. */
export async function settled(shop: HttpShop, order: PlacedOrder, timeoutMs: number): Promise<Json> {
  let last: Json = {};
  await shop.eventually(
    async () => {
      last = (await shop.request('GET', `/orders/${order.orderId}`, order.auth)).body;
      const done = (status: string) => (last.timeline ?? []).some((e: { status: string }) => e.status === status);
      return (
        last.status === 'cancelled' ||
        (last.status === 'confirmed' && done('payment_captured') && done('stock_committed'))
      );
    },
    () => `order ${order.orderId} settled; last seen ${JSON.stringify(last)}`,
    timeoutMs,
  );
  return last;
}

/**
 * The guarantees after a disruption: every order ended confirmed or cancelled; stock moved by
 * exactly the confirmed quantities; a confirmed order has one captured payment, a cancelled one
 * holds no money (no authorization left open, nothing captured).
 */
export async function expectConsistent(
  shop: HttpShop,
  orders: readonly PlacedOrder[],
  product: { productId: string; initialStock: number; quantity: number },
  timeoutMs: number,
): Promise<{ confirmed: number; cancelled: number; reasons: Record<string, number> }> {
  const finals = await Promise.all(orders.map((order) => settled(shop, order, timeoutMs)));
  const confirmed = finals.filter((order) => order.status === 'confirmed').length;
  const reasons: Record<string, number> = {};
  for (const order of finals.filter((o) => o.status === 'cancelled'))
    reasons[order.cancelReason] = (reasons[order.cancelReason] ?? 0) + 1;

  await shop.eventually(
    async () => (await shop.available(product.productId)) === product.initialStock - confirmed * product.quantity,
    'stock equals what the confirmed orders took',
    timeoutMs,
  );
  for (const [index, order] of finals.entries()) {
    const auth = orders[index].auth;
    if (order.status === 'confirmed') {
      await shop.eventually(
        async () => (await shop.paymentStatuses(auth, order.id)).join() === 'captured',
        `order ${order.id}: one captured payment`,
        timeoutMs,
      );
    } else {
      await shop.eventually(
        async () => (await shop.paymentStatuses(auth, order.id)).every((s) => !['authorized', 'captured'].includes(s)),
        `cancelled order ${order.id}: no money held`,
        timeoutMs,
      );
    }
  }
  return { confirmed, cancelled: finals.length - confirmed, reasons };
}

/**
 * The provider's side of the same story, read from payments' own database: no authorization left
 * open, nothing captured twice or for more than its amount, at most one charge per order.
 */
export async function providerLedger(paymentsDatabaseUrl: string): Promise<{
  charges: number;
  open: number;
  overCaptured: number;
  ordersChargedTwice: number;
  paymentsNotMatchingCharges: number;
}> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: paymentsDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT
        (SELECT count(*)::int FROM payments.sandbox_charges) AS charges,
        (SELECT count(*)::int FROM payments.sandbox_charges WHERE status = 'authorized') AS open,
        (SELECT count(*)::int FROM payments.sandbox_charges WHERE captured_amount > amount) AS "overCaptured",
        (SELECT count(*)::int FROM (SELECT merchant_ref FROM payments.sandbox_charges
           GROUP BY merchant_ref HAVING count(*) > 1) twice) AS "ordersChargedTwice",
        (SELECT count(*)::int FROM payments.payments p
           LEFT JOIN payments.sandbox_charges c ON c.id = p.provider_ref
           WHERE p.status IN ('captured', 'refunded', 'partially_refunded')
             AND (c.id IS NULL OR c.captured_amount <> p.captured_amount)) AS "paymentsNotMatchingCharges"`);
    return rows[0];
  } finally {
    await client.end();
  }
}
