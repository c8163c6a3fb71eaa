import { BenchContext } from '../support/context';
import { Figures, HttpRequest, interleaved, load } from '../support/load';
import { ResultRow } from '../support/report';

const CONNECTIONS = 16;
const CARTS = 3000;

async function guestCarts(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const worker = async () => {
    while (ids.length < count) {
      const res = await fetch(`${url}/carts`, { method: 'POST' });
      ids.push(((await res.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

/** Scenario 2: add to cart (with catalog's price and availability query) against the bare route. */
export async function cartScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const [app, bare] = await Promise.all([ctx.app(), ctx.bare()]);
  const variants = (
    await ctx.sql.query<{ id: string }>(
      `SELECT v.id FROM catalog.variants v JOIN catalog.products p ON p.id = v.product_id
        WHERE p.status = 'active' AND v.on_hand - v.reserved >= 30 ORDER BY random() LIMIT 5000`,
    )
  ).rows.map((r) => r.id);
  // Separate carts of the same number for each side, so that carts grow alike.
  const [appCarts, bareCarts] = [await guestCarts(app.url, CARTS), await guestCarts(app.url, CARTS)];
  const adder = (carts: string[]) => {
    let n = 0;
    return () => {
      n++;
      return {
        method: 'POST' as const,
        path: `/carts/${carts[n % carts.length]}/items`,
        body: JSON.stringify({ variantId: variants[(n * 7919) % variants.length], quantity: 1 }),
      };
    };
  };
  const appAdd = adder(appCarts);
  const bareAdd = adder(bareCarts);
  const closed =
    (url: string, request: ReturnType<typeof adder>, seconds = ctx.seconds) =>
    () =>
      load({ url, request, seconds, connections: CONNECTIONS });
  await closed(app.url, appAdd, 2)();
  await closed(bare.url, bareAdd, 2)();
  const [a, b] = await interleaved(ctx.runs, closed(app.url, appAdd), closed(bare.url, bareAdd));
  const rate = Math.max(50, Math.round(a.rps / 2 / 10) * 10);
  const [af, bf] = await interleaved(
    ctx.runs,
    () => load({ url: app.url, request: appAdd, seconds: ctx.seconds, connections: 32, rate }),
    () => load({ url: bare.url, request: bareAdd, seconds: ctx.seconds, connections: 32, rate }),
  );
  const route = await routeOnly(ctx, bare.url, adder);
  return [
    {
      scenario: '2 cart',
      measure: 'add to cart, closed loop (all modules: recommendations learns from each add)',
      arcade: a.rps,
      baseline: b.rps,
      unit: 'req/s',
      ratio: a.rps / b.rps,
      p50: a.p50,
      p99: a.p99,
      baselineP50: b.p50,
      baselineP99: b.p99,
      target: '≥ 0.5× bare',
      met: a.rps / b.rps >= 0.5 && a.errors === 0,
      note: a.errors + b.errors ? `${a.errors}/${b.errors} errors` : undefined,
    },
    {
      scenario: '2 cart',
      measure: `add to cart @ ${rate} req/s`,
      arcade: af.rps,
      baseline: bf.rps,
      unit: 'req/s',
      p50: af.p50,
      p99: af.p99,
      baselineP50: bf.p50,
      baselineP99: bf.p99,
    },
    {
      scenario: '2 cart',
      measure: 'add to cart, closed loop, route only (a catalog + cart process)',
      arcade: route.arcade.rps,
      baseline: route.bare.rps,
      unit: 'req/s',
      ratio: route.arcade.rps / route.bare.rps,
      p50: route.arcade.p50,
      p99: route.arcade.p99,
      baselineP50: route.bare.p50,
      baselineP99: route.bare.p99,
      target: '≥ 0.5× bare',
      met: route.arcade.rps / route.bare.rps >= 0.5 && route.arcade.errors === 0,
    },
  ];
}

/**
 * The same route like for like: the bare server runs the route's SQL only, while in the whole app
 * every add also feeds recommendations (a consumer transaction as costly as the add itself).
 */
async function routeOnly(
  ctx: BenchContext,
  bareUrl: string,
  adder: (carts: string[]) => () => HttpRequest,
): Promise<{ arcade: Figures; bare: Figures }> {
  const app = await ctx.startApp('catalog+cart', { MODULES: 'catalog,cart' });
  try {
    // Fresh carts on both sides again, so that carts grow alike.
    const add = adder(await guestCarts(app.url, CARTS));
    const bareAdd = adder(await guestCarts(app.url, CARTS));
    const closed = (url: string, request: () => HttpRequest) => () =>
      load({ url, request, seconds: ctx.seconds, connections: CONNECTIONS });
    await load({ url: app.url, request: add, seconds: 2, connections: CONNECTIONS });
    const [arcade, bare] = await interleaved(ctx.runs, closed(app.url, add), closed(bareUrl, bareAdd));
    return { arcade, bare };
  } finally {
    await app.stop();
  }
}
