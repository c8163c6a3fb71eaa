import { BenchContext } from '../support/context';
import { storeSyntheticFraudModel } from '../support/fraud-model';
import { closedLoop, Figures, medianOf } from '../support/load';
import { ResultRow } from '../support/report';
import { createProduct, OrderWatcher, placeOrder, prepareCarts, ReadyCart } from '../support/shopper';

const BUYERS = 16;
const CARTS_PER_RUN = 900;
/** The app re-reads which model is active this often (ms), so a toggle bites before the next run. */
const MODEL_CACHE_MS = 100;

/**
 * Issue 21: checkout to `confirmed` with the fraud model active against the rules alone, in the same
 * run on one app, runs interleaved (rules, model, rules, model…). The model is trained in this
 * process on the synthetic history and stored in payments' schema; a run switches it on or off with
 * one UPDATE. Thresholds are set so that no order is held or blocked (review at P ≥ 0.99, block at
 * 1): the measure is what scoring costs the checkout (reading the signals in SQL, scoring, storing
 * the assessment), not what its decisions change. Every buyer pays with a card of its own.
 */
export async function fraudCheckoutScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const app = await ctx.startApp('fraud', {
    FRAUD_MODEL_CACHE_MS: String(MODEL_CACHE_MS),
    FRAUD_REVIEW_PROBABILITY: '0.99',
    FRAUD_BLOCK_PROBABILITY: '1',
  });
  const watcher = new OrderWatcher(ctx.sql);
  try {
    const version = await storeSyntheticFraudModel(ctx);
    const useModel = async (on: boolean) => {
      await ctx.sql.query(`UPDATE payments.fraud_models SET status = $2, activated_at = now() WHERE version = $1`, [
        version,
        on ? 'active' : 'candidate',
      ]);
      await new Promise((resolve) => setTimeout(resolve, 3 * MODEL_CACHE_MS));
    };
    const variantId = await createProduct(ctx, app.url, 1_000_000);
    const checkout = (carts: ReadyCart[]) => {
      let next = 0;
      return async () => {
        const cart = carts[next++];
        if (!cart) throw new Error('out of prepared carts');
        const status = await watcher.settled(await placeOrder(app.url, cart, `tok_visa:${cart.cartId}`));
        if (status !== 'confirmed') throw new Error(`order ${status}`);
      };
    };
    const run = async (on: boolean) => {
      await useModel(on);
      return closedLoop(BUYERS, ctx.seconds, checkout(await prepareCarts(ctx, app.url, variantId, 1, CARTS_PER_RUN)));
    };
    await closedLoop(4, 2, checkout(await prepareCarts(ctx, app.url, variantId, 1, 100))); // warm-up
    const rules: Figures[] = [];
    const withModel: Figures[] = [];
    for (let i = 0; i < ctx.runs; i++) {
      rules.push(await run(false));
      withModel.push(await run(true));
    }
    const [r, m] = [medianOf(rules), medianOf(withModel)];
    const [{ scored }] = (
      await ctx.sql.query(`SELECT count(*)::int AS scored FROM payments.fraud_assessments WHERE model_version = $1`, [
        version,
      ])
    ).rows as { scored: number }[];
    return [
      {
        scenario: '21 fraud',
        measure: `checkout to confirmed, model active vs rules only, ${BUYERS} buyers`,
        arcade: m.rps,
        baseline: r.rps,
        unit: 'orders/s',
        ratio: m.rps / r.rps,
        p50: m.p50,
        p99: m.p99,
        baselineP50: r.p50,
        baselineP99: r.p99,
        target: '≥ 0.9× rules only',
        met: m.rps / r.rps >= 0.9 && m.errors === 0 && r.errors === 0,
        note: `${scored} attempts scored by the model${m.errors + r.errors ? `; ${m.errors + r.errors} errors` : ''}`,
      },
    ];
  } finally {
    watcher.stop();
    await app.stop();
  }
}
