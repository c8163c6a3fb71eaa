import { OrderCancelled, OrderConfirmed, OrderShipped } from '../../src/modules/orders';
import { ModuleDataSources } from '../../src/platform/database';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';
import { Client, FAST_HASHING } from '../accounts/accounts-test-kit';

interface MailboxItem {
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
  transport: string;
}

describe('notifications: dev mailbox and order emails', () => {
  let t: TestApp;
  let client: Client;
  let customerId: string;
  const admin = () => bearer(t.app, ['admin']).authorization.slice('Bearer '.length);

  const mailbox = async (query: string): Promise<{ items: MailboxItem[]; nextCursor: string | null }> => {
    const reply = await client.call('GET', `/notifications/mailbox${query}`, { token: admin() });
    expect(reply.status).toBe(200);
    return reply.json();
  };
  const waitForMail = async (to: string, template: string): Promise<MailboxItem> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = (await mailbox(`?to=${encodeURIComponent(to)}`)).items.find((m) => m.template === template);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${template} mail to ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const publishFromOrders = (event: OrderConfirmed | OrderCancelled | OrderShipped) =>
    t.app.get(TransactionRunner).run('orders', async (tx) => tx.publish(event));

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['accounts', 'notifications', 'orders'],
      env: {
        ...FAST_HASHING,
        OUTBOX_POLL_MS: '20',
        OUTBOX_MAX_ATTEMPTS: '2',
        OUTBOX_RETRY_BASE_MS: '10',
        OUTBOX_RETRY_MAX_MS: '20',
        SHOP_URL: 'https://shop.example.test/',
        ORDER_URL_TEMPLATE: '{shopUrl}/account/orders/{orderId}?from=email',
      },
    });
    client = new Client(t.app);
    customerId = (await client.signUp('Buyer@Example.com', undefined, 'Bea <Buyer>')).id;
  });
  afterAll(() => t.close());

  it('keeps the welcome email in the mailbox, text and HTML, with HTML-escaped data', async () => {
    const mail = await waitForMail('buyer@example.com', 'welcome');
    expect(mail).toMatchObject({ subject: 'Welcome to Arcade, Bea <Buyer>', transport: 'mailbox' });
    expect(mail.text).toContain('Hello Bea <Buyer>,');
    expect(mail.html).toContain('Hello Bea &#60;Buyer&#62;,');
  });

  it('lists newest first with keyset pages, and only for admins', async () => {
    await client.signUp('second@example.com');
    await waitForMail('second@example.com', 'welcome');
    const first = await mailbox('?limit=1');
    expect(first.items[0].to).toBe('second@example.com');
    const next = await mailbox(`?limit=1&cursor=${first.nextCursor}`);
    expect(next.items[0].to).toBe('buyer@example.com');
    expect((await client.call('GET', '/notifications/mailbox', { headers: bearer(t.app, ['customer']) })).status).toBe(
      403,
    );
    expect((await client.call('GET', '/notifications/mailbox')).status).toBe(401);
    expect((await client.call('GET', '/notifications/mailbox?limit=0', { token: admin() })).status).toBe(400);
  });

  it('emails the customer when an order is confirmed, cancelled or shipped', async () => {
    const orderId = '0190a000-0000-7000-8000-0000000abc12';
    await publishFromOrders(
      new OrderConfirmed({
        orderId,
        customerId,
        lines: [
          {
            productId: orderId,
            variantId: orderId,
            sku: 'TEE-M',
            title: 'Tee M',
            quantity: 2,
            unitPrice: { amount: 1999, currency: 'EUR' },
          },
        ],
        total: { amount: 3998, currency: 'EUR' },
        confirmedAt: new Date().toISOString(),
      }),
    );
    const confirmed = await waitForMail('buyer@example.com', 'order-confirmed');
    expect(confirmed.subject).toBe('Order #000ABC12 confirmed');
    expect(confirmed.text).toContain('2 × Tee M (TEE-M)  €39.98');
    expect(confirmed.text).toContain('Total: €39.98');
    // The storefront's order page, from ORDER_URL_TEMPLATE: not an API route that needs a token.
    expect(confirmed.text).toContain(`Follow it at https://shop.example.test/account/orders/${orderId}?from=email`);

    await publishFromOrders(
      new OrderShipped({
        orderId,
        customerId,
        carrier: 'DHL',
        trackingNumber: 'JD0001',
        shippedAt: new Date().toISOString(),
      }),
    );
    expect((await waitForMail('buyer@example.com', 'order-shipped')).text).toContain('Tracking number: JD0001');

    await publishFromOrders(
      new OrderCancelled({ orderId, customerId, reason: 'payment_declined', cancelledAt: new Date().toISOString() }),
    );
    expect((await waitForMail('buyer@example.com', 'order-cancelled')).text).toContain(
      'cancelled: the payment was declined',
    );
  });

  it('never drops an email for an unknown customer: it ends as a dead letter', async () => {
    const event = new OrderShipped({
      orderId: '0190a000-0000-7000-8000-0000000abc99',
      customerId: '0190a000-0000-7000-8000-00000000dead',
      carrier: 'DHL',
      trackingNumber: 'X',
      shippedAt: new Date().toISOString(),
    });
    await publishFromOrders(event);
    const orders = t.app.get(ModuleDataSources).get('orders')!;
    const deadline = Date.now() + 10_000;
    let row: { status: string; attempts: number; last_error: string | null } | undefined;
    while (Date.now() < deadline) {
      [row] = (await orders.query(`SELECT status, attempts, last_error FROM outbox WHERE id = $1`, [
        event.eventId,
      ])) as (typeof row)[];
      if (row?.status === 'dead') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(row).toMatchObject({ status: 'dead', attempts: 2 });
    expect(row!.last_error).toMatch(/unknown to accounts/);
  });
});
