import type { Page } from 'playwright-core';
import { consoleAppEnv, ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { Json, Shop } from '../support/shop';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'fraud-admin@example.com', password: 'fraud-admin-password-1' };

/**
 * The console's Fraud review page in a real Chromium against the app over HTTP on a real database
 * (issue 23). The rules hold every payment here (cold start, no model: a US card shipped to Germany
 * scores 20, and the review threshold is 20), so each order waits in `awaiting_review` for a person.
 */
describe('admin console: fraud review', () => {
  let t: TestApp;
  let shop: Shop;
  let browser: ConsoleBrowser;
  let variantId: string;

  beforeAll(async () => {
    requireConsoleBuild();
    t = await createTestApp({
      env: {
        ...consoleAppEnv(ADMIN),
        RISK_REVIEW_SCORE: '20',
        FRAUD_REVIEW_DEFAULT: 'approve',
        FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0',
      },
    });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    shop = new Shop(t.app);
    ({ variantId } = await shop.createProduct(20, 3000));
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** An order placed through the API whose payment the risk check holds; its review as the API lists it. */
  async function heldOrder(): Promise<{ orderId: string; paymentId: string; review: Json }> {
    const customer = await shop.signUp();
    const cartId = await shop.cartWith(customer.auth, [{ variantId, quantity: 1 }]);
    const placed = await shop.placeOrder(customer.auth, cartId);
    const orderId = placed.body.id as string;
    let review: Json | undefined;
    await shop.eventually(async () => {
      const queue = await shop.request('GET', '/payments/reviews?limit=100', shop.admin());
      review = (queue.body.items as Json[]).find((r) => r.orderId === orderId);
      return review !== undefined;
    }, 'the payment held for review');
    return { orderId, paymentId: review!.paymentId as string, review: review! };
  }

  async function signedIn(path: string): Promise<Page> {
    const page = await browser.open(path);
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    return page;
  }

  /** Axe once finite animations (a dialog fading in) have finished; see orders.e2e-spec. */
  async function axe(page: Page) {
    await page.evaluate(`Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)))`);
    return browser.accessibilityViolations(page);
  }

  it('approves a held payment from the queue after a confirmation and sees the order confirm', async () => {
    const { orderId, paymentId, review } = await heldOrder();
    expect(review.assessment).toMatchObject({ decision: 'review', decidedBy: 'rules', rulesScore: 20 });
    const page = await signedIn('/admin');
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Fraud review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fraud review' }).waitFor();
    const queue = page.getByRole('table', { name: 'Reviews' });
    const row = queue.getByRole('row').filter({ has: page.getByRole('link', { name: paymentId }) });
    await row.waitFor();
    // Score, amount, what drove it (the rules' reasons at cold start) and the AI explanation's state.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toEqual(expect.arrayContaining([orderId, '€30.00', '20 / 100 (rules)']));
    const reasons = (review.assessment.reasons as string[]).join(', ');
    expect(cells).toContain(reasons);
    expect(cells.join(' ')).toMatch(/None asked for|being written|no AI model is configured|failed/);
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'fraud-review');

    await row.getByRole('link', { name: paymentId }).click();
    await page.getByRole('heading', { level: 1, name: `Review of payment ${paymentId}` }).waitFor();
    await page.locator('[data-review-status="pending"]').waitFor();
    await page.locator('[data-order-status="pending"]').waitFor();
    await page
      .getByRole('region', { name: 'Assessment' })
      .getByText('Score 20 / 100 (rules)', { exact: false })
      .waitFor();

    await page.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve this payment?' });
    await dialog.waitFor();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Approve and capture' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-review-status="approved"]').waitFor();
    // The order's status beside the review is read again until the checkout confirms it.
    await page.locator('[data-order-status="confirmed"]').waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await browser.screenshot(page, 'fraud-review-approved');

    // The order's saga timeline: held for review, then captured.
    await page.getByRole('region', { name: 'Order' }).getByRole('link', { name: orderId }).click();
    await page
      .getByTestId('saga-outcome')
      .getByText(/^(Confirmed|Completed)/)
      .waitFor();
    await page.getByRole('region', { name: 'Saga timeline' }).getByText('payment held for review').waitFor();
    await page.close();
  });

  it('rejects a held payment after a confirmation: the order is cancelled for payment risk', async () => {
    const { orderId, paymentId } = await heldOrder();
    const page = await signedIn(`/admin/fraud/${paymentId}`);
    await page.locator('[data-review-status="pending"]').waitFor();
    await page.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this payment?' });
    await dialog.getByRole('button', { name: 'Reject and cancel the order' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-review-status="rejected"]').waitFor();
    await page.locator('[data-order-status="cancelled"]').waitFor();
    const order = (await shop.request('GET', `/orders/${orderId}`, shop.admin())).body;
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: 'payment_risk' });

    // The queue of rejected reviews lists it.
    await page.getByRole('link', { name: '← Review queue' }).click();
    await page.getByLabel('Show reviews').selectOption('rejected');
    await page.getByRole('table', { name: 'Reviews' }).getByRole('link', { name: paymentId }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('rejected');

    await page.getByRole('table', { name: 'Reviews' }).getByRole('link', { name: orderId }).click();
    await page
      .getByTestId('saga-outcome')
      .getByText('Cancelled: payment refused as too risky (fraud check or review)')
      .waitFor();
    await page.close();
  });

  it("refreshes an open order's saga timeline by itself from in flight to completed", async () => {
    const { orderId, paymentId } = await heldOrder();
    const page = await signedIn(`/admin/orders/${orderId}`);
    const outcome = page.getByTestId('saga-outcome');
    await outcome.getByText('In flight: waiting for a person to review the payment (fraud review queue)').waitFor();
    expect(await page.locator('[data-outcome="in_flight"]').count()).toBe(1);
    // Decided elsewhere (another admin, through the API): the page, not reloaded, follows.
    const approved = await shop.request('POST', `/payments/reviews/${paymentId}/approve`, shop.admin());
    expect(approved.status).toBe(200);
    await outcome.getByText('Completed: payment captured and stock committed').waitFor({ timeout: 20_000 });
    await page.locator('[data-order-status="confirmed"]').waitFor();
    await page.close();
  });
});
