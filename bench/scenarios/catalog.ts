import { BenchContext } from '../support/context';
import { interleaved, load } from '../support/load';
import { ResultRow } from '../support/report';

const SEARCHES = [
  'q=kettle&category=kitchen&limit=20',
  'q=wool&inStock=true&sort=price&limit=20',
  'category=apparel&minPrice=2000&maxPrice=5000&sort=-price&limit=20',
  'q=leather%20boot&limit=20',
  'q=lamp&limit=20',
  'inStock=true&limit=20',
];
const CONNECTIONS = 32;
const SEARCH_RATE = 1000;

/** Scenario 1: product detail and product search (full-text + filter) on the seeded catalog. */
export async function catalogScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const [app, bare] = await Promise.all([ctx.app(), ctx.bare()]);
  const slugs = (
    await ctx.sql.query<{ slug: string }>(`SELECT slug FROM catalog.products ORDER BY random() LIMIT 5000`)
  ).rows.map((r) => `/catalog/products/${r.slug}`);
  const searches = SEARCHES.map((q) => `/catalog/products?${q}`);
  const cycle = (paths: string[]) => {
    let i = 0;
    return () => ({ path: paths[i++ % paths.length] });
  };
  const closed = (url: string, paths: string[]) => () =>
    load({ url, request: cycle(paths), seconds: ctx.seconds, connections: CONNECTIONS });
  const open = (url: string, paths: string[], rate: number) => () =>
    load({ url, request: cycle(paths), seconds: ctx.seconds, connections: 64, rate });

  // Warm-up: JIT, pools, the buffer cache.
  await Promise.all([closed(app.url, [...searches, ...slugs])(), closed(bare.url, [...searches, ...slugs])()]);

  const [appDetail, bareDetail] = await interleaved(ctx.runs, closed(app.url, slugs), closed(bare.url, slugs));
  const detailRate = Math.round(Math.min(appDetail.rps, bareDetail.rps) / 2 / 100) * 100;
  const [appDetailFixed, bareDetailFixed] = await interleaved(
    ctx.runs,
    open(app.url, slugs, detailRate),
    open(bare.url, slugs, detailRate),
  );
  const ceiling = await ctx.pgbench('product-detail.sql', CONNECTIONS, ctx.seconds, { products: ctx.productCount });

  const [appSearch, bareSearch] = await interleaved(ctx.runs, closed(app.url, searches), closed(bare.url, searches));
  const [appSearchFixed, bareSearchFixed] = await interleaved(
    ctx.runs,
    open(app.url, searches, SEARCH_RATE),
    open(bare.url, searches, SEARCH_RATE),
  );
  return [
    {
      scenario: '1 catalog',
      measure: 'product detail, closed loop',
      arcade: appDetail.rps,
      baseline: bareDetail.rps,
      unit: 'req/s',
      ratio: appDetail.rps / bareDetail.rps,
      p50: appDetail.p50,
      p99: appDetail.p99,
      baselineP50: bareDetail.p50,
      baselineP99: bareDetail.p99,
      target: '≥ 0.6× bare (≥ 1× cached)',
      met: appDetail.rps / bareDetail.rps >= 0.6,
    },
    {
      scenario: '1 catalog',
      measure: `product detail @ ${detailRate} req/s`,
      arcade: appDetailFixed.rps,
      baseline: bareDetailFixed.rps,
      unit: 'req/s',
      p50: appDetailFixed.p50,
      p99: appDetailFixed.p99,
      baselineP50: bareDetailFixed.p50,
      baselineP99: bareDetailFixed.p99,
    },
    {
      scenario: '1 catalog',
      measure: 'product detail, DB ceiling (pgbench)',
      arcade: appDetail.rps,
      baseline: ceiling.tps,
      unit: 'req/s',
      ratio: appDetail.rps / ceiling.tps,
    },
    {
      scenario: '1 catalog',
      measure: 'search, closed loop',
      arcade: appSearch.rps,
      baseline: bareSearch.rps,
      unit: 'req/s',
      ratio: appSearch.rps / bareSearch.rps,
      p50: appSearch.p50,
      p99: appSearch.p99,
      baselineP50: bareSearch.p50,
      baselineP99: bareSearch.p99,
    },
    {
      scenario: '1 catalog',
      measure: `search @ ${SEARCH_RATE} req/s`,
      arcade: appSearchFixed.rps,
      baseline: bareSearchFixed.rps,
      unit: 'req/s',
      p50: appSearchFixed.p50,
      p99: appSearchFixed.p99,
      baselineP50: bareSearchFixed.p50,
      baselineP99: bareSearchFixed.p99,
      target: 'p99 < 20 ms',
      met: appSearchFixed.p99 < 20 && appSearchFixed.errors === 0,
      note: appSearchFixed.errors ? `${appSearchFixed.errors} errors` : undefined,
    },
  ];
}
