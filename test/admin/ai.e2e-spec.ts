import type { Locator, Page } from 'playwright-core';
import { CompleteChat } from '../../src/modules/ai';
import { MessageBus } from '../../src/platform/messaging';
import { bearer } from '../support/auth';
import { ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createTestApp, TestApp } from '../support/test-app';

const ADMIN = { email: 'console-ai-admin@example.com', password: 'console-ai-admin-password-1' };
const PROMPT = 'console.greeting';
const FEATURE = 'console.greeting-demo';

/**
 * The AI pages of the admin console (issue 23) in a real Chromium against the app on a real
 * database, its model provider being the local OpenAI-compatible test server: prompts (a new
 * version, its diff, `production` moved to it and back), the call log and one call, the costs
 * (the cost of a real call on the chart and in the table), the data tools. axe on every page.
 */
describe('admin console: AI', () => {
  let server: OpenAiCompatibleServer;
  let t: TestApp;
  let browser: ConsoleBrowser;
  let page: Page;
  let admin: { authorization: string };
  const errors: string[] = [];
  const api = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: admin })).json();

  async function clean(name: string): Promise<void> {
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, name);
  }

  /** Waits for a dialog's opening transition to end (axe reads colours through its opacity). */
  const settled = (dialog: Locator) =>
    dialog.evaluate(
      `(el) => Promise.all(el.closest('[data-portal]').getAnimations({ subtree: true }).map((a) => a.finished))`,
    );

  beforeAll(async () => {
    requireConsoleBuild();
    server = await OpenAiCompatibleServer.start();
    t = await createTestApp({
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        AI_OPENAI_BASE_URL: server.baseURL,
        AI_OPENAI_API_KEY: 'test-key',
        AI_MAX_RETRIES: '0',
      },
    });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    admin = bearer(t.app, ['admin']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/ai/prompts',
      headers: admin,
      payload: {
        name: PROMPT,
        description: 'Greets a customer',
        template: { type: 'text', text: 'Greet {{customer}} warmly.' },
        variables: ['customer'],
        settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 100 },
        commitMessage: 'First greeting',
        labels: ['production'],
      },
    });
    expect(created.statusCode).toBe(201);
    const budget = await t.app.inject({
      method: 'POST',
      url: '/ai/budgets',
      headers: admin,
      payload: { scope: 'feature', feature: FEATURE, period: 'day', limit: '0.01' },
    });
    expect(budget.statusCode).toBe(201);
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
    page = await browser.open('/admin/ai');
    // Any browser error fails the test; the browser's own line for an HTTP error answer is left to
    // the response listener (a 400 the page shows the person is expected, a 404 or 5xx is not).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on(
      'response',
      (response) =>
        (response.status() === 404 || response.status() >= 500) &&
        errors.push(`${response.status()} ${response.url()}`),
    );
    await browser.logIn(page, ADMIN.email, ADMIN.password);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await server?.close();
  });
  afterEach(() => expect(errors.splice(0)).toEqual([]));

  it('creates a prompt version, shows its diff, moves production to it and rolls it back', async () => {
    await page.getByRole('heading', { level: 2, name: 'Prompts' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: PROMPT }) });
    await row.getByText('production → v1').waitFor();
    await clean('ai-prompts');

    await row.getByRole('link', { name: PROMPT }).click();
    await page.getByRole('heading', { level: 2, name: `Prompt ${PROMPT}` }).waitFor();
    const labels = () =>
      page
        .getByRole('table', { name: 'Labels' })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'production' }) });

    // A new version from the page: the form starts from the latest version.
    await page.getByRole('button', { name: 'New version' }).click();
    const form = page.getByRole('dialog', { name: `New version of ${PROMPT}` });
    expect(await form.getByRole('textbox', { name: 'Template', exact: true }).inputValue()).toBe(
      'Greet {{customer}} warmly.',
    );
    const template = form.getByRole('textbox', { name: 'Template', exact: true });
    // A malformed placeholder: the API's 400 problem is shown in the form, and nothing is saved.
    await template.fill('Greet {{ customer name }}.');
    await form.getByRole('textbox', { name: 'Commit message' }).fill('Sign with the shop name');
    await form.getByRole('button', { name: 'Save version' }).click();
    await form.getByRole('alert').getByText('"{{ customer name }}" is not a {{variable}} placeholder').waitFor();
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    expect((await api(`/ai/prompts/${PROMPT}`)).latestVersion).toBe(1);
    await template.fill('Greet {{customer}} warmly, by name.\nSign as {{shop}}.');
    await form.getByText('Variables: customer, shop').waitFor();
    await form.getByRole('button', { name: 'Save version' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'v2' }).waitFor();
    expect((await api(`/ai/prompts/${PROMPT}/versions/2`)).variables).toEqual(['customer', 'shop']);
    await clean('ai-prompt');

    // The diff of v1 and v2 (the compare form preselects the two newest).
    await page.getByRole('button', { name: 'Show diff' }).click();
    await page.getByRole('heading', { level: 2, name: `Diff of ${PROMPT}: v1 → v2` }).waitFor();
    await page.getByText('3 lines added, 2 lines removed.', { exact: false }).waitFor();
    const changed = (kind: string) => page.locator(`tr[data-change="${kind}"] td:last-child`).allTextContents();
    expect(await changed('removed')).toEqual(['Greet {{customer}} warmly.', 'variables: customer']);
    expect(await changed('added')).toEqual([
      'Greet {{customer}} warmly, by name.',
      'Sign as {{shop}}.',
      'variables: customer, shop',
    ]);
    await clean('ai-prompt-diff');
    await page.getByRole('link', { name: `Back to ${PROMPT}` }).click();

    // Move production to v2: the protected label asks for an explicit confirmation first.
    await page.getByRole('button', { name: 'Move production' }).click();
    let dialog = page.getByRole('dialog', { name: 'Move production' });
    await dialog.getByRole('combobox', { name: 'Version' }).selectOption('2');
    const move = dialog.getByRole('button', { name: 'Move production to v2' });
    expect(await move.isDisabled()).toBe(true);
    await settled(dialog);
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'ai-prompt-move-production');
    await dialog.getByRole('checkbox', { name: 'I mean to point production at v2' }).check();
    await move.click();
    await dialog.waitFor({ state: 'detached' });
    await labels().getByRole('cell', { name: 'v2', exact: true }).waitFor();
    expect((await api(`/ai/prompts/${PROMPT}`)).labels.production).toEqual({ version: 2 });

    // And back: the label history rolls the last move back.
    await page.getByRole('button', { name: 'Roll production back to v1' }).click();
    dialog = page.getByRole('dialog', { name: 'Roll back production' });
    expect(await dialog.getByRole('combobox', { name: 'Version' }).inputValue()).toBe('1');
    await dialog.getByRole('checkbox', { name: 'I mean to point production at v1' }).check();
    await dialog.getByRole('button', { name: 'Move production to v1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await labels().getByRole('cell', { name: 'v1', exact: true }).waitFor();
    expect((await api(`/ai/prompts/${PROMPT}`)).labels.production).toEqual({ version: 1 });
    const moves = (await api(`/ai/prompts/${PROMPT}/label-moves`)).items;
    expect(moves.slice(0, 2)).toMatchObject([
      { label: 'production', from: { version: 2 }, to: { version: 1 }, reason: 'Roll back to v1' },
      { label: 'production', from: { version: 1 }, to: { version: 2 } },
    ]);
  });

  it('shows the cost of a call to the model on the Costs chart and table, and the call in the log', async () => {
    // 20 prompt tokens at $0.15/1M + 100 output tokens at $0.60/1M (the default gpt-4o-mini price) = $0.000063.
    server.reply({ type: 'completion', content: 'Hello Ada!', usage: { promptTokens: 20, completionTokens: 100 } });
    const answer = await t.app
      .get(MessageBus)
      .execute(new CompleteChat(FEATURE, PROMPT, 'production', { customer: 'ada@example.com', shop: 'Arcade' }));
    expect(answer.content).toBe('Hello Ada!');

    await page.getByRole('navigation', { name: 'AI sections' }).getByRole('link', { name: 'Costs' }).click();
    await page.getByRole('heading', { level: 2, name: 'Costs' }).waitFor();
    await page.locator('[data-total="USD"]').getByText('USD 0.000063 · 1 call').waitFor();
    const chart = page.getByRole('figure', { name: 'Spend per day in USD, per feature and model' });
    await chart.getByText(`${FEATURE} · gpt-4o-mini`).waitFor();
    expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    const spend = page.getByRole('table', { name: 'Spend per day, feature and model' });
    const spent = spend.getByRole('row').filter({ hasText: FEATURE });
    expect(await spent.getByRole('cell').allTextContents()).toEqual([
      new Date().toISOString().slice(0, 10),
      FEATURE,
      'openai / gpt-4o-mini',
      '1',
      '0 / 0',
      '20 / 100',
      'USD 0.000063',
    ]);
    // The feature's day budget of $0.01: 0.63 % used.
    const budget = page.getByRole('progressbar', { name: `${FEATURE} (per day): 0.6 % used` });
    expect(Number(await budget.getAttribute('aria-valuenow'))).toBeCloseTo(0.63, 2);
    await page.getByRole('table', { name: 'Prices per million tokens' }).getByRole('rowheader').first().waitFor();
    await clean('ai-costs');

    // The call log, filtered by the feature; then the call in full, its bodies masked.
    await page.getByRole('navigation', { name: 'AI sections' }).getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { level: 2, name: 'Calls' }).waitFor();
    const filters = page.getByRole('form', { name: 'Filter calls' });
    await filters.getByRole('textbox', { name: 'Feature' }).fill(FEATURE);
    await filters.getByRole('combobox', { name: 'Outcome' }).selectOption('ok');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/feature=console\.greeting-demo/);
    const calls = page.getByRole('table').getByRole('row').filter({ hasText: FEATURE });
    await calls.first().getByText('USD 0.000063').waitFor();
    expect(await calls.count()).toBe(1);
    await clean('ai-calls');

    await calls.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: /^Call / }).waitFor();
    const facts = page.getByRole('table', { name: 'Call facts' });
    await facts.getByRole('row', { name: 'Cost USD 0.000063' }).waitFor();
    await facts.getByRole('row', { name: `Prompt ${PROMPT} v1 via production` }).waitFor();
    const request = await page.getByRole('region', { name: 'Request (masked)' }).textContent();
    expect(request).toContain('[EMAIL]');
    expect(request).not.toContain('ada@example.com');
    await clean('ai-call');
  });

  it('shows each feature’s data-tool grants and the tool audit', async () => {
    await page.getByRole('navigation', { name: 'AI sections' }).getByRole('link', { name: 'Data tools' }).click();
    await page.getByRole('heading', { level: 2, name: 'Data tools' }).waitFor();
    const grants = (await api('/ai/data-tool-grants')).items as { feature: string }[];
    expect(grants.length).toBeGreaterThan(0);
    for (const { feature } of grants) await page.getByRole('rowheader', { name: feature }).waitFor();
    await page.getByText('No tool call matches.').waitFor();
    await clean('ai-data-tools');
  });
});
