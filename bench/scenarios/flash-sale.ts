import { BenchContext } from '../support/context';
import { ResultRow } from '../support/report';
import { createProduct, OrderWatcher, placeOrder, prepareCarts } from '../support/shopper';

const UNITS = 10_000;
const PER_ORDER = 50;
/** 20% more demand than supply, so that the sale sells out and the rest must be turned away. */
const ORDERS = (UNITS / PER_ORDER) * 1.2;

interface SaleResult {
  confirmedPerSecond: number;
  confirmedUnits: number;
  oversold: number;
  seconds: number;
}

async function sale(ctx: BenchContext, buyers: number): Promise<SaleResult> {
  const app = await ctx.app();
  const variantId = await createProduct(ctx, app.url, UNITS);
  const carts = await prepareCarts(ctx, app.url, variantId, PER_ORDER, ORDERS);
  const watcher = new OrderWatcher(ctx.sql);
  let next = 0;
  let confirmed = 0;
  let lastConfirmedAt = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: buyers }, async () => {
      for (let cart = carts[next++]; cart; cart = carts[next++]) {
        if ((await watcher.settled(await placeOrder(app.url, cart))) === 'confirmed') {
          confirmed++;
          lastConfirmedAt = performance.now();
        }
      }
    }),
  );
  watcher.stop();
  // Stock as catalog holds it once the sale is over: committed units left on_hand.
  const confirmedUnits = confirmed * PER_ORDER;
  let stock = { on_hand: 0, reserved: 0 };
  for (let i = 0; i < 200; i++) {
    stock = (await ctx.sql.query(`SELECT on_hand, reserved FROM catalog.variants WHERE id = $1`, [variantId])).rows[0];
    if (stock.reserved === 0 && stock.on_hand === UNITS - confirmedUnits) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const sold = UNITS - stock.on_hand;
  const seconds = (lastConfirmedAt - started) / 1000;
  return {
    confirmedPerSecond: confirmed / seconds,
    confirmedUnits,
    oversold: Math.max(0, confirmedUnits - UNITS, sold - UNITS, confirmedUnits - sold),
    seconds,
  };
}

/**
 * Scenario 4: a flash sale of 10,000 units of one variant (orders of 50 units, 20% over-demand)
 * with 8 and then 64 concurrent buyers, each checking out through the whole saga; asserts zero
 * oversell and reports confirmed orders/s until the sale sold out. The DB ceiling is pgbench
 * taking units of one hot row at the same concurrency.
 */
export async function flashSaleScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const at8 = await sale(ctx, 8);
  const at64 = await sale(ctx, 64);
  const app = await ctx.app();
  const hot = await createProduct(ctx, app.url, 100_000_000);
  const [pg8, pg64] = [
    await ctx.pgbench('flash-sale.sql', 8, ctx.seconds, { variant: `'${hot}'` }),
    await ctx.pgbench('flash-sale.sql', 64, ctx.seconds, { variant: `'${hot}'` }),
  ];
  const row = (buyers: number, r: SaleResult, pg: { tps: number; clients: number }): ResultRow => ({
    scenario: '4 flash sale',
    measure: `${buyers} buyers: sold out in ${r.seconds.toFixed(1)} s, ${r.confirmedUnits} units, oversold ${r.oversold}`,
    arcade: r.confirmedPerSecond,
    baseline: pg.tps,
    unit: 'orders/s',
    ratio: r.confirmedPerSecond / pg.tps,
    target: 'zero oversell',
    met: r.oversold === 0 && r.confirmedUnits === UNITS,
    note: pg.clients < buyers ? `pgbench with ${pg.clients} clients (no room for more)` : undefined,
  });
  return [
    row(8, at8, pg8),
    row(64, at64, pg64),
    {
      scenario: '4 flash sale',
      measure: 'throughput at 64 buyers ÷ at 8',
      arcade: at64.confirmedPerSecond,
      baseline: at8.confirmedPerSecond,
      unit: 'orders/s',
      ratio: at64.confirmedPerSecond / at8.confirmedPerSecond,
      target: '≥ 0.8×',
      met: at64.confirmedPerSecond / at8.confirmedPerSecond >= 0.8,
    },
  ];
}
