import { BenchContext } from '../support/context';
import { BenchProcess } from '../support/processes';
import { countStatementsEnv, forgetStatementCounts } from '../support/statement-counts';
import {
  createProduct,
  createShippingMethod,
  OrderWatcher,
  placeOrder,
  prepareCarts,
  ReadyCart,
} from '../support/shopper';
import { Operation, OutOfWork, Peer } from './peer';

/** Fails unless the answer is a 2xx; drains the body either way. */
async function expectOk(response: Response, what: string): Promise<void> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 200)}`);
}

/** How long {@link ArcadePeer.settle} waits for the backlog to drain before it gives up. */
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Arcade (all modules in one process, a child process of its own that counts its statements) as a
 * {@link Peer}: the same database and seeded catalog as the other scenarios use.
 */
export class ArcadePeer implements Peer {
  readonly name = 'Arcade';
  private app?: BenchProcess;
  private checkoutVariant?: string;
  private shippingMethod?: string;
  private readonly watcher: OrderWatcher;

  constructor(private readonly ctx: BenchContext) {
    this.watcher = new OrderWatcher(ctx.sql);
  }

  async install(): Promise<void> {}

  async seed(products: number): Promise<void> {
    this.app = await this.ctx.startApp('arcade', countStatementsEnv());
    await this.app.ask({ type: 'seed', count: products });
    this.checkoutVariant = await createProduct(this.ctx, this.app.url, 1_000_000);
    await this.ctx.sql.query('VACUUM ANALYZE');
  }

  /** Started by {@link seed} (Arcade seeds through its own process). */
  async start(): Promise<void> {}

  /**
   * Waits until what the run's orders left behind is done: no pending outbox row in any module
   * (the consumers after `confirmed`: clear cart, notifications, recommendations, …) and no
   * undelivered webhook of the payments sandbox or the sandbox carrier (each counted while it is
   * still to be tried: fewer than 10 attempts). Twice in a row at 50 ms, so that a row written by
   * a handler that was still running counts. Gives up after a minute with what is left.
   */
  async settle(): Promise<string> {
    const { rows: tables } = await this.ctx.sql.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE (table_name = 'outbox' AND table_schema NOT LIKE 'bench%')
           OR (table_schema, table_name) IN (('payments', 'sandbox_webhook_events'), ('shipping', 'sandbox_events'))`,
    );
    const backlog = `SELECT ${tables
      .map(({ name }) =>
        name.endsWith('.outbox')
          ? `(SELECT count(*) FROM ${name} WHERE status = 'pending')`
          : `(SELECT count(*) FROM ${name} WHERE NOT delivered AND attempts < 10)`,
      )
      .join(' + ')} AS n`;
    const started = Date.now();
    let first: number | undefined;
    let quiet = 0;
    for (;;) {
      const n = Number((await this.ctx.sql.query<{ n: string }>(backlog)).rows[0].n);
      first ??= n;
      quiet = n === 0 ? quiet + 1 : 0;
      const waited = ((Date.now() - started) / 1000).toFixed(1);
      if (quiet >= 2) return `backlog ${first} drained in ${waited} s`;
      if (Date.now() - started > SETTLE_TIMEOUT_MS) return `backlog ${first}, ${n} still pending after ${waited} s`;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The variant with 1,000,000 units that checkout buys (after {@link seed}). */
  get checkoutVariantId(): string {
    return this.checkoutVariant!;
  }

  private get url(): string {
    return this.app!.url;
  }

  async productDetail(): Promise<Operation> {
    const { rows } = await this.ctx.sql.query<{ slug: string }>(
      `SELECT slug FROM catalog.products WHERE status = 'active' ORDER BY random() LIMIT 5000`,
    );
    let n = 0;
    return async () => {
      const slug = rows[n++ % rows.length].slug;
      await expectOk(await fetch(`${this.url}/catalog/products/${slug}`), 'product detail');
    };
  }

  async addToCart(carts: number): Promise<Operation> {
    const variants = await this.variantsWithStock();
    const ids: string[] = [];
    const worker = async () => {
      while (ids.length < carts) {
        const res = await fetch(`${this.url}/carts`, { method: 'POST' });
        const { id } = (await res.json()) as { id: string };
        await this.add(id, variants[ids.length % variants.length]);
        ids.push(id);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    let n = 0;
    return async () => {
      n++;
      await this.add(ids[n % ids.length], variants[(n * 7919) % variants.length]);
    };
  }

  private async add(cartId: string, variantId: string): Promise<void> {
    const res = await fetch(`${this.url}/carts/${cartId}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variantId, quantity: 1 }),
    });
    await expectOk(res, 'add to cart');
  }

  private async variantsWithStock(): Promise<string[]> {
    const { rows } = await this.ctx.sql.query<{ id: string }>(
      `SELECT v.id FROM catalog.variants v JOIN catalog.products p ON p.id = v.product_id
        WHERE p.status = 'active' AND v.on_hand - v.reserved >= 30 ORDER BY random() LIMIT 5000`,
    );
    return rows.map((r) => r.id);
  }

  async checkout(carts: number): Promise<Operation> {
    // A method chosen in the cart, as Vendure's ready cart has one (re-quoted by POST /orders).
    this.shippingMethod ??= (await createShippingMethod(this.ctx, this.url)).methodId;
    const ready: ReadyCart[] = await prepareCarts(
      this.ctx,
      this.url,
      this.checkoutVariant!,
      1,
      carts,
      this.shippingMethod,
    );
    return async () => {
      const cart = ready.pop();
      if (!cart) throw new OutOfWork();
      const status = await this.watcher.settled(await placeOrder(this.url, cart));
      if (status !== 'confirmed') throw new Error(`order ${status}`);
    };
  }

  serverPids(): number[] {
    return [this.app!.pid];
  }

  databaseName(): string {
    return new URL(this.ctx.databaseUrl).pathname.slice(1);
  }

  /** Stops the process; the database is the bench context's (it drops it). */
  async stop(): Promise<void> {
    this.watcher.stop();
    if (this.app) {
      await this.app.stop();
      forgetStatementCounts(this.app.pid);
    }
  }
}
