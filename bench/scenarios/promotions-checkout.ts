import { BenchContext } from '../support/context';
import { closedLoop, Figures, medianOf } from '../support/load';
import { ResultRow } from '../support/report';
import {
  adminCall,
  applyPromotionCode,
  createProduct,
  createShippingMethod,
  OrderWatcher,
  placeOrder,
  prepareCarts,
  ReadyCart,
} from '../support/shopper';

const BUYERS = 16;
/** Carts prepared per measured run (a smoke run on a loaded machine may lower it: BENCH_CARTS_PER_RUN). */
const CARTS_PER_RUN = Number(process.env.BENCH_CARTS_PER_RUN ?? 900);
const WARM_UP_CARTS = Math.min(100, CARTS_PER_RUN);

/**
 * Issue 19: checkout to `confirmed` with a promotion code beside the same checkout without one, in
 * one run on one app of its own, runs interleaved (without, with, without, with…). Both carts have a
 * shipping method and are taxed (19 % in Germany, shipping taxed): the difference is the code, i.e.
 * the cart priced through promotions as well as tax, and the saga's extra step (`RedeemPromotion`:
 * re-evaluation and the counted, row-locked redemption, then `PromotionRedeemed` back through the
 * outbox) before the stock is reserved. Every order of the "with" runs redeems the same code, so its
 * counter row is the hot spot the measure includes.
 */
export async function promotionsCheckoutScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const app = await ctx.startApp('promotions', { TAX_DEFAULT_COUNTRY: 'DE' });
  const watcher = new OrderWatcher(ctx.sql);
  try {
    await adminCall(ctx, app.url, 'POST', '/tax/countries', {
      country: 'DE',
      rates: { standard: 190_000 },
      shippingCategory: 'standard',
    });
    const code = `BENCH${Date.now()}`;
    await adminCall(ctx, app.url, 'POST', '/promotions', {
      code,
      benefit: { type: 'percentage', ratePpm: 100_000 },
    });
    const variantId = await createProduct(ctx, app.url, 1_000_000);
    const { methodId } = await createShippingMethod(ctx, app.url);
    const checkout = (carts: ReadyCart[]) => {
      let next = 0;
      return async () => {
        const cart = carts[next++];
        if (!cart) throw new Error('out of prepared carts');
        const status = await watcher.settled(await placeOrder(app.url, cart));
        if (status !== 'confirmed') throw new Error(`order ${status}`);
      };
    };
    const carts = async (count: number, withCode: boolean) => {
      const ready = await prepareCarts(ctx, app.url, variantId, 1, count, methodId);
      if (withCode) await applyPromotionCode(app.url, ready, code);
      return ready;
    };
    const run = async (withCode: boolean) =>
      closedLoop(BUYERS, ctx.seconds, checkout(await carts(CARTS_PER_RUN, withCode)));
    await closedLoop(4, 2, checkout(await carts(WARM_UP_CARTS, false))); // warm-up
    await closedLoop(4, 2, checkout(await carts(WARM_UP_CARTS, true)));
    const without: Figures[] = [];
    const withCode: Figures[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      without.push(await run(false));
      withCode.push(await run(true));
    }
    const [w, c] = [medianOf(without), medianOf(withCode)];
    const errors = w.errors + c.errors;
    return [
      {
        scenario: '19 promotions',
        measure: `checkout to confirmed with a code vs without (both taxed, shipped), ${BUYERS} buyers`,
        arcade: c.rps,
        baseline: w.rps,
        unit: 'orders/s',
        ratio: c.rps / w.rps,
        p50: c.p50,
        p99: c.p99,
        baselineP50: w.p50,
        baselineP99: w.p99,
        note: errors ? `${errors} errors` : undefined,
      },
    ];
  } finally {
    watcher.stop();
    await app.stop();
  }
}
