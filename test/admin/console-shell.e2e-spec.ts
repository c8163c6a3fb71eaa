import { consoleAppEnv, ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { Shop } from '../support/shop';
import { SHOPPER_PASSWORD } from '../support/shop-steps';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'console-admin@example.com', password: 'console-admin-password-1' };

/** The admin console's shell in a real Chromium against the app over HTTP on a real database (issue 23). */
describe('admin console: the shell', () => {
  let t: TestApp;
  let shop: Shop;
  let browser: ConsoleBrowser;
  let orderTotal: { amount: number; currency: string };

  beforeAll(async () => {
    // `npm test` builds the console first (pretest); a bare `npx jest` may not have.
    requireConsoleBuild();
    t = await createTestApp({
      env: {
        ...consoleAppEnv(ADMIN),
      },
    });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    shop = new Shop(t.app);
    // One order today, confirmed: the overview has something real to count.
    shop.shippingMethodId = await shop.createShippingMethod();
    const { variantId } = await shop.createProduct(10, 2500);
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 2 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const order = await shop.orderUntil(customer.auth, placed.body.id, ['confirmed']);
    orderTotal = order.totals.total;
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs an admin in to the overview with real figures; keyboard navigation; axe clean', async () => {
    const page = await browser.open('/admin');
    // The console's Content-Security-Policy lets the bundle run: the browser reports no error.
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => response.status() === 404 && errors.push(`404 ${response.url()}`));
    await page.getByRole('heading', { name: 'Arcade admin' }).waitFor();
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'login');

    const started = Date.now();
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    const orders = page.getByRole('region', { name: 'Orders today' });
    await orders.getByText('Checkouts in flight').waitFor();
    const messaging = page.getByRole('region', { name: 'Outbox and dead letters' });
    await messaging.getByRole('rowheader', { name: 'orders' }).waitFor();
    await page.getByRole('region', { name: 'Readiness' }).getByText('db:orders: up').waitFor();
    await page.getByRole('region', { name: 'AI spend today' }).getByText('No AI calls today.').waitFor();
    const loadedMs = Date.now() - started;
    // The browser's own timing of the page load (this file has no DOM types: the script is a string).
    const navigation = await page.evaluate<{ domContentLoaded: number; load: number }>(
      `(() => { const [e] = performance.getEntriesByType('navigation');
        return { domContentLoaded: Math.round(e.domContentLoadedEventEnd), load: Math.round(e.loadEventEnd) }; })()`,
    );
    console.log(`overview: first load ${JSON.stringify(navigation)} ms; sign-in to all figures ${loadedMs} ms`);

    const figure = (label: string) => orders.locator(`[data-figure="${label}"]`).textContent();
    expect(await figure('Orders')).toBe('1');
    const money = new Intl.NumberFormat('en', { style: 'currency', currency: orderTotal.currency });
    expect(await figure('Revenue')).toBe(money.format(orderTotal.amount / 100));
    expect(await figure('Checkouts in flight')).toBe('0');
    // The counts say what they count: events since midnight, and the orders the revenue is made of.
    await orders
      .getByText(/^Since 00:00 UTC: 1 confirmed · 0 cancelled .* revenue from 1 confirmed order not cancelled/)
      .waitFor();
    // The orders module's row: nothing pending, no dead letter, and its inbox remembers the replies it handled.
    const cells = await messaging.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'orders' }) });
    const [pending, , deadLetters, inbox] = await cells.getByRole('cell').allTextContents();
    expect({ pending, deadLetters }).toEqual({ pending: '0', deadLetters: '0' });
    expect(Number(inbox)).toBeGreaterThan(0);
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'overview');

    // Tab from the top of the page to the navigation's Orders link, and follow it with Enter.
    let focused = '';
    for (let step = 0; step < 30 && focused !== 'Orders'; step++) {
      await page.keyboard.press('Tab');
      focused = ((await page.locator(':focus').textContent()) ?? '').trim();
    }
    expect(focused).toBe('Orders');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/orders');
    expect(await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Orders',
      'Catalog',
      'Fraud review',
      'Messaging',
      'AI',
      'Modules',
    ]);
    expect(await browser.accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a 401 with one refresh of the session and a retry', async () => {
    const page = await browser.open('/admin');
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('region', { name: 'Outbox and dead letters' }).getByRole('table').waitFor();
    // The next messaging call carries a token the server refuses (as an expired one would be): the
    // server's 401, the refresh and the retry are all real.
    let spoiled = false;
    await page.route('**/admin/messaging', async (route) => {
      if (spoiled) return route.continue();
      spoiled = true;
      await route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer not-a-token' } });
    });
    const statuses: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path === '/admin/messaging' || path === '/accounts/token/refresh')
        statuses.push(`${path} ${response.status()}`);
    });
    const retried = page.waitForResponse((r) => r.url().endsWith('/admin/messaging') && r.status() === 200);
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('link', { name: 'Overview' }).click();
    await retried;
    expect(statuses).toEqual(['/admin/messaging 401', '/accounts/token/refresh 200', '/admin/messaging 200']);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.close();
  });

  it('loads the app on a deep link, and on a page whose path is also an API path', async () => {
    const page = await browser.open('/admin/orders/xyz');
    // Tokens live in memory only: a fresh tab asks for the password, then shows the linked page.
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Order xyz' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/orders/xyz');

    await page.goto(`${browser.baseUrl}/admin/messaging`);
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Messaging' }).waitFor();
    await page.close();
  });

  it('leaves API calls to unknown /admin paths their 404 problem', async () => {
    const response = await fetch(`${browser.baseUrl}/admin/nothing-here`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses a customer with a clear message', async () => {
    const customer = await shop.signUp();
    const page = await browser.open('/admin');
    await browser.logIn(page, customer.email, SHOPPER_PASSWORD);
    await page.getByRole('alert').getByText('This account is not an admin').waitFor();
    expect(await page.getByRole('navigation', { name: 'Console pages' }).count()).toBe(0);
    await page.close();
  });
});
