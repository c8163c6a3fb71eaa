import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { SandboxWebhooks } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { ModuleDataSources } from '../../src/platform/database';
import { boundedAnswers } from '../support/bounded-answers';
import { createTestApp, TestApp } from '../support/test-app';

/** SANDBOX_WEBHOOK_CONCURRENCY in this suite. */
const BOUND = 4;

/** What the local receiver does with one parsed POST; the default answers 200 at once. */
type Respond = (event: { id: string; paymentId: string | undefined }, response: ServerResponse) => void;

describe('the sandbox sending its webhooks', () => {
  let t: TestApp;
  let receiver: Server;
  let payments: DataSource;
  let webhooks: SandboxWebhooks;
  let received: string[] = [];
  let respond: Respond = (_event, response) => response.writeHead(200).end();

  beforeAll(async () => {
    receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { id: string; data?: { paymentId?: string } };
        received.push(parsed.id);
        respond({ id: parsed.id, paymentId: parsed.data?.paymentId }, response);
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
        SANDBOX_WEBHOOK_CONCURRENCY: String(BOUND),
      },
    });
    payments = t.app.get(ModuleDataSources).get('payments')!;
    webhooks = t.app.get(SandboxWebhooks);
  });
  beforeEach(async () => {
    await payments.query('DELETE FROM sandbox_webhook_events');
    received = [];
    respond = (_event, response) => response.writeHead(200).end();
  });
  afterAll(async () => {
    await t.close();
    receiver.close();
  });

  /** Logs `count` events, one per payment unless `paymentId` is given, `created_at` one ms apart in order. */
  const logEvents = async (prefix: string, count: number, paymentId?: string): Promise<string[]> => {
    const rows = (await payments.query(
      `INSERT INTO sandbox_webhook_events (id, body, created_at)
       SELECT $1::text || lpad(n::text, 5, '0'),
              jsonb_build_object('id', $1::text || lpad(n::text, 5, '0'), 'type', 'charge.captured', 'created', 0,
                                 'data', jsonb_build_object('paymentId', coalesce($3::text, $1::text || n::text))),
              clock_timestamp() + make_interval(secs => n / 1000.0)
         FROM generate_series(1, $2::int) AS n
       RETURNING id`,
      [prefix, count, paymentId ?? null],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  };
  const pendingCount = async (): Promise<number> => {
    const [{ n }] = (await payments.query(
      'SELECT count(*)::int AS n FROM sandbox_webhook_events WHERE NOT delivered',
    )) as { n: number }[];
    return n;
  };

  it('posts each event once however many operations ask for delivery at the same time', async () => {
    for (const id of ['evt_sbx_a', 'evt_sbx_b']) {
      await payments.query('INSERT INTO sandbox_webhook_events (id, body) VALUES ($1, $2)', [
        id,
        JSON.stringify({ id, type: 'charge.captured', created: 0, data: {} }),
      ]);
    }
    await Promise.all(Array.from({ length: 8 }, () => webhooks.deliverPending()));
    // A call that arrived during a pass asks for one more; let it finish.
    await webhooks.deliverPending();
    expect(received.sort()).toEqual(['evt_sbx_a', 'evt_sbx_b']);
  });

  it('drains a backlog of several pages in one pass, never more than SANDBOX_WEBHOOK_CONCURRENCY POSTs at once', async () => {
    const ids = await logEvents('evt_sbx_backlog_', 1200);
    const answers = boundedAnswers(BOUND);
    respond = (_event, response) => answers.answer(response);

    await webhooks.deliverPending();

    expect(new Set(received).size).toBe(1200);
    expect(received.sort()).toEqual(ids.sort());
    expect(answers.most()).toBe(BOUND);
    expect(await pendingCount()).toBe(0);
  });

  it('tries a failing receiver again on the next pass, and counts each attempt', async () => {
    const [refused, dropped, accepted] = await logEvents('evt_sbx_retry_', 3);
    const attemptsOf = new Map<string, number>();
    respond = ({ id }, response) => {
      const attempt = (attemptsOf.get(id) ?? 0) + 1;
      attemptsOf.set(id, attempt);
      if (attempt === 1 && id === refused) response.writeHead(500).end();
      else if (attempt === 1 && id === dropped) response.socket?.destroy();
      else response.writeHead(200).end();
    };

    await webhooks.deliverPending();
    const afterFirst = (await payments.query(
      'SELECT id, delivered, attempts FROM sandbox_webhook_events ORDER BY id',
    )) as { id: string; delivered: boolean; attempts: number }[];
    expect(afterFirst).toEqual([
      { id: refused, delivered: false, attempts: 1 },
      { id: dropped, delivered: false, attempts: 1 },
      { id: accepted, delivered: true, attempts: 1 },
    ]);

    await webhooks.deliverPending();
    const afterSecond = (await payments.query(
      'SELECT id, delivered, attempts FROM sandbox_webhook_events ORDER BY id',
    )) as { id: string; delivered: boolean; attempts: number }[];
    expect(afterSecond).toEqual([
      { id: refused, delivered: true, attempts: 2 },
      { id: dropped, delivered: true, attempts: 2 },
      { id: accepted, delivered: true, attempts: 1 },
    ]);
    expect(received.filter((id) => id === accepted)).toHaveLength(1);
  });

  it("posts one payment's events one after another, in the order they were logged, beside other payments'", async () => {
    const ordered = await logEvents('evt_sbx_same_', 12, 'payment-with-many-events');
    await logEvents('evt_sbx_other_', 24);
    const openFor = new Map<string, number>();
    let mostForOnePayment = 0;
    respond = ({ paymentId }, response) => {
      const key = paymentId ?? '';
      openFor.set(key, (openFor.get(key) ?? 0) + 1);
      mostForOnePayment = Math.max(mostForOnePayment, openFor.get(key)!);
      setImmediate(() => {
        openFor.set(key, openFor.get(key)! - 1);
        response.writeHead(200).end();
      });
    };

    await webhooks.deliverPending();

    expect(received.filter((id) => id.startsWith('evt_sbx_same_'))).toEqual(ordered);
    expect(mostForOnePayment).toBe(1);
    expect(received).toHaveLength(36);
  });
});
