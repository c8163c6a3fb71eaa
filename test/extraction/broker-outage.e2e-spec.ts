import { ADMIN, Topology } from '../e2e/support/topology';
import { Headers, HttpShop } from '../e2e/support/http-shop';
import { Json } from '../support/shop-steps';
import { expectConsistent, prepareShoppers, providerLedger, streamOfCheckouts } from './support/checkout-stream';
import { natsServerInstalled, PrivateNats } from './support/private-nats';

/** 30 s as the issue asks, in CI and by default; `NATS_OUTAGE_SECONDS` shortens it for a quick local run. */
const OUTAGE_MS = Number(process.env.NATS_OUTAGE_SECONDS ?? 30) * 1000;
/** A stop (SIGTERM, the default) or a crash (SIGKILL; see ADR 0005 on what a crash can lose). */
const STOP_SIGNAL = (process.env.NATS_OUTAGE_SIGNAL ?? 'SIGTERM') as NodeJS.Signals;

if (!natsServerInstalled()) {
  if (process.env.CI === 'true') throw new Error('nats-server is not installed; CI must run the broker-outage test');
  console.warn('Skipping the broker-outage test: no nats-server binary (set NATS_SERVER_BIN)');
}
const describeWithServer = natsServerInstalled() ? describe : describe.skip;

// The machine's shared NATS is never stopped: this test runs a broker of its own and stops that.
describeWithServer('NATS stopped in the middle of a stream of checkouts, then started again', () => {
  let nats: PrivateNats;
  let topology: Topology;
  let shop: HttpShop;
  let admin: Headers;

  beforeAll(async () => {
    nats = await PrivateNats.start();
    topology = await Topology.start('split', { brokerUrl: nats.url });
    shop = new HttpShop(topology.baseUrl);
    admin = await shop.login(ADMIN.email, ADMIN.password);
  }, 120_000);
  afterAll(async () => {
    await topology?.stop();
    await nats?.destroy();
  }, 60_000);

  it('ends every order confirmed or cancelled, with nothing lost, leaked or done twice', async () => {
    const stock = 100;
    const { productId, variantId } = await shop.createProduct(admin, stock, 1500);
    const shoppers = await prepareShoppers(shop, 24, variantId, 2);
    let readyDuringOutage = 0;
    const { placed, refused, refusedShoppers, disruption } = await streamOfCheckouts(shop, shoppers, {
      gapMs: 100,
      disruptAfter: 8,
      disrupt: async () => {
        await nats.kill(STOP_SIGNAL);
        await shop.eventually(
          async () => (readyDuringOutage = (await shop.request('GET', '/health/ready')).status) === 503,
          'readiness reports the lost broker',
          10_000,
        );
        await new Promise((r) => setTimeout(r, OUTAGE_MS));
        await nats.start();
      },
    });
    // Checkout takes an order without the broker only when it can price the cart: promotions and tax
    // answer over the broker in this topology, so a checkout during the outage is refused with the
    // retryable 503 `pricing-unavailable` (never charged without its tax, ADR 0118), holding nothing.
    for (const answer of refused) {
      expect(answer).toMatchObject({ status: 503, body: { type: '/problems/pricing-unavailable' } });
    }
    await disruption;
    expect(readyDuringOutage).toBe(503);
    await shop.eventually(async () => (await shop.request('GET', '/health/ready')).status === 200, 'ready again');
    // Each refused shopper's cart is intact: retried once the broker is back, every one is taken.
    for (const shopper of refusedShoppers) {
      let answer = { status: 0, body: {} as Json };
      await shop.eventually(
        async () => (answer = await shop.placeOrder(shopper.auth, shopper.cartId)).status !== 503,
        'checkout prices carts again after the outage',
      );
      expect(answer.status).toBe(202);
      placed.push({ auth: shopper.auth, orderId: answer.body.id });
    }
    expect(placed).toHaveLength(shoppers.length);

    const outcome = await expectConsistent(shop, placed, { productId, initialStock: stock, quantity: 2 }, 120_000);
    console.log(`NATS down (${STOP_SIGNAL}) for ${OUTAGE_MS} ms; outcome ${JSON.stringify(outcome)}`);
    expect(outcome.confirmed + outcome.cancelled).toBe(shoppers.length);
    const ledger = await providerLedger(topology.paymentsDatabase!.url);
    expect(ledger.charges).toBeGreaterThanOrEqual(outcome.confirmed);
    expect(ledger).toMatchObject({ open: 0, overCaptured: 0, ordersChargedTwice: 0, paymentsNotMatchingCharges: 0 });
  }, 300_000);
});
