import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { SandboxCarrierProvider } from '../../src/modules/shipping/infrastructure/providers/sandbox-carrier.provider';
import { ModuleDataSources } from '../../src/platform/database';
import { boundedAnswers } from '../support/bounded-answers';
import { createTestApp, TestApp } from '../support/test-app';

/** SHIPPING_SANDBOX_WEBHOOK_CONCURRENCY in this suite. */
const BOUND = 4;

/** What the local receiver does with one parsed POST; the default answers 200 at once. */
type Respond = (event: { id: string; trackingNumber: string }, response: ServerResponse) => void;

describe('the sandbox carrier sending its tracking webhooks', () => {
  let t: TestApp;
  let receiver: Server;
  let shipping: DataSource;
  let carrier: SandboxCarrierProvider;
  let received: string[] = [];
  let respond: Respond = (_event, response) => response.writeHead(200).end();

  beforeAll(async () => {
    receiver = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as { id: string; trackingNumber: string };
        received.push(parsed.id);
        respond(parsed, response);
      });
    }).listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const { port } = receiver.address() as { port: number };
    t = await createTestApp({
      modules: ['shipping'],
      env: {
        SHIPPING_SANDBOX_WEBHOOK_DELIVERY: 'true',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SHIPPING_SANDBOX_SWEEP_INTERVAL_MS: '3600000',
        SHIPPING_SANDBOX_WEBHOOK_CONCURRENCY: String(BOUND),
      },
    });
    shipping = t.app.get(ModuleDataSources).get('shipping')!;
    carrier = t.app.get(SandboxCarrierProvider);
  });
  beforeEach(async () => {
    await shipping.query('DELETE FROM sandbox_events');
    await shipping.query('DELETE FROM sandbox_parcels');
    received = [];
    respond = (_event, response) => response.writeHead(200).end();
  });
  afterAll(async () => {
    await t.close();
    receiver.close();
  });

  /**
   * Logs `count` in-transit events, one per parcel unless `parcel` is given, `created_at` one ms
   * apart in order; their ids (the body's) in that order.
   */
  const logEvents = async (prefix: string, count: number, parcel?: string): Promise<string[]> => {
    await shipping.query(
      `INSERT INTO sandbox_parcels (tracking_number, shipment_id)
       SELECT DISTINCT coalesce($3::text, $1::text || n::text), gen_random_uuid() FROM generate_series(1, $2::int) AS n
       ON CONFLICT DO NOTHING`,
      [prefix, count, parcel ?? null],
    );
    const rows = (await shipping.query(
      `INSERT INTO sandbox_events (id, tracking_number, body, created_at)
       SELECT gen_random_uuid(), coalesce($3::text, $1::text || n::text),
              jsonb_build_object('id', $1::text || lpad(n::text, 5, '0'),
                                 'trackingNumber', coalesce($3::text, $1::text || n::text),
                                 'status', 'in_transit', 'occurredAt', 0, 'sequence', n),
              clock_timestamp() + make_interval(secs => n / 1000.0)
         FROM generate_series(1, $2::int) AS n
       RETURNING body->>'id' AS id`,
      [prefix, count, parcel ?? null],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  };
  const pendingCount = async (): Promise<number> => {
    const [{ n }] = (await shipping.query('SELECT count(*)::int AS n FROM sandbox_events WHERE NOT delivered')) as {
      n: number;
    }[];
    return n;
  };

  it('drains a backlog of several pages in one pass, never more than SHIPPING_SANDBOX_WEBHOOK_CONCURRENCY POSTs at once', async () => {
    const ids = await logEvents('SBXBACKLOG', 1200);
    const answers = boundedAnswers(BOUND);
    respond = (_event, response) => answers.answer(response);

    await carrier.deliverPending();

    expect(new Set(received).size).toBe(1200);
    expect(received.sort()).toEqual(ids.sort());
    expect(answers.most()).toBe(BOUND);
    expect(await pendingCount()).toBe(0);
  });

  it("posts one parcel's events one after another, in the order they were logged, beside other parcels'", async () => {
    const ordered = await logEvents('SBXSAME', 12, 'SBX000000000001');
    await logEvents('SBXOTHER', 24);
    const openFor = new Map<string, number>();
    let mostForOneParcel = 0;
    respond = ({ trackingNumber }, response) => {
      openFor.set(trackingNumber, (openFor.get(trackingNumber) ?? 0) + 1);
      mostForOneParcel = Math.max(mostForOneParcel, openFor.get(trackingNumber)!);
      setImmediate(() => {
        openFor.set(trackingNumber, openFor.get(trackingNumber)! - 1);
        response.writeHead(200).end();
      });
    };

    await carrier.deliverPending();

    expect(received.filter((id) => id.startsWith('SBXSAME'))).toEqual(ordered);
    expect(mostForOneParcel).toBe(1);
    expect(received).toHaveLength(36);
  });

  it('tries a failing receiver again on the next pass, and counts each attempt', async () => {
    const [refused, accepted] = await logEvents('SBXRETRY', 2);
    const attemptsOf = new Map<string, number>();
    respond = ({ id }, response) => {
      const attempt = (attemptsOf.get(id) ?? 0) + 1;
      attemptsOf.set(id, attempt);
      response.writeHead(attempt === 1 && id === refused ? 500 : 200).end();
    };
    const state = async () =>
      (await shipping.query(
        `SELECT body->>'id' AS id, delivered, attempts FROM sandbox_events ORDER BY body->>'id'`,
      )) as { id: string; delivered: boolean; attempts: number }[];

    await carrier.deliverPending();
    expect(await state()).toEqual([
      { id: refused, delivered: false, attempts: 1 },
      { id: accepted, delivered: true, attempts: 1 },
    ]);

    await carrier.deliverPending();
    expect(await state()).toEqual([
      { id: refused, delivered: true, attempts: 2 },
      { id: accepted, delivered: true, attempts: 1 },
    ]);
    expect(received.filter((id) => id === accepted)).toHaveLength(1);
  });
});
