import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { TransactionRunner } from '../../src/platform/messaging/testing';
import { natsAvailable, removeStreamsOf, startSplitApp } from '../extraction/support/split-apps';
import { ProbeHappened } from '../messaging/probe.contracts';
import { createProbeTables, ProbeModule, probeControls } from '../messaging/probe.module';
import { ConsoleBrowser, requireConsoleBuild } from '../support/browser';
import { Scenario } from '../support/scenario';
import { Shop } from '../support/shop';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { waitUntil } from '../support/wait-until';

const ADMIN = { email: 'ops-admin@example.com', password: 'ops-admin-password-1' };

/**
 * The console's Messaging and Modules pages in a real Chromium against the app on a real database
 * (issue 23): a handler fails until told otherwise (the messaging probe), its event becomes a dead
 * letter on the page, is replayed from the page (one, then the selected ones) and delivered.
 */
describe('admin console: messaging and modules', () => {
  let s: Scenario;
  let shop: Shop;
  let browser: ConsoleBrowser;

  /** How many times the probe's orders subscriber has done its work for `label` (0 until delivered). */
  const effects = async (label: string): Promise<number> => {
    const rows = (await s.app
      .get(TransactionRunner)
      .run('orders', (tx) =>
        tx.manager.query(`SELECT count(*)::int AS n FROM orders.probe_effects WHERE label = $1`, [label]),
      )) as { n: number }[];
    return rows[0].n;
  };
  /** Publishes a probe event from the catalog module whose orders subscriber fails while `label` is failing. */
  const publishPoison = async (label: string): Promise<string> => {
    probeControls.failingLabels.add(label);
    const event = new ProbeHappened({ label, n: 1 });
    await s.app.get(TransactionRunner).run('catalog', async (tx) => tx.publish(event));
    return event.eventId;
  };

  beforeAll(async () => {
    requireConsoleBuild();
    s = await Scenario.start({
      extraModules: [ProbeModule],
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_ITERATIONS: '1',
        OUTBOX_MAX_ATTEMPTS: '3',
        OUTBOX_RETRY_BASE_MS: '20',
        OUTBOX_RETRY_MAX_MS: '40',
        OUTBOX_POLL_MS: '50',
      },
    });
    await createProbeTables(s.t.database.url);
    await s.app.listen(0, '127.0.0.1');
    const { port } = s.app.getHttpServer().address() as { port: number };
    shop = new Shop(s.app);
    browser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);
  afterAll(async () => {
    probeControls.failingLabels.clear();
    await browser?.close();
    await s?.close();
  });

  it('shows a failing message as a dead letter with its payload and error, replays it from the page, and it is delivered', async () => {
    const page = await browser.open('/admin');
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Messaging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messaging' }).waitFor();
    const modules = page.getByRole('region', { name: 'Outbox and inbox per module' });
    const catalogRow = modules.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'catalog' }) });
    await catalogRow.waitFor();
    const letters = page.getByRole('region', { name: 'Dead letters' });
    await letters.getByText('No dead letters', { exact: false }).waitFor();
    expect(await browser.accessibilityViolations(page)).toEqual([]);

    // The orders subscriber fails on these three until told otherwise: each becomes a dead letter.
    const [one, two, three] = [
      await publishPoison('console-one'),
      await publishPoison('console-two'),
      await publishPoison('console-three'),
    ];
    const row = (id: string) => letters.locator(`tr[data-dead-letter="${id}"]`);
    for (const id of [one, two, three]) await row(id).waitFor({ timeout: 20_000 });
    // host, database, pending, oldest, dead letters, inbox
    await waitUntil(async () => (await catalogRow.getByRole('cell').nth(4).textContent()) === '3');
    // Cells: the checkbox, module, source, attempts, … (the message type is the row header).
    expect(await row(one).getByRole('cell').nth(3).textContent()).toBe('3');
    expect(await row(one).getByText('probe failure for console-one').count()).toBe(1);

    // Its payload and whole error, on demand.
    const details = letters.getByRole('button', { name: `Details of catalog.ProbeHappened.v1 ${one}` });
    // By keyboard: the toggle is a real button.
    await details.focus();
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    expect(await row(one).getByRole('button', { name: 'Details of' }).count()).toBe(1);
    const payload = await letters.locator('pre').filter({ hasText: '"label": "console-one"' }).textContent();
    expect(JSON.parse(payload ?? '')).toMatchObject({ payload: { label: 'console-one', n: 1 } });
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'messaging-dead-letters');

    // Fixed: replay one from its row; it leaves the list and its subscriber does its work once.
    probeControls.failingLabels.clear();
    expect(await effects('console-one')).toBe(0);
    await letters.getByRole('button', { name: `Replay catalog.ProbeHappened.v1 ${one}` }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'Replayed' });
    // The page follows it from its outbox to its delivery (GET /admin/messaging/messages/{id}).
    const replayed = (id: string) => outcome.locator(`[data-replayed="${id}"]`);
    await replayed(one).getByText(`catalog ${one}: delivered`, { exact: false }).waitFor();
    expect(await effects('console-one')).toBe(1);
    await row(one).waitFor({ state: 'detached' });

    // The other two, selected and replayed at once: one ticked, then the header's box ticks both.
    const tick = (id: string) => letters.getByRole('checkbox', { name: `Select catalog.ProbeHappened.v1 ${id}` });
    await tick(two).check();
    await letters.getByRole('button', { name: 'Replay selected (1)' }).waitFor();
    await letters.getByRole('checkbox', { name: 'Select the first 2 dead letters' }).check();
    expect([await tick(two).isChecked(), await tick(three).isChecked()]).toEqual([true, true]);
    await letters.getByRole('button', { name: 'Replay selected (2)' }).click();
    for (const id of [two, three]) {
      await replayed(id).getByText(`catalog ${id}: delivered`, { exact: false }).waitFor();
    }
    await letters.getByText('No dead letters', { exact: false }).waitFor();
    expect([await effects('console-two'), await effects('console-three')]).toEqual([1, 1]);
    // Delivered: nothing pending, no dead letter left in the catalog module's row.
    await waitUntil(async () => {
      const cells = await catalogRow.getByRole('cell').allTextContents();
      return cells[2] === '0' && cells[4] === '0';
    });
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await browser.screenshot(page, 'messaging');
    await page.close();
  });

  it('lists every module of the map with its host, what it publishes and consumes, and its URL prefixes', async () => {
    const map = (await shop.request('GET', '/admin/modules', shop.admin())).body as {
      modules: { name: string; urlPrefixes: string[]; publishes: string[] }[];
    };
    expect(map.modules.length).toBeGreaterThan(5);
    const page = await browser.open('/admin/modules');
    await browser.logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Modules' }).waitFor();
    const here = page.getByRole('region', { name: 'Hosted by this process' });
    await here.getByRole('article').first().waitFor();
    expect(await here.getByRole('article').count()).toBe(map.modules.length);
    const table = page.getByRole('table', { name: 'Where each module runs' });
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(map.modules.map((m) => m.name).sort());
    expect(await table.getByRole('row').allInnerTexts()).toContain(
      ['Module', 'Hosted by', 'URL prefixes', 'Events published', 'Events consumed'].join('\t'),
    );
    const hosts = await table.locator('tbody tr td:first-of-type').allTextContents();
    expect(hosts).toEqual(map.modules.map(() => 'this process'));
    // Each module's card, read in one go (this file has no DOM types: the script is a string).
    const cards = await page.evaluate<{ name: string; host: string; prefixes: string[]; publishes: string[] }[]>(
      `[...document.querySelectorAll('article')].map((card) => {
        const list = (name) => [...(card.querySelector('ul[aria-label="' + name + '"]')?.children ?? [])].map((li) => li.textContent);
        return { name: card.querySelector('h3').textContent, host: card.querySelector('[data-host]').textContent,
          prefixes: list('URL prefixes'), publishes: list('Publishes') };
      })`,
    );
    expect(cards.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...map.modules]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((module) => ({
          name: module.name,
          host: 'Hosted by this process',
          prefixes: module.urlPrefixes.map((prefix) => `/${prefix}`),
          publishes: module.publishes,
        })),
    );
    expect(await browser.accessibilityViolations(page)).toEqual([]);
    await browser.screenshot(page, 'modules');
    await page.close();
  });

  /**
   * Over NATS (two processes of the split topology in this one): an event the orders consumer keeps
   * failing is parked in the broker's dead-letter stream; the console of the process hosting orders
   * lists it as a broker dead letter, a replay that fails again says so, and once fixed it is delivered.
   */
  (natsAvailable('the broker dead letters in the console') ? describe : describe.skip)('over the broker', () => {
    const prefix = `c${randomBytes(4).toString('hex')}`;
    let database: TestDatabase;
    let publisher: NestFastifyApplication; // catalog + cart
    let consumer: NestFastifyApplication; // orders + accounts, and the console
    let natsBrowser: ConsoleBrowser;

    beforeAll(async () => {
      database = await createTestDatabase();
      publisher = await startSplitApp({
        database,
        prefix,
        modules: ['catalog', 'cart'],
        extraModules: [ProbeModule.hosting(['catalog', 'cart'])],
      });
      consumer = await startSplitApp({
        database,
        prefix,
        modules: ['orders', 'accounts'],
        extraModules: [ProbeModule.hosting(['orders'])],
        env: {
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          PASSWORD_HASH_MEMORY_KIB: '1024',
          PASSWORD_HASH_ITERATIONS: '1',
          BROKER_REDELIVERY_BASE_MS: '20',
          BROKER_REDELIVERY_MAX_MS: '40',
          BROKER_MAX_DELIVERIES: '3',
        },
      });
      await createProbeTables(database.url);
      await consumer.listen(0, '127.0.0.1');
      const { port } = consumer.getHttpServer().address() as { port: number };
      natsBrowser = await ConsoleBrowser.launch(`http://127.0.0.1:${port}`);
    }, 90_000);
    afterAll(async () => {
      probeControls.failingLabels.clear();
      await natsBrowser?.close();
      await Promise.allSettled([publisher?.close(), consumer?.close()]);
      await removeStreamsOf(prefix).catch(() => undefined);
      await database?.drop();
    });

    it('shows a broker dead letter, says when its replay fails again, and replays it delivered once fixed', async () => {
      probeControls.failingLabels.add('console-broker');
      const event = new ProbeHappened({ label: 'console-broker', n: 1 });
      await publisher.get(TransactionRunner).run('catalog', async (tx) => tx.publish(event));

      const page = await natsBrowser.open('/admin/messaging');
      await natsBrowser.logIn(page, ADMIN.email, ADMIN.password);
      const letters = page.getByRole('region', { name: 'Dead letters' });
      const row = letters.locator(`tr[data-dead-letter="${event.eventId}"]`);
      await row.waitFor({ timeout: 20_000 });
      // Cells: the checkbox, module, source, attempts (the message type is the row header).
      expect((await row.getByRole('cell').allTextContents()).slice(1, 4)).toEqual(['orders', 'broker', '3']);
      await page
        .getByRole('region', { name: 'Broker and processes' })
        .getByText(/^Stream .*: connected$/)
        .waitFor();
      expect(await natsBrowser.accessibilityViolations(page)).toEqual([]);
      await natsBrowser.screenshot(page, 'messaging-broker-dead-letter');

      const replay = letters.getByRole('button', { name: `Replay catalog.ProbeHappened.v1 ${event.eventId}` });
      await replay.click();
      const outcome = page.getByRole('status').filter({ hasText: 'Replayed' });
      await outcome.getByText(`orders ${event.eventId}: failed again`).waitFor();
      expect(await row.count()).toBe(1);

      probeControls.failingLabels.delete('console-broker');
      await replay.click();
      await outcome.getByText(`orders ${event.eventId}: delivered`).waitFor();
      await row.waitFor({ state: 'detached' });
      const [{ n }] = (await consumer
        .get(TransactionRunner)
        .run('orders', (tx) =>
          tx.manager.query(`SELECT count(*)::int AS n FROM orders.probe_effects WHERE label = 'console-broker'`),
        )) as { n: number }[];
      expect(n).toBe(1);
      await page.close();
    });
  });
});
