import { MODULE_NAMES } from '../../src/business-modules';
import { natsAvailable } from '../extraction/support/split-apps';
import { ADMIN, Topology } from '../e2e/support/topology';
import { ConsoleBrowser, requireConsoleBuild } from '../support/browser';

/**
 * Who hosts what: payments alone, promotions with tax, everything else in the entry point (the
 * gateway). Three processes over a real NATS, each the real app started as `npm start` does.
 */
const PROCESSES: Readonly<Record<string, readonly string[]>> = {
  main: MODULE_NAMES.filter((name) => !['payments', 'promotions', 'tax'].includes(name)),
  payments: ['payments'],
  promotions: ['promotions', 'tax'],
};

/**
 * The console in the split topology (issue 23): served by the gateway, calling the API on the
 * gateway's origin; the Overview, Messaging and Modules pages show every module with the process
 * that hosts it.
 */
(natsAvailable('the console in the split topology') ? describe : describe.skip)(
  'admin console through the gateway of the split topology',
  () => {
    let topology: Topology;
    let browser: ConsoleBrowser;
    const origin = (process: string) => `http://127.0.0.1:${topology.processes.get(process)!.port}`;
    const hostOf = (module: string) => Object.entries(PROCESSES).find(([, modules]) => modules.includes(module))![0];

    beforeAll(async () => {
      requireConsoleBuild();
      topology = await Topology.start('split', { processes: PROCESSES });
      browser = await ConsoleBrowser.launch(topology.baseUrl);
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await topology?.stop();
    }, 60_000);

    it('logs in at the gateway; Overview, Messaging and Modules show every module with its hosting process', async () => {
      const page = await browser.open('/admin');
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on(
        'response',
        (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
      );
      await browser.logIn(page, ADMIN.email, ADMIN.password);

      // Overview: each module's outbox row, those hosted elsewhere marked with their process's origin.
      const overview = page.getByRole('region', { name: 'Outbox and dead letters' });
      await overview.getByRole('rowheader', { name: 'payments' }).waitFor({ timeout: 20_000 });
      expect((await overview.getByRole('rowheader').allTextContents()).length).toBe(MODULE_NAMES.length);
      for (const module of MODULE_NAMES) {
        const header = overview.getByRole('rowheader').filter({ hasText: new RegExp(`^${module}`) });
        const text = await header.textContent();
        expect(text).toBe(hostOf(module) === 'main' ? module : `${module}${origin(hostOf(module))}`);
      }
      await page.getByRole('region', { name: 'Readiness' }).getByText('Ready', { exact: true }).waitFor();
      expect(await browser.accessibilityViolations(page)).toEqual([]);
      await browser.screenshot(page, 'split-overview');

      // Messaging: the same with the broker's stream and the upstreams that answered.
      await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Messaging' }).click();
      const modules = page.getByRole('region', { name: 'Outbox and inbox per module' });
      await modules.getByRole('rowheader', { name: 'payments' }).waitFor();
      for (const module of MODULE_NAMES) {
        const row = modules
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: module, exact: true }) });
        expect(await row.getByRole('cell').first().textContent()).toBe(
          hostOf(module) === 'main' ? 'this process' : origin(hostOf(module)),
        );
      }
      const broker = page.getByRole('region', { name: 'Broker and processes' });
      await broker.getByText(/^Stream .*: connected$/).waitFor();
      // Each consumer's lag, from the process that hosts it.
      const lag = broker.getByRole('table', { name: 'Consumer lag' });
      for (const module of ['payments', 'promotions', 'orders']) {
        const row = lag.getByRole('row').filter({ has: page.getByRole('rowheader', { name: module, exact: true }) });
        expect(await row.getByRole('cell').first().textContent()).toBe(
          hostOf(module) === 'main' ? 'this process' : origin(hostOf(module)),
        );
      }
      const upstreams = await broker
        .getByRole('list', { name: 'Upstream processes' })
        .getByRole('listitem')
        .allTextContents();
      expect(upstreams.sort()).toEqual(
        [origin('payments'), origin('promotions')].map((o) => `${o}: answered, broker connected`).sort(),
      );
      expect(await browser.accessibilityViolations(page)).toEqual([]);
      await browser.screenshot(page, 'split-messaging');

      // Modules: the map as the gateway sees it, each module with the process that hosts it.
      await page.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: 'Modules' }).click();
      const table = page.getByRole('table', { name: 'Where each module runs' });
      await table.waitFor();
      expect(await table.getByRole('rowheader').allTextContents()).toEqual([...MODULE_NAMES].sort());
      for (const module of MODULE_NAMES) {
        const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: module, exact: true }) });
        const host = hostOf(module);
        expect(await row.getByRole('cell').first().textContent()).toBe(
          host === 'main' ? 'this process' : `${origin(host)} (through the gateway)`,
        );
      }
      expect(
        await page
          .getByRole('region', { name: `Hosted by ${origin('payments')} (through the gateway)` })
          .getByRole('article')
          .count(),
      ).toBe(1);
      expect(await browser.accessibilityViolations(page)).toEqual([]);
      await browser.screenshot(page, 'split-modules');
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
