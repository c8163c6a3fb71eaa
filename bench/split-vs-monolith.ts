/**
 * Checkout throughput and time-to-confirmed, the monolith against the split topology (payments and
 * recommendations in their own processes over NATS, behind the gateway), measured in the same run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node -r ./test/support/swc-register.cjs bench/split-vs-monolith.ts [orders] [in-flight]
 *
 * Each topology gets the same load: `orders` checkouts by distinct signed-up shoppers, `in-flight`
 * at a time; an order's time runs from its POST /orders to the first poll (every 10 ms) that sees
 * it confirmed. Throughput = orders confirmed / wall time from the first POST to the last confirmation.
 */
import { Topology, TopologyKind, ADMIN } from '../test/e2e/support/topology';
import { HttpShop, Headers } from '../test/e2e/support/http-shop';
import { NATS_URL } from '../test/extraction/support/split-apps';

const ORDERS = Number(process.argv[2] ?? 200);
const IN_FLIGHT = Number(process.argv[3] ?? 16);

interface Result {
  kind: TopologyKind;
  confirmed: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(kind: TopologyKind): Promise<Result> {
  const topology = await Topology.start(kind);
  try {
    const shop = new HttpShop(topology.baseUrl);
    const admin = await shop.login(ADMIN.email, ADMIN.password);
    const { variantId } = await shop.createProduct(admin, ORDERS * 2, 1000);
    const shoppers: { auth: Headers; cartId: string }[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const { auth } = await shop.signUp();
      shoppers.push({ auth, cartId: await shop.cartWith(auth, [{ variantId, quantity: 1 }]) });
    }
    const times: number[] = [];
    let confirmed = 0;
    let next = 0;
    const started = performance.now();
    let lastConfirmed = started;
    const worker = async () => {
      while (next < shoppers.length) {
        const shopper = shoppers[next++];
        const t0 = performance.now();
        const placed = await shop.placeOrder(shopper.auth, shopper.cartId);
        for (;;) {
          const { body } = await shop.request('GET', `/orders/${placed.body.id}`, shopper.auth);
          if (body.status === 'confirmed' || body.status === 'cancelled') {
            if (body.status === 'confirmed') confirmed++;
            lastConfirmed = performance.now();
            times.push(lastConfirmed - t0);
            break;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return {
      kind,
      confirmed,
      perSecond: confirmed / ((lastConfirmed - started) / 1000),
      p50: at(0.5),
      p99: at(0.99),
    };
  } finally {
    await topology.stop();
  }
}

async function main(): Promise<void> {
  console.log(`${ORDERS} checkouts, ${IN_FLIGHT} in flight; split over ${NATS_URL}`);
  const results: Result[] = [];
  for (const kind of ['monolith', 'split'] as const) {
    const result = await measure(kind);
    results.push(result);
    console.log(
      `${kind.padEnd(8)}  ${result.confirmed}/${ORDERS} confirmed  ${result.perSecond.toFixed(1)} orders/s  ` +
        `p50 ${result.p50.toFixed(0)} ms  p99 ${result.p99.toFixed(0)} ms`,
    );
  }
  const [mono, split] = results;
  console.log(
    `split / monolith: throughput ${(split.perSecond / mono.perSecond).toFixed(2)}x, p99 ${(split.p99 / mono.p99).toFixed(2)}x`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
