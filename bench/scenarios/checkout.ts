import { BenchContext } from '../support/context';
import { closedLoop, Figures, interleaved, medianOf, openLoop } from '../support/load';
import { BenchProcess, startNats } from '../support/processes';
import { ResultRow } from '../support/report';
import {
  bareCheckoutLoad,
  createProduct,
  createShippingMethod,
  OrderWatcher,
  placeOrder,
  prepareCarts,
  ReadyCart,
  removeShippingMethod,
} from '../support/shopper';

const BUYERS = 16;
const CARTS_PER_RUN = 900;

/** Checkout throughput with payments and recommendations, and promotions with tax, in processes of their own, over a NATS of the run's own. */
async function splitTopology(ctx: BenchContext, measure: (url: string) => () => Promise<Figures>): Promise<Figures> {
  const nats = await startNats(15_222 + (process.pid % 1000));
  const processes: BenchProcess[] = [];
  try {
    processes.push(
      await ctx.startApp('payments+recommendations', { MODULES: 'payments,recommendations', BROKER_URL: nats.url }),
    );
    // Checkout refuses a cart it could not price through promotions and tax (ADR 0118): they run too,
    // in a process of their own as in the compose split profile.
    processes.push(await ctx.startApp('promotions+tax', { MODULES: 'promotions,tax', BROKER_URL: nats.url }));
    const front = await ctx.startApp('front', {
      MODULES: 'accounts,catalog,cart,orders,notifications,shipping',
      BROKER_URL: nats.url,
    });
    processes.push(front);
    await measure(front.url)(); // warm-up
    const runs: Figures[] = [];
    for (let i = 0; i < ctx.runs; i++) runs.push(await measure(front.url)());
    return medianOf(runs);
  } finally {
    for (const p of processes.reverse()) await p.stop();
    await nats.stop();
  }
}

/**
 * Scenario 3: checkout to `confirmed` through the whole saga (POST /orders, then reserve stock,
 * authorize payment, commit, capture, clear cart, all over the outbox), against the bare
 * one-transaction checkout (reserve + order + payment row). Time-to-confirmed is from the POST to
 * the order row turning `confirmed`. The same checkout with a shipping method chosen (re-quoted by
 * POST /orders: shipping's methods and catalog's weights) runs interleaved with the one without (no
 * method at all: POST /orders asks shipping only whether one exists), so the two figures share the run's
 * conditions; the other figures are without a method.
 */
export async function checkoutScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const [app, bare] = await Promise.all([ctx.app(), ctx.bare()]);
  const variantId = await createProduct(ctx, app.url, 1_000_000);
  const watcher = new OrderWatcher(ctx.sql);
  const checkout = (carts: ReadyCart[], url = app.url) => {
    let next = 0;
    return async () => {
      const cart = carts[next++];
      if (!cart) throw new Error('out of prepared carts');
      const status = await watcher.settled(await placeOrder(url, cart));
      if (status !== 'confirmed') throw new Error(`order ${status}`);
    };
  };
  const bareCheckout = () => bareCheckoutLoad(bare.url, variantId, BUYERS, ctx.seconds);
  try {
    await closedLoop(4, 2, checkout(await prepareCarts(ctx, app.url, variantId, 1, 100))); // warm-up
    const withoutMethod = async () =>
      closedLoop(BUYERS, ctx.seconds, checkout(await prepareCarts(ctx, app.url, variantId, 1, CARTS_PER_RUN)));
    const withMethod = async () => {
      const shipping = await createShippingMethod(ctx, app.url);
      try {
        const carts = await prepareCarts(ctx, app.url, variantId, 1, CARTS_PER_RUN, shipping.methodId);
        return await closedLoop(BUYERS, ctx.seconds, checkout(carts));
      } finally {
        await removeShippingMethod(ctx, app.url, shipping);
      }
    };
    await withMethod(); // warm-up of the re-quote path
    const arcadeRuns: Figures[] = [];
    const shippedRuns: Figures[] = [];
    const [, baseline] = await interleaved(
      ctx.runs,
      async () => {
        const figures = await withoutMethod();
        arcadeRuns.push(figures);
        shippedRuns.push(await withMethod());
        return figures;
      },
      bareCheckout,
    );
    const arcade = medianOf(arcadeRuns);
    const shipped = medianOf(shippedRuns);
    const ceiling = await ctx.pgbench('checkout.sql', BUYERS, ctx.seconds, { variant: `'${variantId}'` });
    const rate = Math.max(5, Math.round(arcade.rps / 2));
    const fixed: Figures[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      const carts = await prepareCarts(ctx, app.url, variantId, 1, Math.ceil(rate * ctx.seconds) + 10);
      fixed.push(await openLoop(rate, ctx.seconds, checkout(carts)));
    }
    const atRate = medianOf(fixed);
    const split = await splitTopology(
      ctx,
      (url: string) => async () =>
        closedLoop(BUYERS, ctx.seconds, checkout(await prepareCarts(ctx, url, variantId, 1, CARTS_PER_RUN), url)),
    );
    return [
      {
        scenario: '3 checkout',
        measure: `to confirmed, ${BUYERS} buyers closed loop`,
        arcade: arcade.rps,
        baseline: baseline.rps,
        unit: 'orders/s',
        ratio: arcade.rps / baseline.rps,
        p50: arcade.p50,
        p99: arcade.p99,
        baselineP50: baseline.p50,
        baselineP99: baseline.p99,
        target: '≥ 0.2× bare 1-tx checkout',
        met: arcade.rps / baseline.rps >= 0.2,
        note: arcade.errors ? `${arcade.errors} errors` : undefined,
      },
      {
        scenario: '3 checkout',
        measure: `with a shipping method (re-quoted) vs without, ${BUYERS} buyers`,
        arcade: shipped.rps,
        baseline: arcade.rps,
        unit: 'orders/s',
        ratio: shipped.rps / arcade.rps,
        p50: shipped.p50,
        p99: shipped.p99,
        baselineP50: arcade.p50,
        baselineP99: arcade.p99,
        note: shipped.errors ? `${shipped.errors} errors` : undefined,
      },
      {
        scenario: '3 checkout',
        measure: 'bare 1-tx checkout, DB ceiling (pgbench)',
        arcade: arcade.rps,
        baseline: ceiling.tps,
        unit: 'orders/s',
        ratio: arcade.rps / ceiling.tps,
      },
      {
        scenario: '3 checkout',
        measure: `time to confirmed @ ${rate} orders/s (½ max)`,
        arcade: atRate.rps,
        unit: 'orders/s',
        p50: atRate.p50,
        p99: atRate.p99,
        target: 'p99 < 250 ms',
        met: atRate.p99 < 250 && atRate.errors === 0,
        note: atRate.errors ? `${atRate.errors} errors` : undefined,
      },
      {
        scenario: '3 checkout',
        measure: 'split topology (payments, recommendations over NATS)',
        arcade: split.rps,
        baseline: arcade.rps,
        unit: 'orders/s',
        ratio: split.rps / arcade.rps,
        p50: split.p50,
        p99: split.p99,
        baselineP50: arcade.p50,
        baselineP99: arcade.p99,
        target: '≥ 0.7× in-process',
        met: split.rps / arcade.rps >= 0.7 && split.errors === 0,
        note: split.errors ? `${split.errors} errors` : undefined,
      },
    ];
  } finally {
    watcher.stop();
  }
}
