import type { Page } from 'playwright-core';
import { consoleAppEnv, ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'orders-admin@example.com', password: 'orders-admin-password-1' };
const euros = (minor: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(minor / 100);

/**
 * The console's Orders page in a real Chromium against the app over HTTP on a real database (issue
 * 23): the filtered list, an order's lines, totals, payments, shipments and saga timeline, and the
 * admin's actions (cancel, refund lines, refund everything, label fraudulent) driven by clicks.
 */
describe('admin console: orders', () => {
  let t: TestApp;
  let shop: Shop;
  let browser: ConsoleBrowser;
  let variantId: string;

  beforeAll(async () => {
    requireConsoleBuild();
    t = await createTestApp({
      env: {
        ...consoleAppEnv(ADMIN),
      },
    });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    shop = new Shop(t.app);
    shop.shippingMethodId = await shop.createShippingMethod();
    ({ variantId } = await shop.createProduct(50, 2500));
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A customer's order of `quantity` units, placed through the API (not awaited). */
  async function placeOrder(quantity = 1): Promise<{ orderId: string; customer: { id: string; auth: Json } }> {
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    expect(placed.status).toBe(202);
    return { orderId: placed.body.id as string, customer };
  }

  /** An admin signed in at `path` (tokens live in the tab's memory: each new tab signs in). */
  async function signedIn(path: string): Promise<Page> {
    const page = await browser.open(path);
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    return page;
  }

  /**
   * Axe on the page once its finite animations (a dialog fading in) have finished: a half-faded
   * dialog would fail the contrast check for what it is not yet. Infinite ones (loaders) are left.
   */
  async function axe(page: Page) {
    await page.evaluate(`Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)))`);
    return browser.accessibilityViolations(page);
  }
  const outcome = (page: Page) => page.getByTestId('saga-outcome');
  const region = (page: Page, name: string) => page.getByRole('region', { name });

  it('filters the list, opens an order and watches its saga timeline reach completed', async () => {
    const { orderId, customer } = await placeOrder(2);
    const page = await signedIn('/admin');
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();

    // A customer id that is not one: the API's validation problem, shown with its title.
    await page.getByLabel('Customer id').fill('not-a-customer');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('alert').getByText('Validation failed').waitFor();

    // The customer's orders, placed today: exactly the one placed above.
    await page.getByLabel('Customer id').fill(customer.id);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Placed from').fill(day);
    await page.getByLabel('Placed until (inclusive)').fill(day);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('table', { name: 'Orders' });
    await table.getByRole('link', { name: orderId }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2); // the header and the order
    expect(new URL(page.url()).searchParams.get('customer')).toBe(customer.id);
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'orders');

    // Another status than the order's: nothing matches.
    await page.getByLabel('Status').selectOption('delivered');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await table.getByText('No order matches these filters.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();

    await table.getByRole('link', { name: orderId }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderId}` }).waitFor();
    // The timeline refreshes itself until the checkout has captured the payment and committed the stock.
    await outcome(page).getByText('Completed: payment captured and stock committed').waitFor({ timeout: 20_000 });
    const steps = region(page, 'Saga timeline').getByRole('table', { name: 'Saga steps' });
    await steps.locator('[data-step="clear_cart"]').waitFor();
    const order = (await shop.request('GET', `/orders/${orderId}/saga`, shop.admin())).body;
    const rows = await steps.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-step')));
    expect(rows).toEqual(order.steps.map((s: Json) => s.step));
    expect(rows.slice(0, 2)).toEqual(['reserve_stock', 'authorize_payment']);
    // Each step names the message sent and the reply received, with their ids.
    const reserve = steps.locator('[data-step="reserve_stock"]');
    await reserve.getByText(order.steps[0].message.id).waitFor();
    await reserve.getByText(order.steps[0].reply.id).waitFor();
    expect(await reserve.textContent()).toContain('delivered');
    expect(await steps.getByText('Compensation').count()).toBe(0);

    // Lines, the totals breakdown whose parts make the total, payments and the shipment.
    const placed = (await shop.request('GET', `/orders/${orderId}`, customer.auth)).body;
    const lines = region(page, 'Lines').getByRole('table', { name: 'Order lines' });
    expect(await lines.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([placed.lines[0].sku, '2', euros(2500), euros(5000)]),
    );
    const totals = region(page, 'Totals').getByRole('table', { name: 'Totals' });
    expect(await totals.locator('[data-total="Subtotal"]').textContent()).toBe(euros(placed.totals.subtotal.amount));
    expect(await totals.locator('[data-total="Shipping"]').textContent()).toBe(
      euros(placed.totals.shippingTotal.amount),
    );
    expect(await totals.locator('[data-total="Total"]').textContent()).toBe(euros(placed.totals.total.amount));
    const payments = region(page, 'Payments');
    await payments.locator('[data-payment-status]', { hasText: 'captured' }).waitFor();
    await region(page, 'Shipments').getByRole('table', { name: 'Shipments' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'order');
    await page.close();
  });

  it('cancels an order from its page after a confirmation; the timeline says why and marks the compensations', async () => {
    const { orderId, customer } = await placeOrder(1);
    await shop.orderUntil(customer.auth, orderId, ['confirmed']);
    const page = await signedIn(`/admin/orders/${orderId}`);
    await outcome(page)
      .getByText(/^(Confirmed|Completed)/)
      .waitFor();

    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
    await dialog.waitFor();
    expect(await axe(page)).toEqual([]);
    // Backing out changes nothing.
    await dialog.getByRole('button', { name: 'Back' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await shop.request('GET', `/orders/${orderId}`, customer.auth)).body.status).toBe('confirmed');

    await page.getByRole('button', { name: 'Cancel order' }).click();
    await dialog.getByRole('button', { name: 'Cancel the order' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await outcome(page).getByText('Cancelled: cancelled by an admin').waitFor();
    const steps = region(page, 'Saga timeline').getByRole('table', { name: 'Saga steps' });
    // The compensations (the payment given back, the stock released or restocked) are marked as such.
    await steps.getByText('Compensation').first().waitFor();
    const saga = (await shop.request('GET', `/orders/${orderId}/saga`, shop.admin())).body;
    expect(saga.cancellation.reason).toBe('cancelled_by_admin');
    const compensations = saga.steps.filter((s: Json) => s.compensation).map((s: Json) => s.step);
    expect(compensations.length).toBeGreaterThan(0);
    for (const step of compensations) {
      await steps.locator(`[data-step="${step}"]`).getByText('Compensation').waitFor();
    }
    await page.locator('[data-order-status="cancelled"]').waitFor();
    expect(await page.getByRole('button', { name: 'Cancel order' }).isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'order-cancelled');
    await page.close();
  });

  it('refunds a unit of a line, then everything left, and labels the payment fraudulent', async () => {
    const { orderId, customer } = await placeOrder(2);
    await shop.orderUntil(customer.auth, orderId, ['confirmed']);
    const page = await signedIn(`/admin/orders/${orderId}`);
    await outcome(page).getByText('Completed: payment captured and stock committed').waitFor({ timeout: 20_000 });
    const payments = region(page, 'Payments');
    await payments.locator('[data-payment-status]', { hasText: 'captured' }).waitFor();

    await page.getByRole('button', { name: 'Refund lines' }).click();
    const lines = page.getByRole('dialog', { name: 'Refund units of lines' });
    const confirm = lines.getByRole('button', { name: 'Refund the chosen units' });
    expect(await confirm.isDisabled()).toBe(true); // nothing chosen yet
    await lines.getByLabel('Units of line 1 to refund').fill('1');
    expect(await axe(page)).toEqual([]);
    await confirm.click();
    await lines.waitFor({ state: 'hidden' });
    const order = (await shop.request('GET', `/orders/${orderId}`, customer.auth)).body;
    expect(order.lines[0].refundedUnits).toBe(1);
    // Payments refunds the unit's share asynchronously; the page keeps reading until it shows.
    let payment: Json = {};
    await shop.eventually(async () => {
      [payment] = (await shop.request('GET', `/payments?orderId=${orderId}`, shop.admin())).body.items;
      return payment.refundedAmount.amount > 0;
    }, 'the unit refunded');
    const oneUnit = payment.refundedAmount.amount as number;
    expect(oneUnit).toBeLessThan(order.lines[0].total.amount);
    await payments.locator('[data-payment-refunded]', { hasText: euros(oneUnit) }).waitFor();
    const refunded = region(page, 'Lines').getByRole('row').nth(1).getByRole('cell').last();
    expect(await refunded.textContent()).toBe('1');

    await page.getByRole('button', { name: 'Refund everything' }).click();
    const whole = page.getByRole('dialog', { name: 'Refund the whole payment?' });
    const left = (payment.capturedAmount.amount as number) - oneUnit;
    await whole.getByRole('button', { name: `Refund ${euros(left)}` }).click();
    await whole.waitFor({ state: 'hidden' });
    await payments.locator('[data-payment-refunded]', { hasText: euros(payment.capturedAmount.amount) }).waitFor();
    expect(await page.getByRole('button', { name: 'Refund everything' }).isDisabled()).toBe(true);

    const labelStatus = (p: Page) => p.getByRole('group', { name: 'Order actions' }).getByRole('status');
    await labelStatus(page).getByText('Not labelled').waitFor();
    await page.getByRole('button', { name: 'Mark fraudulent' }).click();
    const label = page.getByRole('dialog', { name: "Label this order's payment" });
    await label.getByLabel('Note').fill('cardholder called: card stolen');
    await label.getByRole('button', { name: 'Label fraudulent' }).click();
    await label.waitFor({ state: 'hidden' });
    await labelStatus(page).getByText("Labelled fraudulent (an admin's mark) by admin:").waitFor();
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'order-refunded');
    await page.close();

    // The label is read back (GET /payments/fraud-labels/:orderId): a new tab shows it, with when and the note.
    const again = await signedIn(`/admin/orders/${orderId}`);
    const shown = labelStatus(again);
    await shown.getByText("Labelled fraudulent (an admin's mark) by admin:").waitFor();
    expect(await shown.textContent()).toContain('“cardholder called: card stolen”');
    expect(await shown.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await again.close();
  });

  it('shows the problem for an order that does not exist', async () => {
    const page = await signedIn('/admin/orders/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    await page.getByRole('alert').getByText('was not found').waitFor();
    expect(await page.getByRole('region', { name: 'Saga timeline' }).count()).toBe(0);
    await page.close();
  });
});
