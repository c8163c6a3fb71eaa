import { BenchContext } from '../support/context';
import { load } from '../support/load';
import { ResultRow } from '../support/report';

const MIB = 1024 * 1024;

/**
 * Scenario 7: resident memory of a fresh Arcade process (all modules) when idle, and after a
 * closed-loop load of product reads and searches; the bare baseline's beside it.
 */
export async function memoryScenario(ctx: BenchContext): Promise<ResultRow[]> {
  const bare = await ctx.bare();
  const app = await ctx.startApp('arcade-memory', {});
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await app.rss();
    const bareIdle = await bare.rss();
    const slugs = (await ctx.sql.query<{ slug: string }>(`SELECT slug FROM catalog.products LIMIT 2000`)).rows;
    let i = 0;
    const request = () =>
      i++ % 5 === 0
        ? { path: '/catalog/products?q=lamp&limit=20' }
        : { path: `/catalog/products/${slugs[i % slugs.length].slug}` };
    await load({ url: app.url, request, seconds: ctx.seconds, connections: 64 });
    await load({ url: bare.url, request, seconds: ctx.seconds, connections: 64 });
    const loaded = await app.rss();
    const bareLoaded = await bare.rss();
    return [
      {
        scenario: '7 memory',
        measure: 'RSS idle',
        arcade: idle / MIB,
        baseline: bareIdle / MIB,
        unit: 'MiB',
        ratio: idle / bareIdle,
      },
      {
        scenario: '7 memory',
        measure: 'RSS after 64-connection load',
        arcade: loaded / MIB,
        baseline: bareLoaded / MIB,
        unit: 'MiB',
        ratio: loaded / bareLoaded,
      },
    ];
  } finally {
    await app.stop();
  }
}
