import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { CartBody, createProduct } from './support';

/**
 * A cart change waiting for the cart's lock must see the lines the change before it committed.
 * Found by attack18 (issue 18): the cart and its lines were read in one `SELECT … FOR UPDATE OF c`,
 * whose lines sub-select keeps the snapshot taken before the wait; two adds of one variant racing
 * ended in a 500 (`cart_lines_cart_id_variant_id_key`), and other concurrent changes were lost
 * (a quantity written over, a shipping price not flagged stale).
 */
describe('cart changes that wait for the cart lock', () => {
  let t: TestApp;
  let sql: Client;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog', 'cart'] });
    sql = new Client({ connectionString: t.database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  it('see the line another change added meanwhile: one line, both units, never a 500', async () => {
    const me = bearer(t.app, ['customer'], uuidv7());
    const product = await createProduct(t.app, [{ price: 1999, stock: 50 }]);
    const variantId = product.variants[0].id;
    const cart = (await t.app.inject({ method: 'POST', url: '/carts', headers: me })).json<CartBody>();
    const add = () =>
      t.app.inject({
        method: 'POST',
        url: `/carts/${cart.id}/items`,
        headers: me,
        payload: { variantId, quantity: 1 },
      });

    // Another change holds the cart's lock and adds the variant's line (what a concurrent add writes) …
    await sql.query('BEGIN');
    await sql.query(`UPDATE cart.carts SET updated_at = now() WHERE id = $1`, [cart.id]);
    await sql.query(
      `INSERT INTO cart.cart_lines (cart_id, id, variant_id, product_id, sku, title, quantity, unit_price_amount,
         unit_price_currency, accepted_price_amount, accepted_price_currency, price_checked_at, added_at)
       VALUES ($1, $2, $3, $4, 'SKU', 'Title', 1, 1999, 'EUR', 1999, 'EUR', now(), now())`,
      [cart.id, uuidv7(), variantId, product.id],
    );
    // … while this add waits for that lock.
    const waiting = add();
    await eventually(async () => {
      const { rows } = await sql.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
      return Number(rows[0].n) > 0;
    });
    await sql.query('COMMIT');

    const res = await waiting;
    expect(res.statusCode).toBe(201);
    const items = res.json<CartBody>().items;
    expect(items.map((i) => ({ variantId: i.variantId, quantity: i.quantity }))).toEqual([{ variantId, quantity: 2 }]);
  }, 90_000);
});

/** Polls until `check` holds; 60 s at most (a loaded CI machine may take seconds to reach the lock). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the add never waited for the cart lock');
}
