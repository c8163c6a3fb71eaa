import { Client } from 'pg';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { CheckoutStepRepository } from '../../src/modules/orders/infrastructure/checkout-step.repository';
import { Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait-until';

/**
 * A checkout step locks the saga and reads the order with it in one statement. When it had to wait
 * for the saga's lock (a cancellation, another reply, the fulfilment updater held it), it must
 * read the order as that transaction left it, as it did when the order was read in a statement of
 * its own: in READ COMMITTED a row waited for is read again at its newest version, but a row of
 * another table in the same statement is not, unless it is locked too.
 */
describe('a checkout step that waited for the saga', () => {
  let t: TestApp;
  let shop: Shop;
  let sql: Client;
  let observer: Client;
  beforeAll(async () => {
    t = await createTestApp({
      env: { OUTBOX_POLL_MS: '50', PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' },
    });
    shop = new Shop(t.app);
    sql = new Client({ connectionString: t.database.url });
    await sql.connect();
    observer = new Client({ connectionString: t.database.url });
    await observer.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await observer?.end();
    await t?.close();
  });

  it('reads the order as the transaction it waited for committed it', async () => {
    const { variantId } = await shop.createProduct(5);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const orderId = (await shop.orderUntil(customer.auth, placed.body.id, ['confirmed', 'cancelled'])).id as string;

    // Another transaction holds the saga, as every writer of an order does first, and changes the order.
    await sql.query('BEGIN');
    await sql.query('SELECT 1 FROM orders.checkout_sagas WHERE order_id = $1 FOR UPDATE', [orderId]);
    await sql.query(`UPDATE orders.orders SET cancel_reason = 'probe_reason', updated_at = now() WHERE id = $1`, [
      orderId,
    ]);
    const steps = t.app.get(CheckoutStepRepository, { strict: false });
    const read = t.app.get(TransactionRunner).run('orders', (tx) => steps.lock(tx, orderId));
    // Asked on another connection: inside a transaction, pg_stat_activity stays as it was first read.
    await waitUntil(async () => {
      const { rows } = await observer.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%AS saga_order_id%'`,
      );
      return rows.length > 0;
    });
    await sql.query('COMMIT');

    const state = await read;
    expect(state?.order.cancelReason).toBe('probe_reason');
  });
});
