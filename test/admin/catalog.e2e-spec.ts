import { v7 as uuidv7 } from 'uuid';
import { ReserveStock } from '../../src/modules/catalog';
import { ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { Scenario } from '../support/scenario';
import { Shop } from '../support/shop';

const ADMIN = { email: 'catalog-admin@example.com', password: 'catalog-admin-password-1' };

/**
 * The console's Catalog page in a real Chromium against the app on a real database (issue 23): find
 * a product, see its variants' stock and reservations, set stock from the form, and have the AI
 * module (a loopback OpenAI-compatible server) draft a description that a person accepts or discards.
 */
describe('admin console: catalog', () => {
  let server: OpenAiCompatibleServer;
  let s: Scenario;
  let shop: Shop;
  let browser: ConsoleBrowser;
  let product: { productId: string; variantId: string };
  let title: string;
  let heldBy: string;

  /** The model reads the product's facts, then writes `text`. */
  const modelWrites = (text: string) =>
    server.reply(
      {
        type: 'completion',
        toolCalls: [{ id: 'facts', name: 'catalog_product_facts', arguments: { product: product.productId } }],
        usage: { promptTokens: 120, completionTokens: 20 },
      },
      { type: 'completion', content: text, usage: { promptTokens: 300, completionTokens: 60 } },
    );

  beforeAll(async () => {
    requireConsoleBuild();
    server = await OpenAiCompatibleServer.start();
    s = await Scenario.start({
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        CATALOG_RESERVATION_SWEEP_MS: '0',
        AI_OPENAI_BASE_URL: server.baseURL,
        AI_OPENAI_API_KEY: 'test-key',
        AI_MAX_RETRIES: '0',
      },
    });
    await s.app.listen(0, '127.0.0.1');
    const { port } = s.app.getHttpServer().address() as { port: number };
    shop = new Shop(s.app);
    product = await shop.createProduct(5, 12_900);
    title = (await shop.request('GET', `/catalog/products/${product.productId}`)).body.title;
    const draft = await shop.request('POST', '/catalog/products', shop.admin(), {
      title: 'Lantern draft',
      description: 'Not on sale yet.',
      status: 'draft',
      variants: [{ sku: 'LANTERN-DRAFT', title: 'Default', price: { amount: 4_500, currency: 'EUR' }, stock: 0 }],
    });
    expect(draft.status).toBe(201);
    // An order being checked out holds 2 of the 5 units.
    heldBy = uuidv7();
    const unitPrice = { amount: 12_900, currency: 'EUR' };
    await s.bus.execute(new ReserveStock(heldBy, [{ variantId: product.variantId, quantity: 2, unitPrice }]));
    const prompt = await shop.request('POST', '/ai/prompts', shop.admin(), {
      name: 'catalog.product-description',
      template: {
        type: 'chat',
        messages: [
          { role: 'system', content: 'You write product copy from the facts the catalog tool gives you.' },
          { role: 'user', content: 'Write a description of {{title}}.' },
        ],
      },
      variables: ['title'],
      settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400 },
      commitMessage: 'first',
      labels: ['production'],
    });
    expect(prompt.status).toBe(201);
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await server?.close();
  });

  it('finds a product, shows its stock and reservations, and sets its stock from the form', async () => {
    const page = await browser.open('/admin');
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await page.getByRole('table', { name: 'Products' }).waitFor();
    await page.getByLabel('Search products').fill(title.split(' ')[1]);
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.getByRole('table', { name: 'Products' }).getByRole('link', { name: title });
    await link.waitFor();
    expect(await page.getByRole('table', { name: 'Products' }).getByRole('row').count()).toBe(2);
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'catalog-list');

    // A draft is not in the shop's list; the Status filter finds it (GET /catalog/products?status=draft).
    await page.getByLabel('Search products').fill('');
    await page.getByLabel('Status').selectOption('draft');
    await page.getByRole('button', { name: 'Search' }).click();
    const products = page.getByRole('table', { name: 'Products' });
    await products.getByRole('link', { name: 'Lantern draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lantern draft' }).waitFor();
    await page.getByText(/· draft$/).waitFor();
    await page.getByRole('link', { name: 'All products' }).click();
    await page.getByLabel('Search products').fill(title.split(' ')[1]);
    await page.getByLabel('Status').selectOption('active');
    await page.getByRole('button', { name: 'Search' }).click();

    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/catalog/${product.productId}`);
    const sku = (await shop.request('GET', `/catalog/variants/${product.variantId}/stock`, shop.admin())).body.sku;
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: sku }) });
    const cell = (figure: string) => row.locator(`[data-stock="${figure}"]`);
    await cell('reserved').getByText('2').waitFor();
    expect(await cell('onHand').textContent()).toBe('5');
    expect(await cell('available').textContent()).toBe('3');
    await page
      .getByRole('list', { name: `Reservations of ${sku}` })
      .getByRole('link', { name: `Order ${heldBy}` })
      .waitFor();

    // Fewer units than are held: the API's 409 problem is shown, and nothing changes.
    await page.getByLabel(`Units on hand of ${sku}`).fill('1');
    await page.getByRole('button', { name: 'Set' }).click();
    await page
      .getByRole('alert')
      .getByText(/reserved/)
      .waitFor();
    expect(await cell('onHand').textContent()).toBe('5');

    // By keyboard: Enter in the field submits its form.
    await page.getByLabel(`Units on hand of ${sku}`).fill('12');
    await page.getByLabel(`Units on hand of ${sku}`).press('Enter');
    await cell('onHand').getByText('12').waitFor();
    expect(await cell('available').textContent()).toBe('10');
    expect(await page.getByRole('alert').count()).toBe(0);
    const stock = await shop.request('GET', `/catalog/variants/${product.variantId}/stock`, shop.admin());
    expect(stock.body).toMatchObject({ onHand: 12, reserved: 2, available: 10 });
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'catalog-product');
    await page.close();
  });

  it('generates a description draft and accepts it; discards another after confirming', async () => {
    const page = await browser.open(`/admin/catalog/${product.productId}`);
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    const drafts = page.getByRole('region', { name: 'Description drafts' });
    await drafts.getByText('No drafts yet.', { exact: false }).waitFor();

    modelWrites('A roomy two-person tent that pitches in minutes.');
    await drafts.getByRole('button', { name: 'Generate a draft' }).click();
    await drafts.getByText('A roomy two-person tent that pitches in minutes.').waitFor();
    expect(server.pendingReplies).toBe(0);
    const description = page.getByRole('region', { name: 'Description', exact: true });
    expect(await description.getByText('A roomy two-person tent').count()).toBe(0);
    await drafts.getByRole('button', { name: 'Accept' }).click();
    await description.getByText('A roomy two-person tent that pitches in minutes.').waitFor();
    await drafts.getByText('accepted', { exact: true }).waitFor();
    expect((await shop.request('GET', `/catalog/products/${product.productId}`)).body.description).toBe(
      'A roomy two-person tent that pitches in minutes.',
    );

    modelWrites('Too much marketing.');
    await drafts.getByRole('button', { name: 'Generate a draft' }).click();
    await drafts.getByText('Too much marketing.').waitFor();
    await drafts.getByRole('button', { name: 'Discard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
    await dialog.waitFor();
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Discard draft' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await drafts.getByText('discarded', { exact: true }).waitFor();
    const listed = await shop.request('GET', `/catalog/products/${product.productId}/description-drafts`, shop.admin());
    expect(listed.body.items.map((d: { status: string }) => d.status)).toEqual(['discarded', 'accepted']);
    expect((await shop.request('GET', `/catalog/products/${product.productId}`)).body.description).toBe(
      'A roomy two-person tent that pitches in minutes.',
    );
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'catalog-drafts');
    await page.close();
  });
});
