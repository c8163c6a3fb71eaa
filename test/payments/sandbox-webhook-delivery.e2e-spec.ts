import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { SandboxWebhooks } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { ModuleDataSources } from '../../src/platform/database';
import { createTestApp, TestApp } from '../support/test-app';

describe('the sandbox sending its webhooks', () => {
  let t: TestApp;
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body).id);
        response.writeHead(200).end();
      });
    }).listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const { port } = receiver.address() as { port: number };
    t = await createTestApp({
      modules: ['payments'],
      env: {
        SANDBOX_WEBHOOK_DELIVERY: 'true',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SANDBOX_SWEEP_INTERVAL_MS: '3600000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    receiver.close();
  });

  it('posts each event once however many operations ask for delivery at the same time', async () => {
    const payments = t.app.get(ModuleDataSources).get('payments')!;
    for (const id of ['evt_sbx_a', 'evt_sbx_b']) {
      await payments.query('INSERT INTO sandbox_webhook_events (id, body) VALUES ($1, $2)', [
        id,
        JSON.stringify({ id, type: 'charge.captured', created: 0, data: {} }),
      ]);
    }
    const webhooks = t.app.get(SandboxWebhooks);
    await Promise.all(Array.from({ length: 8 }, () => webhooks.deliverPending()));
    // A call that arrived during a pass asks for one more; let it finish.
    await webhooks.deliverPending();
    expect(received.sort()).toEqual(['evt_sbx_a', 'evt_sbx_b']);
  });
});
